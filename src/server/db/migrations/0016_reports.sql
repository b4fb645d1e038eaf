CREATE TABLE "compiled_report_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compiled_report_id" uuid NOT NULL,
	"section_key" text,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compiled_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"period_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"issuer" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"signature" jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_number" text,
	"issued_on" date,
	"approved_by" uuid,
	"issued_by" uuid,
	"published_at" timestamp with time zone,
	"supersedes_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regime_id" uuid NOT NULL,
	"label" text NOT NULL,
	"phase_id" uuid,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"cutoff_from" date NOT NULL,
	"cutoff_to" date NOT NULL,
	"due_on" date NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_regime_units" (
	"regime_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "report_regime_units_pkey" PRIMARY KEY("regime_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "report_regimes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"period_kind" text NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"sections" jsonb NOT NULL,
	"due_day_of_month" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_report_reminders" (
	"unit_report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_report_reminders_pkey" PRIMARY KEY("unit_report_id","kind")
);
--> statement-breakpoint
CREATE TABLE "unit_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb,
	"document_number" text,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compiled_report_comments" ADD CONSTRAINT "compiled_report_comments_compiled_report_id_compiled_reports_id_fk" FOREIGN KEY ("compiled_report_id") REFERENCES "public"."compiled_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_report_comments" ADD CONSTRAINT "compiled_report_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_reports" ADD CONSTRAINT "compiled_reports_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_reports" ADD CONSTRAINT "compiled_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_reports" ADD CONSTRAINT "compiled_reports_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_reports" ADD CONSTRAINT "compiled_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compiled_reports" ADD CONSTRAINT "compiled_reports_supersedes_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."compiled_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_regime_id_report_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."report_regimes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regime_units" ADD CONSTRAINT "report_regime_units_regime_id_report_regimes_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."report_regimes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regime_units" ADD CONSTRAINT "report_regime_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_regimes" ADD CONSTRAINT "report_regimes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_reminders" ADD CONSTRAINT "unit_report_reminders_unit_report_id_unit_reports_id_fk" FOREIGN KEY ("unit_report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_period_id_report_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."report_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compiled_report_comments_report_idx" ON "compiled_report_comments" USING btree ("compiled_report_id","created_at");--> statement-breakpoint
CREATE INDEX "compiled_report_comments_author_id_idx" ON "compiled_report_comments" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compiled_reports_period_revision_key" ON "compiled_reports" USING btree ("period_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "compiled_reports_document_number_key" ON "compiled_reports" USING btree ("document_number") WHERE "compiled_reports"."document_number" is not null;--> statement-breakpoint
CREATE INDEX "compiled_reports_published_idx" ON "compiled_reports" USING btree ("published_at") WHERE "compiled_reports"."state" = 'published';--> statement-breakpoint
CREATE INDEX "compiled_reports_approved_by_idx" ON "compiled_reports" USING btree ("approved_by");--> statement-breakpoint
CREATE INDEX "compiled_reports_issued_by_idx" ON "compiled_reports" USING btree ("issued_by");--> statement-breakpoint
CREATE INDEX "compiled_reports_created_by_idx" ON "compiled_reports" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "compiled_reports_supersedes_id_idx" ON "compiled_reports" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_periods_regime_label_key" ON "report_periods" USING btree ("regime_id","label");--> statement-breakpoint
CREATE INDEX "report_periods_phase_id_idx" ON "report_periods" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "report_periods_due_on_idx" ON "report_periods" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "report_regime_units_unit_id_idx" ON "report_regime_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_regimes_code_key" ON "report_regimes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "report_regimes_issuer_unit_id_idx" ON "report_regimes" USING btree ("issuer_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_reports_period_unit_key" ON "unit_reports" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_reports_unit_id_idx" ON "unit_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_reports_state_idx" ON "unit_reports" USING btree ("state");--> statement-breakpoint
CREATE INDEX "unit_reports_submitted_by_idx" ON "unit_reports" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "unit_reports_decided_by_idx" ON "unit_reports" USING btree ("decided_by");