import { describe, expect, it } from 'vitest';
import { DutySaver } from './duty-saver.js';
import type { DutyState, StaffMe } from './types.js';

function me(duty: DutyState): StaffMe {
  return {
    id: 1,
    name: 'Anna',
    email: 'a@example.org',
    role: 'staff',
    csrfToken: 'x',
    offices: [{ slug: 'demo', name: 'Demo', duty, waiting: 0 }],
    activeConsultationId: null,
  };
}

describe('DutySaver', () => {
  it('sends one request at a time per office and ends with the newest wish', async () => {
    const sent: DutyState[] = [];
    const answers: StaffMe[] = [];
    let release: () => void = () => undefined;
    const saver = new DutySaver(
      async (_slug, state) => {
        sent.push(state);
        if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return me(state);
      },
      (answer) => answers.push(answer),
    );
    const first = saver.set('demo', 'paused');
    expect(saver.wanted.get('demo')).toBe('paused');
    expect(await saver.set('demo', 'off')).toBeNull(); // taken along by the running request
    expect(await saver.set('demo', 'available')).toBeNull();
    release();
    expect(await first).toBe('available');
    expect(sent).toEqual(['paused', 'available']);
    expect(answers.at(-1)?.offices[0]?.duty).toBe('available');
    expect(saver.wanted.size).toBe(0);
  });

  it('drops the wish when saving fails', async () => {
    const saver = new DutySaver(
      () => Promise.reject(new Error('409')),
      () => undefined,
    );
    await expect(saver.set('demo', 'available')).rejects.toThrow('409');
    expect(saver.wanted.size).toBe(0);
  });
});
