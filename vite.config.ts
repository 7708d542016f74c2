/**
 * Builds the browser pages from src/web into build/web, which the server serves.
 * Multi-page: every page is one HTML entry in `pages`; staff and admin will be added here.
 * Everything is self-hosted and content-hashed under /assets/ (no CDN, no fonts, no external
 * requests); the server sends index.html for "/" and "/{office-slug}" and caches /assets/ forever.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('./src/web/', import.meta.url));
const outDir = fileURLToPath(new URL('./build/web/', import.meta.url));

const pages = {
  citizen: `${root}index.html`,
  /** The staff console; builds to build/web/staff/index.html, served at /staff. */
  staff: `${root}staff/index.html`,
};

/** Browsers of about five years ago (Safari 14 on iOS 14, Chrome 87, Firefox 78): ES2020. */
const browsers = ['es2020', 'chrome87', 'edge88', 'firefox78', 'safari14'];

/** In `vite dev`, the API, its docs, health check and WebSocket come from the server on 8080. */
const backend = 'http://127.0.0.1:8080';
const proxy: Record<string, ProxyOptions> = {
  '^/api(?:[/?]|$)': { target: backend },
  '^/docs(?:[/?]|$)': { target: backend },
  '^/healthz(?:[/?]|$)': { target: backend },
  '^/ws(?:[/?]|$)': { target: backend, ws: true },
};

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  appType: 'spa',
  build: {
    outDir,
    emptyOutDir: true,
    target: browsers,
    cssTarget: browsers.slice(1),
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: pages,
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy,
  },
  preview: {
    host: '127.0.0.1',
    proxy,
  },
});
