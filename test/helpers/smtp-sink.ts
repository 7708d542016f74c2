/**
 * A real SMTP server (`smtp-server`) on 127.0.0.1 that keeps every accepted message, with a
 * small MIME reader for what nodemailer produces: multipart trees, base64 and
 * quoted-printable bodies, RFC 2047 encoded-word headers. Not a general mail parser.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { Inbox } from './inbox.js';

export interface MimePart {
  /** Lower-case header names; folded lines joined. */
  headers: Map<string, string>;
  /** e.g. 'text/calendar' (lower case, without parameters). */
  type: string;
  /** Parameters of Content-Type, names lower case (charset, method, boundary …). */
  params: Map<string, string>;
  /** Decoded body as UTF-8 text (leaf parts only). */
  body: string;
  children: MimePart[];
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  root: MimePart;
  subject: string;
  messageId: string;
  /** The first text/plain part, with '\n' line ends. */
  text: string;
  /** All leaf parts, depth first (alternatives and attachments). */
  leaves: MimePart[];
}

function parseParams(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const item of rest) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const name = item.slice(0, at).trim().toLowerCase();
    params.set(
      name,
      item
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: '=?UTF-8?Q?B=C3=BCrger?=' → 'Bürger'. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_match, _charset, encoding: string, data: string) =>
        (encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : decodeQuotedPrintable(data.replace(/_/g, ' '))
        ).toString('utf8'),
    );
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const content = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const { type, params } = parseParams(headers.get('content-type') ?? 'text/plain');
  const boundary = params.get('boundary');
  if (type.startsWith('multipart/') && boundary) {
    const sections = content.split(`--${boundary}`).slice(1); // before the first is preamble
    const children = sections
      .filter((section) => !section.startsWith('--'))
      .map((section) => parseMime(section.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, type, params, body: '', children };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content).toString('utf8')
        : content;
  return { headers, type, params, body, children: [] };
}

function leavesOf(part: MimePart): MimePart[] {
  return part.children.length ? part.children.flatMap(leavesOf) : [part];
}

export class SmtpSink {
  #server: SMTPServer | null = null;
  #port: number;
  readonly #inbox = new Inbox<ReceivedMail>('mail');
  #rejections: { count: number; responseCode: number } = { count: 0, responseCode: 0 };
  /** Recipients refused at RCPT TO with 550, like a mailbox that does not exist. */
  readonly unknownRecipients = new Set<string>();

  constructor(port = 0) {
    this.#port = port;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** Listens on a free port the first time, and on the same port after stop(). */
  async start(): Promise<void> {
    if (this.#server) return;
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 100,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onRcptTo: (address, _session, callback) => {
        if (!this.unknownRecipients.has(address.address)) return callback();
        const error: SMTPServerError = new Error('no such mailbox');
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.#rejections.count > 0) {
            this.#rejections.count--;
            const error: SMTPServerError = new Error('rejected by the test sink');
            error.responseCode = this.#rejections.responseCode;
            callback(error);
            return;
          }
          const from = session.envelope.mailFrom;
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          this.#record(Buffer.concat(chunks).toString('utf8'), from ? from.address : '', to);
          callback(null, 'queued');
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Closes the listener and all connections, to simulate an outage. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers DATA of the next `count` messages with `responseCode` (e.g. 550 or 451). */
  rejectNext(count: number, responseCode: number): void {
    this.#rejections = { count, responseCode };
  }

  messages(): ReceivedMail[] {
    return this.#inbox.all();
  }

  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 5_000): Promise<ReceivedMail> {
    return this.#inbox.waitFor(predicate, timeoutMs);
  }

  #record(raw: string, from: string, to: string[]): void {
    const root = parseMime(raw);
    const leaves = leavesOf(root);
    this.#inbox.add({
      envelope: { from, to },
      raw,
      root,
      subject: decodeHeader(root.headers.get('subject') ?? ''),
      messageId: root.headers.get('message-id') ?? '',
      // Line ends are CRLF on the wire; a mail program shows them as plain newlines.
      text: (leaves.find((part) => part.type === 'text/plain')?.body ?? '').replace(/\r\n/g, '\n'),
      leaves,
    });
  }
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sink = new SmtpSink(port);
  await sink.start();
  return sink;
}
