/**
 * SMS text encoding for SMPP submit_sm: GSM 03.38 default alphabet (data_coding 0, one octet
 * per septet, unpacked — the SMSC packs) or UCS-2 big-endian (data_coding 8), split into
 * concatenated parts with an 8-bit-reference UDH when the text does not fit one message.
 */

/** GSM 03.38 basic table; the index is the septet value. 0x1B (escape) is a placeholder. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension table: reached with 0x1B, so each of these costs two septets. */
const GSM_EXTENSION: Readonly<Record<string, number>> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};

const ESCAPE = 0x1b;
const BASIC_INDEX = new Map<string, number>(
  [...GSM_BASIC].flatMap((char, index) => (index === ESCAPE ? [] : [[char, index] as const])),
);
const EXTENSION_CHAR = new Map<number, string>(
  Object.entries(GSM_EXTENSION).map(([char, code]) => [code, char]),
);

export const DATA_CODING_GSM = 0;
export const DATA_CODING_UCS2 = 8;
export type DataCoding = typeof DATA_CODING_GSM | typeof DATA_CODING_UCS2;

/** Limits in septets (GSM) or UTF-16 code units (UCS-2); parts lose 6 octets to the UDH. */
const LIMITS = {
  [DATA_CODING_GSM]: { single: 160, part: 153, bytesPerUnit: 1 },
  [DATA_CODING_UCS2]: { single: 70, part: 67, bytesPerUnit: 2 },
} as const;
const MAX_PARTS = 255;
const CONCAT_IEI = 0x00;

export interface EncodedSms {
  dataCoding: DataCoding;
  /** `short_message` payloads, each at most 140 octets on air; parts start with the UDH. */
  parts: Buffer[];
  /** True when the parts carry a concatenation UDH: submit them with esm_class 0x40. */
  concatenated: boolean;
  /** Septets (GSM) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
}

/**
 * One character of the input as the bytes that must stay together in one part: an escape
 * pair, or a UTF-16 surrogate pair.
 */
function atomsOf(text: string): { dataCoding: DataCoding; atoms: Buffer[] } {
  const chars = [...text]; // iterates code points, so surrogate pairs stay whole
  const gsm: Buffer[] = [];
  for (const char of chars) {
    const basic = BASIC_INDEX.get(char);
    const extension = GSM_EXTENSION[char];
    if (basic !== undefined) gsm.push(Buffer.of(basic));
    else if (extension !== undefined) gsm.push(Buffer.of(ESCAPE, extension));
    else return { dataCoding: DATA_CODING_UCS2, atoms: chars.map(ucs2) };
  }
  return { dataCoding: DATA_CODING_GSM, atoms: gsm };
}

function ucs2(char: string): Buffer {
  return Buffer.from(char, 'utf16le').swap16();
}

/**
 * Encodes a text for submit_sm. `reference` identifies the parts of one concatenated message
 * on the handset; use a different value (0–255) for each message to the same number.
 */
export function encodeSms(text: string, reference = 0): EncodedSms {
  const { dataCoding, atoms } = atomsOf(text);
  const limit = LIMITS[dataCoding];
  const units = atoms.reduce((sum, atom) => sum + atom.length / limit.bytesPerUnit, 0);
  if (units <= limit.single) {
    return { dataCoding, parts: [Buffer.concat(atoms)], concatenated: false, units };
  }
  const bodies: Buffer[][] = [[]];
  let used = 0;
  for (const atom of atoms) {
    const size = atom.length / limit.bytesPerUnit;
    if (used + size > limit.part) {
      bodies.push([]);
      used = 0;
    }
    bodies[bodies.length - 1]?.push(atom);
    used += size;
  }
  if (bodies.length > MAX_PARTS) throw new RangeError(`SMS needs ${bodies.length} parts`);
  const ref = reference & 0xff;
  const parts = bodies.map((body, index) =>
    Buffer.concat([Buffer.of(0x05, CONCAT_IEI, 0x03, ref, bodies.length, index + 1), ...body]),
  );
  return { dataCoding, parts, concatenated: true, units };
}

/** How many messages the text is billed as. */
export function segmentCount(text: string): number {
  return encodeSms(text).parts.length;
}

/** True if the text fits the GSM 7-bit alphabet (no UCS-2 needed). */
export function isGsm7(text: string): boolean {
  return atomsOf(text).dataCoding === DATA_CODING_GSM;
}

export interface ConcatInfo {
  reference: number;
  total: number;
  sequence: number;
}

/** Reads the user data header at the start of a payload (only if esm_class has 0x40). */
export function readUdh(payload: Buffer): { length: number; concat: ConcatInfo | null } {
  const headerLength = payload[0];
  if (headerLength === undefined) throw new RangeError('empty payload has no UDH');
  let concat: ConcatInfo | null = null;
  for (let at = 1; at < headerLength + 1;) {
    const iei = payload[at] ?? 0;
    const size = payload[at + 1] ?? 0;
    if (iei === CONCAT_IEI && size === 3) {
      concat = {
        reference: payload[at + 2] ?? 0,
        total: payload[at + 3] ?? 0,
        sequence: payload[at + 4] ?? 0,
      };
    }
    at += 2 + size;
  }
  return { length: headerLength + 1, concat };
}

/** Decodes one payload back to text; pass `hasUdh` when esm_class had the UDH indicator. */
export function decodeSms(dataCoding: number, payload: Buffer, hasUdh = false): string {
  const body = hasUdh ? payload.subarray(readUdh(payload).length) : payload;
  if (dataCoding === DATA_CODING_UCS2) return Buffer.from(body).swap16().toString('utf16le');
  if (dataCoding !== DATA_CODING_GSM) throw new RangeError(`data_coding ${dataCoding}`);
  let text = '';
  for (let i = 0; i < body.length; i++) {
    const septet = body[i] ?? 0;
    if (septet === ESCAPE && i + 1 < body.length) {
      const code = body[++i] ?? 0;
      // 23.038: an unknown extension code shows the basic-table character instead
      text += EXTENSION_CHAR.get(code) ?? GSM_BASIC[code] ?? '';
    } else {
      text += GSM_BASIC[septet & 0x7f] ?? '';
    }
  }
  return text;
}
