/**
 * The proof-of-work worker: altcha's PBKDF2 solver, bundled by Vite into a file of its own
 * under /assets/ (same origin: the CSP's `script-src 'self'` covers it — no blob: workers).
 */
import 'altcha/workers/pbkdf2';
