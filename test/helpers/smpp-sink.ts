/**
 * A real SMPP server (the `smpp` package's) on 127.0.0.1 standing in for an SMSC: accepts
 * bind_transceiver with one system_id/password, answers submit_sm, joins concatenated parts by
 * their UDH reference and records each complete message. It decodes with the package's own
 * GSM 03.38/UCS-2 decoder, so tests check our encoder against an independent one.
 */
import smpp, { type DecodedShortMessage, type PDU, type Server, type Session } from 'smpp';
import type { AddressInfo } from 'node:net';
import { Inbox } from './inbox.js';

export interface ReceivedSms {
  /** destination_addr as sent (E.164 without '+'). */
  to: string;
  from: string;
  sourceTon: number;
  destinationTon: number;
  text: string;
  parts: number;
  /** Text of each part in order, to check where splits fell. */
  partTexts: string[];
  dataCoding: number;
}

export interface SmppSinkOptions {
  systemId?: string;
  password?: string;
  /** Default: a free port. */
  port?: number;
}

interface PartialMessage {
  texts: (string | undefined)[];
  received: number;
}

const STATUS = smpp.errors;

export class SmppSink {
  readonly systemId: string;
  readonly password: string;
  /** bind_transceiver requests accepted so far (one per client connection). */
  binds = 0;
  #port = 0;
  #server: Server | null = null;
  readonly #inbox = new Inbox<ReceivedSms>('SMS');
  readonly #partial = new Map<string, PartialMessage>();
  #failures: { count: number; status: number } = { count: 0, status: 0 };
  #ignored = 0;
  #nextId = 1;

  constructor(options: SmppSinkOptions = {}) {
    this.systemId = options.systemId ?? 'buergerbuero';
    this.password = options.password ?? 'secret12';
    this.#port = options.port ?? 0;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `smpp://127.0.0.1:${this.#port}`;
  }

  /** Listens on a free port the first time, and on the same port after stop(). */
  async start(): Promise<void> {
    if (this.#server) return;
    const server = smpp.createServer({}, (session) => this.#accept(session));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Simulates an outage: closes the listener and drops every client connection. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const session of [...server.sessions]) session.destroy();
    await closed;
  }

  /** Answers the next `count` submit_sm with `status` (e.g. smpp.errors.ESME_RTHROTTLED). */
  failNext(count: number, status: number): void {
    this.#failures = { count, status };
  }

  /** Leaves the next `count` submit_sm unanswered, like a hung SMSC. */
  ignoreNext(count: number): void {
    this.#ignored = count;
  }

  /** Sends enquire_link to every connected client; resolves with how many answered. */
  async enquireClients(timeoutMs = 1_000): Promise<number> {
    const sessions = this.#server ? [...this.#server.sessions] : [];
    const answers = sessions.map(
      (session) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), timeoutMs);
          session.enquire_link({}, (pdu) => {
            clearTimeout(timer);
            resolve(pdu.command_status === 0);
          });
        }),
    );
    return (await Promise.all(answers)).filter(Boolean).length;
  }

  messages(): ReceivedSms[] {
    return this.#inbox.all();
  }

  waitFor(predicate: (sms: ReceivedSms) => boolean, timeoutMs = 5_000): Promise<ReceivedSms> {
    return this.#inbox.waitFor(predicate, timeoutMs);
  }

  #accept(session: Session): void {
    let bound = false;
    session.on('error', () => {}); // clients that vanish mid-stream are part of the tests
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== this.systemId || pdu.password !== this.password) {
        session.send(pdu.response({ command_status: STATUS.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      bound = true;
      this.binds++;
      session.send(pdu.response({ system_id: 'smpp-sink' }));
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => {
      if (!bound) {
        session.send(pdu.response({ command_status: STATUS.ESME_RINVBNDSTS }));
      } else if (this.#ignored > 0) {
        this.#ignored--;
      } else if (this.#failures.count > 0) {
        this.#failures.count--;
        session.send(pdu.response({ command_status: this.#failures.status }));
      } else {
        this.#record(pdu);
        session.send(pdu.response({ message_id: `sink-${this.#nextId++}` }));
      }
    });
  }

  #record(pdu: PDU): void {
    const short = pdu.short_message as DecodedShortMessage;
    const text = typeof short.message === 'string' ? short.message : short.message.toString();
    const concat = short.udh?.find((element) => element[0] === 0x00 && element[1] === 3);
    const from = String(pdu.source_addr);
    const to = String(pdu.destination_addr);
    const base = {
      to,
      from,
      sourceTon: Number(pdu.source_addr_ton),
      destinationTon: Number(pdu.dest_addr_ton),
      dataCoding: Number(pdu.data_coding),
    };
    if (!concat) {
      this.#complete({ ...base, text, parts: 1, partTexts: [text] });
      return;
    }
    const [, , reference = 0, total = 0, sequence = 0] = concat;
    const key = `${from}|${to}|${reference}`;
    const partial = this.#partial.get(key) ?? { texts: new Array<string>(total), received: 0 };
    this.#partial.set(key, partial);
    if (partial.texts[sequence - 1] === undefined) partial.received++;
    partial.texts[sequence - 1] = text;
    if (partial.received < total) return;
    this.#partial.delete(key);
    const partTexts = partial.texts.map((part) => part ?? '');
    this.#complete({ ...base, text: partTexts.join(''), parts: total, partTexts });
  }

  #complete(sms: ReceivedSms): void {
    this.#inbox.add(sms);
  }
}

export async function startSmppSink(options: SmppSinkOptions = {}): Promise<SmppSink> {
  const sink = new SmppSink(options);
  await sink.start();
  return sink;
}
