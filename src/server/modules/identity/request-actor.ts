import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../../lib/policy.js';
import { equalSecrets } from '../../lib/tokens.js';
import type { AppServices } from '../manifest.js';
import { actorFromApiToken, findSession, loadActor, sessionCookieName, sessionLifetimeMs } from './sessions.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a read-only token may call: every other method counts as a write. */
const readMethods = new Set(['GET', 'HEAD']);
/** Every token doimoi issues starts so; other bearer values (a metrics scraper's) are not ours to judge. */
const apiTokenPrefix = 'dm_';

const csrfRefused = () =>
  new AppError('CSRF', {
    vi: 'Phiên làm việc không hợp lệ cho thao tác này; hãy tải lại trang rồi thử lại',
    en: 'This request lacks a valid CSRF token; reload the page and try again',
  });

const tokenRefused = () =>
  new AppError(
    'UNAUTHENTICATED',
    {
      vi: 'Mã truy cập API không đúng, đã hết hạn hoặc đã bị thu hồi; hãy tạo mã mới ở trang Tài khoản',
      en: 'This API token is unknown, expired or revoked; create a new one on your account page',
    },
    { reason: 'token-invalid' },
  );

const readOnlyToken = () =>
  new AppError(
    'FORBIDDEN',
    {
      vi: 'Mã truy cập API này chỉ được đọc; hãy dùng mã có quyền ghi dữ liệu',
      en: 'This API token may only read; use a token with the write permission',
    },
    { reason: 'token-scope' },
  );

/**
 * Who is calling: an API token (`Authorization: Bearer`) or the session cookie. Writes made with
 * a cookie must carry the session's CSRF token in `x-csrf-token`.
 */
export function requestActorResolver(services: AppServices) {
  const { database, clock } = services;
  return async (request: FastifyRequest): Promise<Actor> => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const sent = authorization.slice(7).trim();
      if (!sent.startsWith(apiTokenPrefix)) return null;
      // Refused everywhere, public routes too: a client whose token lapsed hears so instead of being served as a visitor.
      const actor = await actorFromApiToken(database.db, clock, sent);
      if (!actor) throw tokenRefused();
      if (!readMethods.has(request.method) && !actor.tokenScopes?.includes('write')) throw readOnlyToken();
      return actor;
    }
    const token = request.cookies[sessionCookieName];
    if (!token) return null;
    const session = await findSession(database.db, clock, token);
    if (!session?.isComplete) return null;
    if (!safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !equalSecrets(sent, session.csrfToken)) throw csrfRefused();
    }
    return loadActor(database.db, session.userId, { hasSecondFactor: session.hasSecondFactor, sessionId: session.id });
  };
}

/** HttpOnly, SameSite=Lax; Secure in production and whenever the public URL is https. */
export function setSessionCookie(reply: FastifyReply, services: AppServices, token: string): void {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.isCookieSecure,
    path: '/',
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, { path: '/' });
}
