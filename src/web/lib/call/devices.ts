/**
 * The citizen's (or staff member's) choice of camera, microphone and speaker, remembered in
 * localStorage on this device, and the getUserMedia constraints made from it. Device ids are
 * `ideal`, not `exact`: a camera that was unplugged since then falls back to another one.
 */
export type Facing = 'user' | 'environment';

export interface DeviceChoice {
  cameraId: string;
  microphoneId: string;
  speakerId: string;
  /** Front or back camera on phones; '' when a camera was chosen by name. */
  facing: Facing | '';
  /** Join without camera. */
  audioOnly: boolean;
}

export const STORAGE_KEY = 'vb-devices';

export const DEFAULT_CHOICE: DeviceChoice = {
  cameraId: '',
  microphoneId: '',
  speakerId: '',
  facing: '',
  audioOnly: false,
};

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // blocked by privacy settings
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.length <= 512 ? value : '');

/** The remembered choice; anything missing or malformed falls back to the default. */
export function loadChoice(store: StorageLike | null = storage()): DeviceChoice {
  let raw: unknown;
  try {
    raw = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_CHOICE };
  const value = raw as Record<string, unknown>;
  return {
    cameraId: text(value.cameraId),
    microphoneId: text(value.microphoneId),
    speakerId: text(value.speakerId),
    facing: value.facing === 'user' || value.facing === 'environment' ? value.facing : '',
    audioOnly: value.audioOnly === true,
  };
}

export function saveChoice(choice: DeviceChoice, store: StorageLike | null = storage()): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Full or blocked: the choice lasts for this page only.
  }
}

/** Changes some fields of the remembered choice and returns the result. */
export function updateChoice(
  change: Partial<DeviceChoice>,
  store: StorageLike | null = storage(),
): DeviceChoice {
  const next = { ...loadChoice(store), ...change };
  saveChoice(next, store);
  return next;
}

export function audioConstraints(choice: DeviceChoice): MediaTrackConstraints | true {
  const base = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  return choice.microphoneId ? { ...base, deviceId: { ideal: choice.microphoneId } } : base;
}

/**
 * 640×480 at up to 30 fps: enough for a face, fine for a phone on a weak network, and quick
 * to start (in Chromium the first frame arrives ~130 ms sooner than at 1280×720). Paper
 * documents travel as uploads or through screen sharing, which keeps its full resolution.
 */
export function videoConstraints(choice: DeviceChoice): MediaTrackConstraints {
  const base: MediaTrackConstraints = {
    width: { ideal: 640 },
    height: { ideal: 480 },
    frameRate: { ideal: 30, max: 30 },
  };
  if (choice.facing) return { ...base, facingMode: { ideal: choice.facing } };
  if (choice.cameraId) return { ...base, deviceId: { ideal: choice.cameraId } };
  return base;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** The devices by kind (labels only after permission was given). */
export function groupDevices(devices: readonly MediaDeviceInfo[]): DeviceLists {
  const usable = devices.filter((device) => device.deviceId !== '');
  return {
    cameras: usable.filter((device) => device.kind === 'videoinput'),
    microphones: usable.filter((device) => device.kind === 'audioinput'),
    speakers: usable.filter(
      (device) => device.kind === 'audiooutput' && device.deviceId !== 'default',
    ),
  };
}
