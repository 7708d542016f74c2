/**
 * A dedicated PostgreSQL connection that LISTENs for the app's notifications and comes back by
 * itself (with backoff) when the connection drops — a database restart must not leave a node deaf.
 */
import pg from 'pg';

export async function listenPostgres(
  config: pg.ClientConfig,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    attempt = 0;
    if (isReconnect) onReconnect();
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (stopped || client !== failed) return;
    client = null;
    failed.removeAllListeners('end');
    void failed.end().catch(() => {});
    const delay = Math.min(10_000, 250 * 2 ** attempt++);
    retry = setTimeout(() => {
      connect(true).catch(() => {
        client = failed; // let the next attempt reschedule
        scheduleReconnect(failed);
      });
    }, delay);
  };

  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}
