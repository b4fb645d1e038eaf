import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
});
export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'dead']);
export const jobListQuerySchema = z.object({ status: jobStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const jobListSchema = z.object({
  jobs: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      status: jobStatusSchema,
      attempts: z.number().int(),
      maxAttempts: z.number().int(),
      runAt: z.string(),
      finishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
