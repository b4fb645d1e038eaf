import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditEventSchema,
  auditVerificationSchema,
  auditQuerySchema,
  grantCreateBodySchema,
  grantSchema,
  unitCreateBodySchema,
  unitSchema,
  unitUpdateBodySchema,
} from '../../../shared/contracts/identity.js';
import { verifyAuditLog } from '../../lib/audit-verify.js';
import { administrators, publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { versionedBy } from '../../lib/versioning.js';
import { sendTable, tableMediaTypes } from '../../lib/tabular-export.js';
import type { AppServices } from '../manifest.js';
import { units } from './schema.js';
import { createUnit, getUnit, grantRole, listUnits, listUsers, revokeGrant, updateUnit } from './administration.js';
import { auditEventsToCsv, listAuditEvents } from './audit-log.js';

const idParams = z.object({ id: z.uuid() });

/** The unit tree (public), and the administrators' pages: units, accounts and roles, the audit log. */
export const adminRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const admin = { policy: administrators };

  app.get(
    '/units',
    {
      config: { policy: publicAccess },
      schema: { tags: ['units'], summary: 'Active units / Đơn vị', response: { 200: z.object({ items: z.array(unitSchema) }) } },
    },
    async (request) => ({ items: await listUnits(contextOf(request, services), { includeInactive: false }) }),
  );

  app.get(
    '/admin/units',
    { config: admin, schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(unitSchema) }) } } },
    async (request) => ({
      items: await listUnits(contextOf(request, services), { includeInactive: true }),
    }),
  );

  app.post(
    '/admin/units',
    { config: admin, schema: { tags: ['admin'], body: unitCreateBodySchema, response: { 201: unitSchema } } },
    async (request, reply) => reply.status(201).send(await createUnit(contextOf(request, services), request.body)),
  );

  const unitRow = { ...admin, versioned: versionedBy<{ id: string }>(units, (r) => r.params.id) };
  app.get(
    '/admin/units/:id',
    { config: unitRow, schema: { tags: ['admin'], params: idParams, response: { 200: unitSchema } } },
    async (request) => getUnit(contextOf(request, services), request.params.id),
  );

  app.patch(
    '/admin/units/:id',
    { config: unitRow, schema: { tags: ['admin'], params: idParams, body: unitUpdateBodySchema, response: { 200: unitSchema } } },
    async (request) => updateUnit(contextOf(request, services), request.params.id, request.body),
  );

  const adminUserSchema = z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    accountKind: z.string(),
    isActive: z.boolean(),
    hasTotp: z.boolean(),
    grants: z.array(grantSchema),
  });
  app.get(
    '/admin/users',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        querystring: z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(adminUserSchema) }) },
      },
    },
    async (request) => ({ items: await listUsers(contextOf(request, services), request.query) }),
  );

  app.post(
    '/admin/users/:id/grants',
    {
      config: admin,
      schema: { tags: ['admin'], params: idParams, body: grantCreateBodySchema, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (request, reply) => {
      const grant = await grantRole(contextOf(request, services), request.params.id, request.body);
      return reply.status(201).send({ id: grant.id });
    },
  );

  app.delete(
    '/admin/users/:id/grants/:grantId',
    { config: admin, schema: { tags: ['admin'], params: z.object({ id: z.uuid(), grantId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeGrant(contextOf(request, services), request.params.id, request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/audit',
    {
      config: admin,
      schema: { tags: ['admin'], querystring: auditQuerySchema, response: { 200: z.object({ items: z.array(auditEventSchema) }) } },
    },
    async (request) => ({
      items: await listAuditEvents(contextOf(request, services), request.query),
    }),
  );

  app.get(
    '/admin/audit.csv',
    { config: admin, schema: { tags: ['admin'], summary: 'Audit log as CSV', querystring: auditQuerySchema, produces: [tableMediaTypes.csv] } },
    async (request, reply) => sendTable(reply, 'csv', 'nhat-ky-thay-doi.csv', auditEventsToCsv(await listAuditEvents(contextOf(request, services), request.query))),
  );

  app.get(
    '/admin/audit/verify',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Check every sealed audit row against its keyed seal',
        response: { 200: auditVerificationSchema },
      },
    },
    async () => verifyAuditLog(services.database.db, services.config.auditKey),
  );
};
