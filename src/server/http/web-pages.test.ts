import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebPages } from './web-pages.js';

describe('web pages', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-pages-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><html lang="de"><p>app</p>');
    app = Fastify();
    await registerWebPages(app, {
      webRoot: root,
      pageExists: async (slug) => slug === 'demo' || slug === 'a',
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('serves the citizen shell for an office, its lobby and its booking page', async () => {
    for (const url of ['/demo', '/demo/ticket', '/demo/book']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<p>app</p>');
    }
    expect((await get('/nowhere/book')).statusCode).toBe(404);
  });

  it('serves the shell for both appointment links from the SMS, in the asked language', async () => {
    const token = 'q0Xb3dJk_8-vLm2NpR4sT6uW9yZaBcDeFgHiJkLmNo';
    const join = await get(`/a/${token}`, { 'accept-language': 'en' });
    expect(join.statusCode).toBe(200);
    expect(join.body).toContain('<html lang="en">');
    expect((await get(`/a/${token}/change`)).statusCode).toBe(200);
    expect((await get('/a/not%20a%20token')).statusCode).toBe(404);
    // An office called "a" keeps its lobby and booking page.
    expect((await get('/a/ticket')).statusCode).toBe(200);
    expect((await get('/a/book')).statusCode).toBe(200);
    expect((await get('/a/ticket/change')).statusCode).toBe(404);
  });
});
