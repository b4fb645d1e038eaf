import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  secondFactorBodySchema,
  sessionStateSchema,
  signInBodySchema,
  signInResultSchema,
  signUpBodySchema,
  tokenBodySchema,
} from '../../../shared/contracts/identity.js';
import { publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import type { AppServices } from '../manifest.js';
import { confirmPasswordReset, requestPasswordReset, signUp, verifyEmail } from './accounts.js';
import { presentMe } from './presenter.js';
import { clearSessionCookie, setSessionCookie } from './request-actor.js';
import { findSession, sessionCookieName } from './sessions.js';
import { completeSecondFactor, signInWithPassword, signOut } from './sign-in.js';

const oneMinute = 60_000;

/** Sign-up, sign-in (with second factor), sign-out, e-mail verification and password reset. */
export const authRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const { config } = services;
  // Sign-up, verification and reset share the one write budget of the caller's address (the default limit).
  const publicWrite = { policy: publicAccess };
  const signInLimit = { policy: publicAccess, rateLimit: { max: config.rateLimitSignInPerMinute, timeWindow: oneMinute } };
  // Per address AND account, so colleagues behind one office NAT each have their own; failures
  // per address are what the back-off counts (throttle.ts).
  const passwordLimit = {
    ...signInLimit,
    rateLimit: {
      ...signInLimit.rateLimit,
      hook: 'preHandler' as const,
      keyGenerator: (r: FastifyRequest) => `${r.ip}|${(r.body as z.infer<typeof signInBodySchema>).email.toLowerCase()}`,
    },
  };
  const client = (headers: { 'user-agent'?: string | undefined }) => ({ userAgent: headers['user-agent'] ?? null });

  app.get(
    '/session',
    { config: { policy: publicAccess }, schema: { tags: ['auth'], summary: 'Who is signed in / Người đang đăng nhập', response: { 200: sessionStateSchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const token = request.cookies[sessionCookieName];
      const session = token ? await findSession(services.database.db, services.clock, token) : null;
      const isLive = session?.isComplete === true && request.actor !== null;
      return {
        user: isLive ? await presentMe(services.database.db, session.userId, session.hasSecondFactor) : null,
        isSecondFactorPending: session?.isComplete === false,
        csrfToken: isLive ? session.csrfToken : null,
        isSsoEnabled: config.oidc !== undefined,
      };
    },
  );

  app.post(
    '/sign-up',
    { config: publicWrite, schema: { tags: ['auth'], summary: 'Register a citizen or enterprise account', body: signUpBodySchema, response: { 201: z.object({ status: z.literal('verification_sent') }) } } },
    async (request, reply) => {
      await signUp(contextOf(request, services), request.body, config.baseUrl);
      return reply.status(201).send({ status: 'verification_sent' as const });
    },
  );

  app.post(
    '/verify-email',
    { config: publicWrite, schema: { tags: ['auth'], body: tokenBodySchema, response: { 200: z.object({ status: z.literal('verified') }) } } },
    async (request) => {
      await verifyEmail(contextOf(request, services), request.body.token);
      return { status: 'verified' as const };
    },
  );

  app.post(
    '/sign-in',
    {
      config: passwordLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: signInBodySchema,
        response: { 200: signInResultSchema },
      },
    },
    async (request, reply) => {
      const { session, status } = await signInWithPassword(contextOf(request, services), request.body, {
        ...client(request.headers),
        baseUrl: config.baseUrl,
      });
      setSessionCookie(reply, services, session.token);
      return { status, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/second-factor',
    { config: signInLimit, schema: { tags: ['auth'], summary: 'Finish sign-in with a TOTP or recovery code', body: secondFactorBodySchema, response: { 200: signInResultSchema } } },
    async (request, reply) => {
      const session = await completeSecondFactor(contextOf(request, services), request.cookies[sessionCookieName], request.body.code, client(request.headers));
      setSessionCookie(reply, services, session.token);
      return { status: 'signed_in' as const, csrfToken: session.csrfToken };
    },
  );

  app.post('/sign-out', { config: { policy: publicAccess }, schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    await signOut(contextOf(request, services), request.cookies[sessionCookieName]);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.post(
    '/password-reset/request',
    { config: publicWrite, schema: { tags: ['auth'], body: passwordResetRequestBodySchema, response: { 202: z.object({ status: z.literal('sent_if_known') }) } } },
    async (request, reply) => {
      await requestPasswordReset(contextOf(request, services), request.body.email, config.baseUrl);
      return reply.status(202).send({ status: 'sent_if_known' as const });
    },
  );

  app.post(
    '/password-reset/confirm',
    { config: publicWrite, schema: { tags: ['auth'], body: passwordResetConfirmBodySchema, response: { 200: z.object({ status: z.literal('password_changed') }) } } },
    async (request) => {
      await confirmPasswordReset(contextOf(request, services), request.body.token, request.body.password, config.baseUrl);
      return { status: 'password_changed' as const };
    },
  );
};
