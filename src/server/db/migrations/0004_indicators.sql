CREATE TABLE "indicator_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"value" double precision NOT NULL,
	"source_note" text,
	"attachment_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"reminded_at" timestamp with time zone NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "method_vi" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "method_en" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "data_source_vi" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "data_source_en" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "plan_task_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "reporting_from_year" integer;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reminders" ADD CONSTRAINT "indicator_reminders_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_observations_indicator_period_revision_key" ON "indicator_observations" USING btree ("indicator_id","period","revision");--> statement-breakpoint
CREATE INDEX "indicator_observations_indicator_period_end_idx" ON "indicator_observations" USING btree ("indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "indicator_observations_submitted_idx" ON "indicator_observations" USING btree ("entered_at") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "indicator_observations_entered_by_idx" ON "indicator_observations" USING btree ("entered_by");--> statement-breakpoint
CREATE INDEX "indicator_observations_reviewed_by_idx" ON "indicator_observations" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "indicator_observations_attachment_id_idx" ON "indicator_observations" USING btree ("attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_reminders_indicator_period_key" ON "indicator_reminders" USING btree ("indicator_id","period");