import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns.js';

export type CampaignField = { code: string; nameVi: string; nameEn: string };

/** An emulation movement (phong trào thi đua). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: idColumn(),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    kind: text('kind', { enum: ['thematic', 'ongoing'] }).notNull(),
    launchingBodyVi: text('launching_body_vi').notNull(),
    launchingBodyEn: text('launching_body_en').notNull(),
    decision: text('decision'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    fields: jsonb('fields').$type<CampaignField[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaigns_code_key').on(t.code)],
);

export const campaignPhases = pgTable(
  'campaign_phases',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    review: text('review', { enum: ['interim', 'final'] }),
    reviewOn: date('review_on', { mode: 'string' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaign_phases_campaign_position_key').on(t.campaignId, t.position), index('campaign_phases_campaign_id_idx').on(t.campaignId)],
);
