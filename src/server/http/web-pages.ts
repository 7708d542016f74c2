/**
 * Serves the browser app built by Vite (build/web): hashed assets with long caching, and the
 * HTML shell for `/`, `/{office}` (+ `/ticket`, `/book`) and the appointment links `/a/{token}`
 * with the negotiated language already in `<html lang>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale } from './locale.js';

export const WEB_ROOT = fileURLToPath(new URL('../../../build/web', import.meta.url));

const MISSING_BUILD = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Build missing</title>
<p>The web app is not built yet. Run <code>npm run build</code> (npm start does it for you).</p></html>`;

export interface WebPagesOptions {
  /** Whether `/{slug}` names a page the app knows (an office); unknown ones answer 404. */
  pageExists(slug: string): Promise<boolean>;
  webRoot?: string;
}

export async function registerWebPages(app: FastifyInstance, options: WebPagesOptions) {
  const root = options.webRoot ?? WEB_ROOT;
  const read = (file: string) => {
    const full = path.join(root, file);
    return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
  };
  const shell = read('index.html');
  const staffShell = read(path.join('staff', 'index.html'));

  if (shell) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false, // one route per built file; everything else falls through to our routes
      index: false,
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  const sendShell = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: string | null = shell,
  ) => {
    const locale = requestLocale(request);
    const html = page ? page.replace('<html lang="de">', `<html lang="${locale}">`) : MISSING_BUILD;
    return reply
      .status(page ? status : 503)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language, cookie')
      .send(html);
  };

  app.get('/', { schema: { hide: true } }, (request, reply) => sendShell(request, reply, 200));
  app.get('/staff', { schema: { hide: true } }, (request, reply) =>
    sendShell(request, reply, 200, staffShell),
  );
  // An office's page, its lobby / consultation room for the holder of a ticket, and booking.
  const officeExists = async (slug: string) =>
    /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && (await options.pageExists(slug));
  for (const route of ['/:slug', '/:slug/ticket', '/:slug/book']) {
    app.get<{ Params: { slug: string } }>(
      route,
      { schema: { hide: true } },
      async (request, reply) => {
        const known = await officeExists(request.params.slug);
        return sendShell(request, reply, known ? 200 : 404);
      },
    );
  }
  // An appointment's two links from the SMS. Whether the token is good, the page asks the API
  // (the shell cannot know without a lookup). "/a/ticket" and "/a/book" stay office "a"'s pages.
  const TOKEN = /^[\w-]{16,64}$/;
  app.get<{ Params: { token: string } }>(
    '/a/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const officePage = (token === 'ticket' || token === 'book') && (await officeExists('a'));
      return sendShell(request, reply, TOKEN.test(token) || officePage ? 200 : 404);
    },
  );
  app.get<{ Params: { token: string } }>(
    '/a/:token/change',
    { schema: { hide: true } },
    (request, reply) => sendShell(request, reply, TOKEN.test(request.params.token) ? 200 : 404),
  );
}
