import { paths } from '../../app/paths.js';

/**
 * Where to go after signing in: only a path of this app, never another site (`//evil.example`,
 * `/\evil.example`) and never a server URL; anything else falls back.
 */
export function safeReturnTo(value: string | null | undefined, fallback: string = paths.workspace): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could turn "/\t/x" into "//x".
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  if (value === '/api' || value.startsWith('/api/')) return fallback;
  return value;
}

/** The sign-in page, coming back to `returnTo` afterwards. */
export function signInPath(returnTo?: string): string {
  return returnTo ? `${paths.signIn}?returnTo=${encodeURIComponent(returnTo)}` : paths.signIn;
}

/** The second-factor page, coming back to `returnTo` afterwards. */
export function secondFactorPath(returnTo?: string): string {
  return returnTo ? `${paths.secondFactor}?returnTo=${encodeURIComponent(returnTo)}` : paths.secondFactor;
}
