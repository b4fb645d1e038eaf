CREATE TABLE "audit_batches" (
	"number" integer PRIMARY KEY NOT NULL,
	"first_event_id" bigint NOT NULL,
	"last_event_id" bigint NOT NULL,
	"event_ids" bigint[] NOT NULL,
	"row_hashes" text[] NOT NULL,
	"merkle_root" text NOT NULL,
	"prev_root" text NOT NULL,
	"root" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_batches_last_event_id_key" ON "audit_batches" USING btree ("last_event_id");--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "hash";--> statement-breakpoint
-- The audit log only grows: any UPDATE, DELETE or TRUNCATE of its rows or of their seals is refused.
-- ENABLE ALWAYS keeps the trigger on under session_replication_role = replica too; only someone who
-- may alter the table (its owner, a superuser) can switch it off, and the keyed seals catch what they change.
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'audit rows are never changed or removed, not even by a restore (it loads into an empty database)';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER "audit_events_append_only";--> statement-breakpoint
CREATE TRIGGER "audit_batches_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_batches" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();--> statement-breakpoint
ALTER TABLE "audit_batches" ENABLE ALWAYS TRIGGER "audit_batches_append_only";
