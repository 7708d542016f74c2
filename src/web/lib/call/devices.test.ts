import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICE,
  STORAGE_KEY,
  groupDevices,
  loadChoice,
  saveChoice,
  updateChoice,
  videoConstraints,
} from './devices.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('the remembered device choice', () => {
  it('round-trips through storage', () => {
    const store = memoryStorage();
    const choice = {
      cameraId: 'cam-2',
      microphoneId: 'mic-1',
      speakerId: 'spk',
      facing: '' as const,
      audioOnly: true,
    };
    saveChoice(choice, store);
    expect(loadChoice(store)).toEqual(choice);
    expect(updateChoice({ facing: 'environment', cameraId: '' }, store)).toEqual({
      ...choice,
      facing: 'environment',
      cameraId: '',
    });
    expect(JSON.parse(store.data.get(STORAGE_KEY)!)).toMatchObject({ facing: 'environment' });
  });

  it('falls back to the default for missing, broken or foreign values', () => {
    expect(loadChoice(memoryStorage())).toEqual(DEFAULT_CHOICE);
    expect(loadChoice(memoryStorage({ [STORAGE_KEY]: '{not json' }))).toEqual(DEFAULT_CHOICE);
    expect(loadChoice(null)).toEqual(DEFAULT_CHOICE);
    const odd = {
      cameraId: 7,
      facing: 'sideways',
      audioOnly: 'yes',
      microphoneId: 'x'.repeat(600),
    };
    expect(loadChoice(memoryStorage({ [STORAGE_KEY]: JSON.stringify(odd) }))).toEqual(
      DEFAULT_CHOICE,
    );
  });

  it('survives a storage that throws (privacy mode)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(() => saveChoice(DEFAULT_CHOICE, throwing)).not.toThrow();
    expect(loadChoice(throwing)).toEqual(DEFAULT_CHOICE);
  });

  it('asks for the chosen camera by id, or front/back by facing mode, never exactly', () => {
    expect(videoConstraints({ ...DEFAULT_CHOICE, cameraId: 'c1' }).deviceId).toEqual({
      ideal: 'c1',
    });
    const back = videoConstraints({ ...DEFAULT_CHOICE, cameraId: 'c1', facing: 'environment' });
    expect(back.facingMode).toEqual({ ideal: 'environment' });
    expect(back.deviceId).toBeUndefined();
  });

  it('groups devices by kind and leaves out the unnamed "default" speaker', () => {
    const device = (kind: MediaDeviceKind, deviceId: string) =>
      ({ kind, deviceId, label: deviceId, groupId: '' }) as MediaDeviceInfo;
    const lists = groupDevices([
      device('videoinput', 'cam'),
      device('audioinput', 'mic'),
      device('audiooutput', 'default'),
      device('audiooutput', 'spk'),
      device('videoinput', ''),
    ]);
    expect(lists.cameras.map((d) => d.deviceId)).toEqual(['cam']);
    expect(lists.microphones.map((d) => d.deviceId)).toEqual(['mic']);
    expect(lists.speakers.map((d) => d.deviceId)).toEqual(['spk']);
  });
});
