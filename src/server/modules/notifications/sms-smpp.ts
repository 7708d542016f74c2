/**
 * SMS over SMPP 3.4 (bind_transceiver, submit_sm). Connects on the first send, reconnects on
 * the next send after the link dropped, splits long texts itself (the `smpp` package does not).
 */
import { DeliveryError, type DeliveryErrorCode } from './delivery-error.js';
import { SmppLink, statusName } from './smpp-link.js';
import { isE164, type SmsGateway, type SmsMessage } from './sms-gateway.js';
import { encodeSms, type EncodedSms } from './sms-encoding.js';

export interface SmppGatewayConfig {
  /** 'smpp://host:port' (port defaults to 2775; TLS is not supported). */
  url: string;
  systemId: string;
  password: string;
  /** Alphanumeric sender ('Buergeramt', at most 11 characters), '+49…' or a short code. */
  sender: string;
  /** Deadline for connect + bind and for each PDU's response. Default 10 s. */
  timeoutMs?: number;
  /** Keep-alive interval. Default 30 s; 0 turns it off. */
  enquireLinkMs?: number;
  /** Longer texts are rejected as permanent errors. Default 6 parts. */
  maxParts?: number;
}

/** SMPP TON/NPI values (SMPP 3.4 §5.2.5/5.2.6). */
const TON = { UNKNOWN: 0, INTERNATIONAL: 1, ALPHANUMERIC: 5 } as const;
const NPI = { UNKNOWN: 0, ISDN: 1 } as const;
const ESM_CLASS_UDHI = 0x40;

interface Address {
  ton: number;
  npi: number;
  addr: string;
}

export function sourceAddress(sender: string): Address {
  if (/^\+[1-9]\d{2,14}$/.test(sender)) {
    return { ton: TON.INTERNATIONAL, npi: NPI.ISDN, addr: sender.slice(1) };
  }
  if (/^\d{3,15}$/.test(sender)) return { ton: TON.UNKNOWN, npi: NPI.ISDN, addr: sender };
  // Alphanumeric senders are shown as-is; more than 11 characters are cut or refused.
  if (/^[A-Za-z0-9 .\-_]{1,11}$/.test(sender)) {
    return { ton: TON.ALPHANUMERIC, npi: NPI.UNKNOWN, addr: sender };
  }
  throw new TypeError(`SMS sender "${sender}" is neither a number nor 1–11 plain characters`);
}

/** Which submit_sm statuses mean "this message will never go through". */
const PERMANENT: Readonly<Record<string, DeliveryErrorCode>> = {
  ESME_RINVDSTADR: 'INVALID_RECIPIENT',
  ESME_RINVDSTTON: 'INVALID_RECIPIENT',
  ESME_RINVDSTNPI: 'INVALID_RECIPIENT',
  ESME_RINVMSGLEN: 'REJECTED',
  ESME_RINVESMCLASS: 'REJECTED',
  ESME_RINVDCS: 'REJECTED',
  ESME_RPROHIBITED: 'REJECTED',
  ESME_RX_P_APPN: 'REJECTED',
  ESME_RX_R_APPN: 'REJECTED',
};
const THROTTLED = new Set(['ESME_RTHROTTLED', 'ESME_RMSGQFUL']);

/** Maps a submit_sm_resp command_status ≠ 0; unknown statuses are retried (worker caps tries). */
export function submitError(status: number): DeliveryError {
  const name = statusName(status);
  const permanent = PERMANENT[name];
  if (permanent) return new DeliveryError('permanent', permanent, `submit_sm refused: ${name}`);
  const code = THROTTLED.has(name) ? 'THROTTLED' : 'PROVIDER_ERROR';
  return new DeliveryError('temporary', code, `submit_sm refused: ${name}`);
}

/** Remembered sends, so a repeated idempotency key in this process does not send twice. */
const REMEMBERED_KEYS = 1000;

class SmppGateway implements SmsGateway {
  readonly #host: string;
  readonly #port: number;
  readonly #source: Address;
  #link: Promise<SmppLink> | null = null;
  #reference = Math.floor(Math.random() * 256);
  readonly #sent = new Map<string, Promise<{ providerId: string }>>();

  constructor(private readonly config: SmppGatewayConfig) {
    const url = new URL(config.url);
    if (url.protocol !== 'smpp:') throw new TypeError(`SMPP url must start with smpp://`);
    this.#host = url.hostname;
    this.#port = url.port ? Number(url.port) : 2775;
    this.#source = sourceAddress(config.sender);
  }

  send(message: SmsMessage): Promise<{ providerId: string }> {
    const earlier = this.#sent.get(message.idempotencyKey);
    if (earlier) return earlier;
    const sending = this.#submit(message);
    this.#sent.set(message.idempotencyKey, sending);
    sending.catch(() => this.#sent.delete(message.idempotencyKey));
    for (const key of this.#sent.keys()) {
      if (this.#sent.size <= REMEMBERED_KEYS) break;
      this.#sent.delete(key);
    }
    return sending;
  }

  async close(): Promise<void> {
    const link = this.#link;
    this.#link = null;
    await link?.then((open) => open.close()).catch(() => {});
  }

  async #submit({ to, text }: SmsMessage): Promise<{ providerId: string }> {
    if (!isE164(to)) {
      throw new DeliveryError('permanent', 'INVALID_RECIPIENT', `not an E.164 number: ${to}`);
    }
    const encoded = this.#encode(text);
    const link = await this.#connected();
    const ids: string[] = [];
    // Parts go one after another so the SMSC receives them in order.
    for (const part of encoded.parts) {
      const response = await link.request('submit_sm', {
        source_addr_ton: this.#source.ton,
        source_addr_npi: this.#source.npi,
        source_addr: this.#source.addr,
        dest_addr_ton: TON.INTERNATIONAL,
        dest_addr_npi: NPI.ISDN,
        destination_addr: to.slice(1),
        esm_class: encoded.concatenated ? ESM_CLASS_UDHI : 0,
        data_coding: encoded.dataCoding,
        short_message: part, // a Buffer: the package sends it untouched
      });
      if (response.command_status !== 0) throw submitError(response.command_status);
      ids.push(String(response.message_id));
    }
    return { providerId: ids.join(',') };
  }

  #encode(text: string): EncodedSms {
    this.#reference = (this.#reference + 1) % 256;
    const encoded = encodeSms(text, this.#reference);
    const maxParts = this.config.maxParts ?? 6;
    if (encoded.parts.length > maxParts) {
      const parts = `${encoded.parts.length} parts (max ${maxParts})`;
      throw new DeliveryError('permanent', 'REJECTED', `SMS too long: ${parts}`);
    }
    return encoded;
  }

  /** The bound link, opened on demand; a dropped link is replaced on the next call. */
  async #connected(): Promise<SmppLink> {
    const current = this.#link ?? this.#open();
    const link = await current;
    if (!link.closed) return link;
    // Concurrent sends share one replacement instead of each opening a link.
    return this.#link === current ? this.#open() : (this.#link ?? this.#open());
  }

  #open(): Promise<SmppLink> {
    const opening = SmppLink.open({
      host: this.#host,
      port: this.#port,
      systemId: this.config.systemId,
      password: this.config.password,
      timeoutMs: this.config.timeoutMs ?? 10_000,
      enquireLinkMs: this.config.enquireLinkMs ?? 30_000,
    });
    this.#link = opening;
    opening.catch(() => {
      if (this.#link === opening) this.#link = null;
    });
    return opening;
  }
}

export function createSmppGateway(config: SmppGatewayConfig): SmsGateway {
  return new SmppGateway(config);
}
