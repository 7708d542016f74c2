/** Booking in tests: the proof-of-work solved as the widget would, and the demo office's facts. */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { FastifyInstance } from 'fastify';

/**
 * A solved challenge from the app, base64 as the widget posts it (good once). `direct` takes
 * the challenge from the service instead of the rate-limited route (the booking bench).
 */
export async function solvedChallenge(app: FastifyInstance, direct = false): Promise<string> {
  const challenge = direct
    ? ((await app.services.appointments.challenge()) as Challenge)
    : (await app.inject({ method: 'GET', url: '/api/booking-challenge' })).json<Challenge>();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
