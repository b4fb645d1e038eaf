import { sql } from 'drizzle-orm';
import { bigserial, bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, timestamps } from './columns.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Background jobs kept in the database so any server process can run them, exactly once each. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed', 'dead'] })
      .notNull()
      .default('queued'),
    runAt: instant('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedAt: instant('locked_at'),
    finishedAt: instant('finished_at'),
    /** Set for jobs that must exist once, e.g. one occurrence of a schedule. */
    uniqueKey: text('unique_key'),
    ...timestamps(),
  },
  (t) => [
    // Only waiting jobs are polled; a partial index keeps the claim query small as history grows.
    index('jobs_queued_run_at_idx')
      .on(t.runAt)
      .where(sql`status = 'queued'`),
    index('jobs_running_locked_at_idx')
      .on(t.lockedAt)
      .where(sql`status = 'running'`),
    uniqueIndex('jobs_unique_key_key').on(t.uniqueKey),
  ],
);

/** Recurring jobs: a cron expression and the next time it fires. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  payload: jsonb('payload').notNull().default({}),
  isEnabled: boolean('is_enabled').notNull().default(true),
  nextRunAt: instant('next_run_at').notNull(),
  ...timestamps(),
});

/** Uploaded files; the bytes live in the storage driver under an unguessable key. */
export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('attachments_storage_key_key').on(t.storageKey), index('attachments_entity_idx').on(t.entityType, t.entityId)],
);

/** One row per searchable thing of any module; indexed without diacritics (see migration 0000). */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    title: text('title').notNull(),
    /** The English title where the thing has one (plans, tasks, units, indicators, campaigns); '' otherwise. */
    titleEn: text('title_en').notNull().default(''),
    body: text('body').notNull().default(''),
    url: text('url').notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('search_documents_entity_key').on(t.entityType, t.entityId),
    index('search_documents_fts_idx').using(
      'gin',
      sql`to_tsvector('simple'::regconfig, f_unaccent(lower(${t.title} || ' ' || ${t.body})))`,
    ),
    index('search_documents_title_trgm_idx').using('gin', sql`f_unaccent(lower(${t.title})) gin_trgm_ops`),
  ],
);

/**
 * Append-only record of every change of state, written in the transaction that makes the change.
 * A trigger refuses UPDATE, DELETE and TRUNCATE; rows are sealed after commit into `audit_batches`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: instant('occurred_at').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_id_idx').on(t.actorId),
    index('audit_events_occurred_at_idx').on(t.occurredAt),
  ],
);

/**
 * Sealed batches of audit rows, numbered without gaps: each row's keyed hash (HMAC with AUDIT_KEY,
 * which is not in the database), their Merkle root, and a root linking to the previous batch.
 * Append-only like the rows it seals.
 */
export const auditBatches = pgTable(
  'audit_batches',
  {
    number: integer('number').primaryKey(),
    firstEventId: bigint('first_event_id', { mode: 'number' }).notNull(),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
    /** The sealed rows' ids in order; ids a rolled-back transaction took never appear. */
    eventIds: bigint('event_ids', { mode: 'number' }).array().notNull(),
    /** HMAC of each sealed row, in the order of `eventIds`. */
    rowHashes: text('row_hashes').array().notNull(),
    merkleRoot: text('merkle_root').notNull(),
    prevRoot: text('prev_root').notNull(),
    root: text('root').notNull(),
    sealedAt: instant('sealed_at').notNull(),
  },
  (t) => [uniqueIndex('audit_batches_last_event_id_key').on(t.lastEventId)],
);

/**
 * Counters every process shares: write limits and sign-in back-off. A key's window opens at its
 * first hit and the count restarts once it has ended; a job deletes rows whose window is over.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    lastHitAt: instant('last_hit_at').notNull(),
    windowEndsAt: instant('window_ends_at').notNull(),
  },
  (t) => [index('rate_counters_window_ends_at_idx').on(t.windowEndsAt)],
);
