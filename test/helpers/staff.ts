/** Logs a staff member in through the real API and makes authenticated requests. */
import type { FastifyInstance } from 'fastify';
import type { StaffMe } from '../../src/shared/staff.js';

export const PASSWORD = 'buergerbuero-demo';
export const ANNA = 'anna.schmidt@buergerbuero.example';
export const MEHMET = 'mehmet.yilmaz@buergerbuero.example';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the shape
type StaffResponse = { status: number; body: any };

export interface StaffClient {
  me: StaffMe;
  cookie: string;
  request(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<StaffResponse>;
}

/** `app` may be a getter, for tests that restart the app while the staff member stays. */
export async function loginStaff(
  appOrGetter: FastifyInstance | (() => FastifyInstance),
  email: string,
): Promise<StaffClient> {
  const current = () => (typeof appOrGetter === 'function' ? appOrGetter() : appOrGetter);
  const app = current();
  const login = await app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { email, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const setCookie = String(login.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const me = login.json<StaffMe>();
  return {
    me,
    cookie,
    async request(method, url, body) {
      const response = await current().inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: response.statusCode, body: response.body ? response.json() : null };
    },
  };
}
