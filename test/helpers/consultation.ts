/** Brings a test app to an active consultation: staff on duty, a citizen called and joined. */
import type { CreatedTicket } from '../../src/shared/queue.js';
import type { TestApp } from './app.js';
import { ANNA, loginStaff, type StaffClient } from './staff.js';

export interface ActiveConsultation {
  staff: StaffClient;
  ticket: CreatedTicket;
  consultationId: string;
}

export async function activeConsultation(
  t: TestApp,
  staff?: StaffClient,
): Promise<ActiveConsultation> {
  const clerk = staff ?? (await loginStaff(() => t.app, ANNA));
  await clerk.request('PUT', '/api/staff/duty/demo', { state: 'available' });
  const ticket = (
    await t.app.inject({ method: 'POST', url: '/api/offices/demo/tickets', payload: {} })
  ).json<CreatedTicket>();
  const call = await clerk.request('POST', '/api/staff/offices/demo/call-next');
  if (call.status !== 200) throw new Error(`call failed: ${JSON.stringify(call.body)}`);
  await t.app.inject({
    method: 'POST',
    url: `/api/tickets/${ticket.ticket.id}/join`,
    headers: { 'x-ticket-secret': ticket.secret },
  });
  return { staff: clerk, ticket, consultationId: call.body.consultationId as string };
}
