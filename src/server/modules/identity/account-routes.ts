import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountUpdateBodySchema,
  apiTokenCreateBodySchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  eraseAccountBodySchema,
  meSchema,
  passwordChangeBodySchema,
  recoveryCodesSchema,
  secondFactorBodySchema,
  totpEnrolmentSchema,
} from '../../../shared/contracts/identity.js';
import { signedInBrowser } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { versionedBy } from '../../lib/versioning.js';
import type { AppServices } from '../manifest.js';
import { changePassword, resendVerificationLink, updateProfile } from './accounts.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { eraseAccount, exportPersonalData } from './personal-data.js';
import { presentMe } from './presenter.js';
import { users } from './schema.js';
import { clearSessionCookie } from './request-actor.js';
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, startTotpEnrolment } from './two-factor.js';

/** The signed-in person's own account: profile, password, two-factor, API tokens, their data. */
export const accountRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const own = { policy: signedInBrowser };
  const ownRow = { ...own, versioned: versionedBy(users, (r) => r.actor!.userId) };
  const me = (request: { actor: { userId: string; hasSecondFactor: boolean } | null }) =>
    presentMe(services.database.db, request.actor!.userId, request.actor!.hasSecondFactor);
  const noContent = { 204: z.null() };

  app.get('', { config: ownRow, schema: { tags: ['account'], response: { 200: meSchema } } }, async (request) => me(request));

  app.patch('', { config: ownRow, schema: { tags: ['account'], body: accountUpdateBodySchema, response: { 200: meSchema } } }, async (request) => {
    await updateProfile(contextOf(request, services), request.body);
    return me(request);
  });

  app.post(
    '/password',
    { config: own, schema: { tags: ['account'], body: passwordChangeBodySchema, response: noContent } },
    async (request, reply) => {
      await changePassword(contextOf(request, services), request.body, services.config.baseUrl);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/verification-email',
    {
      config: own,
      schema: {
        tags: ['account'],
        summary: 'Send a new link to confirm my e-mail address',
        response: { 202: z.object({ status: z.literal('verification_sent') }) },
      },
    },
    async (request, reply) => {
      await resendVerificationLink(contextOf(request, services), services.config.baseUrl);
      return reply.status(202).send({ status: 'verification_sent' as const });
    },
  );

  app.post('/totp/enrol', { config: own, schema: { tags: ['account'], response: { 200: totpEnrolmentSchema } } }, async (request) =>
    startTotpEnrolment(contextOf(request, services)),
  );

  app.post('/totp/confirm', { config: own, schema: { tags: ['account'], body: secondFactorBodySchema, response: { 200: recoveryCodesSchema } } }, async (request) => ({
    recoveryCodes: await confirmTotpEnrolment(contextOf(request, services), request.body.code),
  }));

  app.delete('/totp', { config: own, schema: { tags: ['account'], body: secondFactorBodySchema, response: noContent } }, async (request, reply) => {
    await disableTotp(contextOf(request, services), request.body.code);
    return reply.status(204).send(null);
  });

  app.post('/recovery-codes', { config: own, schema: { tags: ['account'], body: secondFactorBodySchema, response: { 200: recoveryCodesSchema } } }, async (request) => ({
    recoveryCodes: await regenerateRecoveryCodes(contextOf(request, services), request.body.code),
  }));

  app.get('/tokens', { config: own, schema: { tags: ['account'], response: { 200: z.object({ items: z.array(apiTokenSchema) }) } } }, async (request) => ({
    items: await listApiTokens(contextOf(request, services)),
  }));

  app.post('/tokens', { config: own, schema: { tags: ['account'], body: apiTokenCreateBodySchema, response: { 201: apiTokenCreatedSchema } } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(contextOf(request, services), request.body)),
  );

  app.delete('/tokens/:id', { config: own, schema: { tags: ['account'], params: z.object({ id: z.uuid() }), response: noContent } }, async (request, reply) => {
    await revokeApiToken(contextOf(request, services), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/export', { config: own, schema: { tags: ['account'], summary: 'Download all my data (JSON)' } }, async (request, reply) => {
    const data = await exportPersonalData(contextOf(request, services), services.modules);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="doimoi-du-lieu-ca-nhan.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/erase', { config: own, schema: { tags: ['account'], summary: 'Erase my account', body: eraseAccountBodySchema, response: noContent } }, async (request, reply) => {
    await eraseAccount(contextOf(request, services), services.modules, request.body);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });
};
