import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { sha256Hex } from '../../lib/tokens.js';

// RFC 6238 defaults that every authenticator app understands.
const totpFor = (secret: string, label: string) =>
  new OTPAuth.TOTP({ issuer: 'doimoi', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/** Accepts the code of the current 30-second step or its neighbours (clock drift). */
export function isValidTotp(secret: string, code: string, at: Date): boolean {
  return totpFor(secret, 'x').validate({ token: code.trim(), timestamp: at.getTime(), window: 1 }) !== null;
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
