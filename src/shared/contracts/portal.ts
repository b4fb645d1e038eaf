import { z } from 'zod';
import { localizedTextSchema } from './common.js';

export const unitKinds = ['city', 'department', 'agency', 'ward', 'commune', 'special_zone'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const indicatorDirectionSchema = z.enum(['higher', 'lower']);

export const headlineTargetSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  unit: localizedTextSchema,
  direction: indicatorDirectionSchema,
  targetYear: z.number().int(),
  targetMin: z.number().nullable(),
  targetMax: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  /** True when a figure is not stated in the sources and was made up for the demo. */
  isIllustrative: z.boolean(),
});
export type HeadlineTarget = z.infer<typeof headlineTargetSchema>;

export const planSummarySchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  title: localizedTextSchema,
  issuingBody: localizedTextSchema,
  issuedOn: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  taskGroups: z.array(z.object({ order: z.number().int(), title: localizedTextSchema })),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const campaignSummarySchema = z.object({
  code: z.string(),
  title: localizedTextSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  phases: z.array(
    z.object({
      order: z.number().int(),
      name: localizedTextSchema,
      startsOn: z.string(),
      endsOn: z.string(),
      review: z.enum(['interim', 'final']).nullable(),
      reviewOn: z.string().nullable(),
    }),
  ),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** GET /api/portal/summary — what the public home page shows. */
export const portalSummarySchema = z.object({
  city: z.object({ code: z.string(), name: localizedTextSchema }),
  unitCounts: z.record(unitKindSchema, z.number().int()),
  plans: z.array(planSummarySchema),
  headlineTargets: z.array(headlineTargetSchema),
  campaigns: z.array(campaignSummarySchema),
});
export type PortalSummary = z.infer<typeof portalSummarySchema>;
