/**
 * Sharing documents in a consultation: upload with progress (XMLHttpRequest: fetch cannot
 * report upload progress), download with the participant's proof (a header, so not a plain
 * link) into a blob and an object URL.
 */
import type { Locale } from '../../../shared/locale.js';
import type { DocumentInfo } from '../../../shared/queue.js';
import { ApiError, isErrorBody } from '../request.js';
import { authHeaders, consultationUrl, type CallAuth } from './auth.js';

export const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function uploadDocument(
  consultationId: string,
  file: File,
  auth: CallAuth,
  locale: Locale,
  onProgress: (fraction: number) => void,
): Promise<DocumentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', consultationUrl(consultationId, 'documents'));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-filename', encodeURIComponent(file.name));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', locale);
    for (const [name, value] of Object.entries(authHeaders(auth, true))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) return resolve(body as DocumentInfo);
      const error = isErrorBody(body) ? body.error : null;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? null,
          error?.messages ?? null,
          error?.message ?? `HTTP ${xhr.status}`,
        ),
      );
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null, null, 'network error')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, null, null, 'aborted')));
    xhr.send(file);
  });
}

/** The document's bytes as an object URL (the caller revokes it). */
export async function documentUrl(
  consultationId: string,
  documentId: string,
  auth: CallAuth,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(
      consultationUrl(consultationId, `documents/${encodeURIComponent(documentId)}`),
      { headers: authHeaders(auth, false), credentials: 'same-origin', cache: 'no-store' },
    );
  } catch {
    throw new ApiError(0, null, null, 'network error');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const error = isErrorBody(body) ? body.error : null;
    throw new ApiError(response.status, error?.code ?? null, error?.messages ?? null, 'HTTP');
  }
  return URL.createObjectURL(await response.blob());
}

/** Starts the browser's download of an object URL under the document's name. */
export function saveAs(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** "1,2 MB", "340 kB" in the page's language. */
export function formatSize(bytes: number, intlLocale: string): string {
  const format = (value: number, unit: string, digits: number) =>
    `${new Intl.NumberFormat(intlLocale, { maximumFractionDigits: digits }).format(value)} ${unit}`;
  if (bytes >= 1_000_000) return format(bytes / 1_000_000, 'MB', 1);
  if (bytes >= 1_000) return format(bytes / 1_000, 'kB', 0);
  return format(bytes, 'B', 0);
}
