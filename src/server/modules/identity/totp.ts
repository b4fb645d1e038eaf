import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { DbOrTx } from '../../db/client.js';
import { sha256Hex } from '../../lib/tokens.js';
import { users } from './schema.js';

// RFC 6238 defaults that every authenticator app understands.
const totpFor = (secret: string, label: string) =>
  new OTPAuth.TOTP({ issuer: 'doimoi', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

const periodMs = 30_000;

/**
 * The 30-second step whose code this is — the current step or a neighbour (clock drift) — or null
 * when the code is wrong. Callers accept a step only once (see `consumeTotpStep`).
 */
export function totpStepOf(secret: string, code: string, at: Date): number | null {
  const delta = totpFor(secret, 'x').validate({ token: code.trim(), timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / periodMs) + delta;
}

/**
 * Checks a TOTP code and takes its step for the account in one statement, so a code seen by
 * someone else (over a shoulder, in a proxy log) is worthless once used, even within its 30 seconds.
 */
export async function acceptTotpCode(db: DbOrTx, userId: string, secret: string, code: string, at: Date): Promise<boolean> {
  const step = totpStepOf(secret, code, at);
  if (step === null) return false;
  const [taken] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken !== undefined;
}

export async function totpEnrolment(secret: string, email: string) {
  const otpauthUrl = totpFor(secret, email).toString();
  return { secret, otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
}

// No 0/o/1/l/i: codes are read from paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes like `k7mq-x3dr`; only their hashes are kept. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export const recoveryCodeHash = (code: string): string => sha256Hex(code.trim().toLowerCase().replace('-', ''));
