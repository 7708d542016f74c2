import { describe, expect, it } from 'vitest';
import { forgetAppointment, loadAppointment, saveAppointment } from './appointment-store.js';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const NOW = new Date('2026-11-25T09:00:00Z');

describe('appointment store', () => {
  it('keeps the booked appointment per office until two hours after its start', () => {
    const storage = memoryStorage();
    saveAppointment('demo', { token: 'tok-1', start: '2026-11-25T10:00:00Z' }, storage);
    expect(loadAppointment('demo', NOW, storage)).toEqual({
      token: 'tok-1',
      start: '2026-11-25T10:00:00Z',
    });
    expect(loadAppointment('other', NOW, storage)).toBeNull();
    expect(loadAppointment('demo', new Date('2026-11-25T12:01:00Z'), storage)).toBeNull();
    // …and then it is gone for good.
    expect(loadAppointment('demo', NOW, storage)).toBeNull();
  });

  it('forgets an appointment only when it is the one named', () => {
    const storage = memoryStorage();
    saveAppointment('demo', { token: 'new', start: '2026-11-26T10:00:00Z' }, storage);
    forgetAppointment('demo', 'old', storage);
    expect(loadAppointment('demo', NOW, storage)?.token).toBe('new');
    forgetAppointment('demo', 'new', storage);
    expect(loadAppointment('demo', NOW, storage)).toBeNull();
  });

  it('treats unreadable entries as none', () => {
    const storage = memoryStorage();
    storage.setItem('bb.appointment.demo', '{nope');
    expect(loadAppointment('demo', NOW, storage)).toBeNull();
    expect(loadAppointment('demo', NOW, null)).toBeNull();
  });
});
