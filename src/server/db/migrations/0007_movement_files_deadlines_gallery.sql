DROP INDEX "initiatives_search_tokens_idx";--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD COLUMN "is_confidential" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "decision_due_on" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "decision_due_soon_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "decision_overdue_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_attachments_attachment_id_key" ON "initiative_attachments" USING btree ("attachment_id");--> statement-breakpoint
CREATE INDEX "initiatives_decision_due_idx" ON "initiatives" USING btree ("decision_due_on") WHERE "initiatives"."state" = 'under_review';--> statement-breakpoint
CREATE INDEX "initiatives_gallery_tokens_idx" ON "initiatives" USING gin ("search_tokens") WHERE "initiatives"."state" in ('recognised', 'awarded', 'replicated');