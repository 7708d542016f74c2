/** The secret in an appointment's links: 128 random bits, stored only as its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const newLinkToken = () => randomBytes(16).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest();
