import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies, links and API tokens: 32 bytes, URL-safe. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored only as their SHA-256: they are long and random, so no slow hash is needed. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

export function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
