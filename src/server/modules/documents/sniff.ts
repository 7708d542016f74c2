import type { DocumentMediaType } from '../../db/schema.js';

/** The type of a file by its first bytes, never by its name. */
export function sniffMediaType(head: Buffer): DocumentMediaType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  return null;
}

/** A file name safe to show and to put in Content-Disposition. */
export function cleanFilename(raw: string | undefined, fallback: string): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as is
  }
  // Control characters and path separators never reach a header or a file system.
  name = [...name]
    .filter(
      (ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '/' && ch !== '\\',
    )
    .join('')
    .trim()
    .slice(0, 200);
  return name || fallback;
}
