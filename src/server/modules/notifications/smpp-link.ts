/**
 * One bound SMPP transceiver session with what the `smpp` package leaves out: a deadline on
 * connect, bind and every request, a rejected promise (not silence) when the socket is gone,
 * answers to the SMSC's enquire_link/deliver_sm/unbind, and our own keep-alive that notices a
 * half-open connection.
 */
import smpp, { type PDU, type Session } from 'smpp';
import { DeliveryError } from './delivery-error.js';

export interface SmppLinkOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  /** Deadline for connect + bind and for each request's response. */
  timeoutMs: number;
  /** Interval of our enquire_link; 0 turns the keep-alive off. */
  enquireLinkMs: number;
}

/** Name of an SMPP command_status, e.g. 0x0b → 'ESME_RINVDSTADR'. */
export function statusName(status: number): string {
  const name = Object.entries(smpp.errors).find(([, code]) => code === status)?.[0];
  return name ?? `0x${status.toString(16).padStart(4, '0')}`;
}

const BIND_REFUSED = new Set(['ESME_RBINDFAIL', 'ESME_RINVPASWD', 'ESME_RINVSYSID']);

export class SmppLink {
  #closed = false;
  readonly #pending = new Set<(error: DeliveryError) => void>();
  #keepAlive: NodeJS.Timeout | undefined;

  private constructor(
    private readonly session: Session,
    private readonly options: SmppLinkOptions,
  ) {}

  /** Connects and binds; rejects with a temporary DeliveryError (UNREACHABLE/TIMEOUT/AUTH). */
  static open(options: SmppLinkOptions): Promise<SmppLink> {
    const where = `SMPP ${options.host}:${options.port}`;
    return new Promise((resolve, reject) => {
      const session = smpp.connect({ host: options.host, port: options.port });
      const link = new SmppLink(session, options);
      let settled = false;
      const fail = (error: DeliveryError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        session.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new DeliveryError('temporary', 'TIMEOUT', `${where}: no bind within deadline`)),
        options.timeoutMs,
      );
      // Without an 'error' listener a refused connection would crash the process.
      session.on('error', (error: Error) => {
        link.#fail(`${where}: ${error.message}`, error);
        fail(
          new DeliveryError('temporary', 'UNREACHABLE', `${where}: ${error.message}`, {
            cause: error,
          }),
        );
      });
      session.on('close', () => {
        link.#fail(`${where}: connection closed`);
        fail(new DeliveryError('temporary', 'UNREACHABLE', `${where}: closed before bind`));
      });
      link.#answerServerRequests();
      session.on('connect', () => {
        const credentials = { system_id: options.systemId, password: options.password };
        session.bind_transceiver(credentials, (pdu) => {
          if (pdu.command_status === 0) {
            settled = true;
            clearTimeout(timer);
            link.#startKeepAlive();
            resolve(link);
            return;
          }
          const name = statusName(pdu.command_status);
          const code = BIND_REFUSED.has(name) ? 'AUTH_FAILED' : 'PROVIDER_ERROR';
          fail(new DeliveryError('temporary', code, `${where}: bind_transceiver refused: ${name}`));
        });
      });
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends a request PDU and resolves with its response, whatever its command_status. */
  request(operation: 'submit_sm' | 'enquire_link', params: Record<string, unknown>): Promise<PDU> {
    const where = `SMPP ${this.options.host}:${this.options.port}`;
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new DeliveryError('temporary', 'UNREACHABLE', `${where}: connection closed`));
        return;
      }
      const settle = (error: DeliveryError | null, pdu?: PDU): void => {
        clearTimeout(timer);
        this.#pending.delete(settle);
        if (error) reject(error);
        else if (pdu) resolve(pdu);
      };
      const timer = setTimeout(() => {
        settle(new DeliveryError('temporary', 'TIMEOUT', `${where}: no ${operation}_resp`));
        this.#drop(`${where}: dropped after a timeout`); // a hung SMSC: the next send reconnects
      }, this.options.timeoutMs);
      this.#pending.add(settle);
      const sent = this.session[operation](params, (pdu) => settle(null, pdu));
      if (!sent) this.#drop(`${where}: socket not writable`);
    });
  }

  /** Unbinds politely (bounded by the deadline), then closes the socket. */
  async close(): Promise<void> {
    if (this.#closed) return;
    const closed = new Promise<void>((resolve) => this.session.once('close', () => resolve()));
    const unbound = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(this.options.timeoutMs, 2_000));
      const sent = this.session.unbind({}, () => {
        clearTimeout(timer);
        resolve();
      });
      if (!sent) resolve();
    });
    await unbound;
    this.session.destroy();
    await closed;
  }

  #answerServerRequests(): void {
    const session = this.session;
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    // Delivery receipts and replies are not used; acknowledge so the SMSC does not resend.
    session.on('deliver_sm', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
  }

  #startKeepAlive(): void {
    if (this.options.enquireLinkMs <= 0) return;
    this.#keepAlive = setInterval(() => {
      // A timeout destroys the session; the failure itself needs no handling here.
      this.request('enquire_link', {}).catch(() => {});
    }, this.options.enquireLinkMs);
    this.#keepAlive.unref();
  }

  /** Marks the link closed at once (the socket's 'close' event comes a tick later). */
  #drop(reason: string): void {
    this.#fail(reason);
    this.session.destroy();
  }

  #fail(reason: string, cause?: Error): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keepAlive);
    for (const settle of [...this.#pending]) {
      settle(new DeliveryError('temporary', 'UNREACHABLE', reason, { cause }));
    }
  }
}
