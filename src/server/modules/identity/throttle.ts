import { setTimeout as sleep } from 'node:timers/promises';
import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { clearCounters, counterKey, countHit, liveCounters, type Counter } from '../../lib/counters.js';
import { AppError } from '../../lib/errors.js';

const minute = 60_000;
const hour = 60 * minute;

/** Past its free failures a key waits 1 s, then 2 s, 4 s … up to 15 minutes after each further failure. */
export type BackOffRule = { prefix: string; freeFailures: number; windowMs: number };
export const maxDelayMs = 15 * minute;

/** One person mistyping from one place: the owner elsewhere, and colleagues here, are not touched. */
export const accountAtAddress: BackOffRule = { prefix: 'sign-in:account-address', freeFailures: 5, windowMs: 24 * hour };
/** Everyone behind one address, an office NAT included: set high enough that colleagues' typos never add up to it. */
export const address: BackOffRule = { prefix: 'sign-in:address', freeFailures: 100, windowMs: hour };
/** Second-factor codes of one pending sign-in's account (only someone who knows the password gets there). */
export const secondFactor: BackOffRule = { prefix: 'sign-in:second-factor', freeFailures: 5, windowMs: 24 * hour };

/**
 * The account from every address together never blocks (a stranger could lock the owner out):
 * past the ceiling each attempt waits a moment, and administrators are told once per window.
 */
export const accountCeiling = { prefix: 'sign-in:account', failures: 20, windowMs: hour, slowDownMs: 1000 } as const;

export const delayAfter = (rule: BackOffRule, failures: number): number =>
  failures < rule.freeFailures ? 0 : Math.min(1000 * 2 ** (failures - rule.freeFailures), maxDelayMs);

export type ThrottleKey = { rule: BackOffRule; key: string };

/** The back-off keys of one sign-in attempt: this account from this address, and this address. */
export function signInKeys(ip: string | null, email: string): ThrottleKey[] {
  const account = email.toLowerCase();
  if (!ip) return [{ rule: accountAtAddress, key: counterKey(accountAtAddress.prefix, account) }];
  return [
    { rule: accountAtAddress, key: counterKey(accountAtAddress.prefix, account, ip) },
    { rule: address, key: counterKey(address.prefix, ip) },
  ];
}

export const secondFactorKeys = (userId: string): ThrottleKey[] => [{ rule: secondFactor, key: counterKey(secondFactor.prefix, userId) }];

export const accountCeilingKey = (email: string) => counterKey(accountCeiling.prefix, email.toLowerCase());

const blockedUntil = (rule: BackOffRule, counter: Counter) => counter.lastHitAt.getTime() + delayAfter(rule, counter.hits);

/** Refuses with 429 while any key is in its back-off; says when to try again. */
export async function assertNotThrottled(db: DbOrTx, clock: Clock, keys: ThrottleKey[]): Promise<void> {
  const now = clock.now();
  const counters = new Map(
    (
      await liveCounters(
        db,
        now,
        keys.map((k) => k.key),
      )
    ).map((c) => [c.key, c]),
  );
  const until = Math.max(0, ...keys.map((k) => (counters.has(k.key) ? blockedUntil(k.rule, counters.get(k.key)!) : 0)));
  const waitMs = until - now.getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError(
      'RATE_LIMITED',
      {
        vi: `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${seconds} giây`,
        en: `Too many failed sign-ins; try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
      },
      { retryAfterSeconds: seconds },
    );
  }
}

/** Past the account-wide ceiling, every attempt on the account is answered a moment later; nothing is refused. */
export async function slowDownPastCeiling(db: DbOrTx, clock: Clock, email: string): Promise<void> {
  const [counter] = await liveCounters(db, clock.now(), [accountCeilingKey(email)]);
  if (counter && counter.hits >= accountCeiling.failures) await sleep(accountCeiling.slowDownMs);
}

/**
 * Counts one failure against every key (outside the request's transaction: it must stick).
 * Returns the account-wide count when `email` is given, so the caller can alert at the ceiling.
 */
export async function recordFailure(db: DbOrTx, clock: Clock, keys: ThrottleKey[], email?: string): Promise<number | null> {
  const now = clock.now();
  for (const { rule, key } of keys) await countHit(db, now, key, rule.windowMs);
  if (email === undefined) return null;
  return (await countHit(db, now, accountCeilingKey(email), accountCeiling.windowMs)).hits;
}

/** A success clears what this person at this place built up; the address and the account-wide count keep theirs. */
export const clearFailures = (db: DbOrTx, keys: ThrottleKey[]) =>
  clearCounters(
    db,
    keys.map((k) => k.key),
  );
