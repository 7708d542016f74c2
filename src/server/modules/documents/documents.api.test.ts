import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../../shared/queue.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  activeConsultation,
  type ActiveConsultation,
} from '../../../../test/helpers/consultation.js';
import { DATABASE_KINDS } from '../../../../test/helpers/databases.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(5000, 7),
]);
const PDF = Buffer.from('%PDF-1.4\n% Meldebescheinigung\n1 0 obj <<>> endobj\n%%EOF\n');

describe.each(DATABASE_KINDS)('documents in a consultation on %s', (kind) => {
  let t: TestApp;
  let c: ActiveConsultation;

  beforeAll(async () => {
    t = await startTestApp(kind, { config: { documentMaxBytes: 64 * 1024 } });
    c = await activeConsultation(t);
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, filename: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/consultations/${c.consultationId}/documents`,
      headers: {
        'content-type': 'application/octet-stream',
        'x-filename': encodeURIComponent(filename),
        ...headers,
      },
      payload: body,
    });
  const asCitizen = () => ({ 'x-ticket-secret': c.ticket.secret });
  const asStaff = () => ({ cookie: c.staff.cookie, 'x-csrf-token': c.staff.me.csrfToken });
  const filesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'incoming');

  it('lets the citizen share a PNG that the staff member downloads byte for byte', async () => {
    const response = await upload(PNG, 'Ausweis Rückseite.png', asCitizen());
    expect(response.statusCode).toBe(201);
    const info = response.json<DocumentInfo>();
    expect(info).toMatchObject({
      from: 'citizen',
      mediaType: 'image/png',
      size: PNG.length,
      filename: 'Ausweis Rückseite.png',
    });
    const download = await t.app.inject({
      url: `/api/consultations/${c.consultationId}/documents/${info.id}`,
      headers: { cookie: c.staff.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''Ausweis%20R%C3%BCckseite.png",
    );
    const sha = createHash('sha256').update(download.rawPayload).digest('hex');
    expect(sha).toBe(info.sha256);
    expect(sha).toBe(createHash('sha256').update(PNG).digest('hex'));
    const snapshot = await t.app.services.consultations.snapshot(c.consultationId);
    expect(snapshot?.documents.map((d) => d.id)).toEqual([info.id]);
    expect(snapshot?.documentMaxBytes).toBe(64 * 1024); // the pages say the configured limit
  });

  it('takes the type from the content, not the name: a renamed text file is refused and not kept', async () => {
    const before = filesIn(t.documentsDir);
    const response = await upload(Buffer.from('just text, no PDF'), 'brief.pdf', asStaff());
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('DOCUMENT_TYPE');
    expect(filesIn(t.documentsDir)).toEqual(before);
    expect(fs.readdirSync(`${t.documentsDir}/incoming`)).toEqual([]);
  });

  it('refuses a file over the limit with 413 and keeps nothing of it', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(70 * 1024, 32)]);
    const response = await upload(big, 'gross.pdf', asCitizen());
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('DOCUMENT_TOO_LARGE');
    expect(fs.readdirSync(`${t.documentsDir}/incoming`)).toEqual([]);
  });

  it('never shows a document to anyone outside the consultation', async () => {
    const info = (await upload(PDF, 'antrag.pdf', asStaff())).json<DocumentInfo>();
    const stranger = await t.app.inject({
      url: `/api/consultations/${c.consultationId}/documents/${info.id}`,
      headers: { 'x-ticket-secret': 'z'.repeat(43) },
    });
    expect(stranger.statusCode).toBe(404);
    const anonymous = await t.app.inject({
      url: `/api/consultations/${c.consultationId}/documents/${info.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('deletes the documents and their files when the consultation ends, and refuses later uploads', async () => {
    expect(filesIn(t.documentsDir).length).toBeGreaterThan(0);
    await c.staff.request('POST', `/api/staff/consultations/${c.consultationId}/end`);
    expect(filesIn(t.documentsDir)).toEqual([]);
    const late = await upload(PDF, 'spaet.pdf', asCitizen());
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONSULTATION_ENDED');
    expect(filesIn(t.documentsDir)).toEqual([]);
  });
});
