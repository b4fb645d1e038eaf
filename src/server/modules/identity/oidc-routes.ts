import { paths } from '../../../shared/web-paths.js';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import type { AppServices } from '../manifest.js';
import { createOidcClient, finishSignIn, flowCookieName, flowLifetimeMs, ssoErrorReason, ssoNotConfigured, startSignIn } from './oidc.js';
import { setSessionCookie } from './request-actor.js';

const oneMinute = 60_000;

const startQuerySchema = z.object({
  /** Where to land after signing in; only a same-site path is honoured, anything else becomes '/'. */
  returnTo: z.string().max(500).optional(),
});

// The provider's authorization response (RFC 6749 4.1.2, RFC 9207); openid-client reads it from the raw URL.
const callbackQuerySchema = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

const redirectSchema = z.null().describe('Redirect; see the Location header');

/** Single sign-on through the city's OpenID Connect provider: authorization code flow with PKCE. */
export const oidcRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { config } = services;
  const client = config.oidc
    ? createOidcClient({ ...config.oidc, redirectUri: `${config.baseUrl}${app.prefix}/callback`, cookieSecret: config.sessionSecret })
    : undefined;
  const routeConfig = { policy: publicAccess, rateLimit: { max: config.rateLimitSignInPerMinute, timeWindow: oneMinute } };
  const flowCookie = { path: app.prefix, httpOnly: true, sameSite: 'lax' as const, secure: config.isCookieSecure };
  const signInPage = (reason: string) => `/dang-nhap?sso_error=${reason}`;
  const clearFlowCookie = (reply: FastifyReply) => reply.clearCookie(flowCookieName, flowCookie);

  app.get(
    '/start',
    {
      config: routeConfig,
      schema: {
        tags: ['auth'],
        summary: 'Go to the single sign-on provider / Đăng nhập một lần',
        querystring: startQuerySchema,
        response: { 302: redirectSchema },
      },
    },
    async (request, reply) => {
      if (!client) throw ssoNotConfigured();
      reply.header('cache-control', 'no-store');
      try {
        const { authorizationUrl, flowCookie: value } = await startSignIn(client, services.clock, request.query.returnTo);
        reply.setCookie(flowCookieName, value, { ...flowCookie, maxAge: Math.floor(flowLifetimeMs / 1000) });
        return reply.redirect(authorizationUrl);
      } catch (error) {
        request.log.error({ err: error }, 'single sign-on provider unreachable');
        return reply.redirect(signInPage('provider_error'));
      }
    },
  );

  app.get(
    '/callback',
    {
      config: routeConfig,
      schema: {
        tags: ['auth'],
        summary: 'Return from the single sign-on provider',
        querystring: callbackQuerySchema,
        response: { 302: redirectSchema },
      },
    },
    async (request, reply) => {
      if (!client) throw ssoNotConfigured();
      reply.header('cache-control', 'no-store');
      clearFlowCookie(reply);
      const callbackUrl = new URL(client.settings.redirectUri);
      callbackUrl.search = request.url.split('?')[1] ?? '';
      try {
        const { session, returnTo, isSecondFactorPending } = await finishSignIn(
          contextOf(request, services),
          client,
          callbackUrl,
          request.cookies[flowCookieName],
          { userAgent: request.headers['user-agent'] ?? null },
        );
        setSessionCookie(reply, services, session.token);
        return reply.redirect(isSecondFactorPending ? `${paths.secondFactor}?returnTo=${encodeURIComponent(returnTo)}` : returnTo);
      } catch (error) {
        const reason = ssoErrorReason(error);
        if (reason === 'failed') request.log.error({ err: error }, 'single sign-on failed');
        else request.log.info({ reason, err: error instanceof Error ? error.cause : undefined }, 'single sign-on refused');
        return reply.redirect(signInPage(reason));
      }
    },
  );
};
