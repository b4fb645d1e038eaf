CREATE TABLE "award_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"issuer_vi" text NOT NULL,
	"issuer_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"phase_id" uuid,
	"award_type_id" uuid NOT NULL,
	"decision_ref" text NOT NULL,
	"awarded_on" date NOT NULL,
	"recipients" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"phase_id" uuid,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"weight" integer NOT NULL,
	"scale_min" integer DEFAULT 0 NOT NULL,
	"scale_max" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_reports" (
	"comment_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_reports_pkey" PRIMARY KEY("comment_id","reporter_id")
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"scope" text,
	"votes_for" integer NOT NULL,
	"votes_against" integer NOT NULL,
	"votes_abstain" integer NOT NULL,
	"aggregate_score_x100" integer,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_authors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid,
	"email" text,
	"full_name" text NOT NULL,
	"birth_date" date,
	"workplace" text DEFAULT '' NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"qualification" text DEFAULT '' NOT NULL,
	"contribution_percent" integer NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"moderation_note" text DEFAULT '' NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_supports" (
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_supports_pkey" PRIMARY KEY("initiative_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "initiative_transitions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"phase_id" uuid,
	"call_id" uuid,
	"submitter_id" uuid,
	"unit_id" uuid,
	"title" text NOT NULL,
	"kind" text DEFAULT 'technical' NOT NULL,
	"field_code" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"first_applied_on" date,
	"essence" text DEFAULT '' NOT NULL,
	"confidential_info" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"benefits" text DEFAULT '' NOT NULL,
	"applied_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"scope" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"replication_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"adopted_on" date NOT NULL,
	"results" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"phase_id" uuid,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"approval_threshold_percent" integer DEFAULT 67 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"registered_by" uuid,
	"commitments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"interim_report" text,
	"interim_reported_at" timestamp with time zone,
	"final_report" text,
	"final_reported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "eligible_participants" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_award_type_id_award_types_id_fk" FOREIGN KEY ("award_type_id") REFERENCES "public"."award_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_calls" ADD CONSTRAINT "campaign_calls_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_calls" ADD CONSTRAINT "campaign_calls_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_criteria" ADD CONSTRAINT "campaign_criteria_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_initiative_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."initiative_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_council_id_review_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."review_councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_review_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."review_councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_authors" ADD CONSTRAINT "initiative_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_comments" ADD CONSTRAINT "initiative_comments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_comments" ADD CONSTRAINT "initiative_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_supports" ADD CONSTRAINT "initiative_supports_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_supports" ADD CONSTRAINT "initiative_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_transitions" ADD CONSTRAINT "initiative_transitions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_transitions" ADD CONSTRAINT "initiative_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_call_id_campaign_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."campaign_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_submitter_id_users_id_fk" FOREIGN KEY ("submitter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replications" ADD CONSTRAINT "replications_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replications" ADD CONSTRAINT "replications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replications" ADD CONSTRAINT "replications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_council_id_review_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."review_councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_councils" ADD CONSTRAINT "review_councils_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_councils" ADD CONSTRAINT "review_councils_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_campaign_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."campaign_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registrations" ADD CONSTRAINT "unit_registrations_phase_id_campaign_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."campaign_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registrations" ADD CONSTRAINT "unit_registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_registrations" ADD CONSTRAINT "unit_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_types_code_key" ON "award_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "awards_initiative_type_key" ON "awards" USING btree ("initiative_id","award_type_id");--> statement-breakpoint
CREATE INDEX "awards_phase_id_idx" ON "awards" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "awards_award_type_id_idx" ON "awards" USING btree ("award_type_id");--> statement-breakpoint
CREATE INDEX "campaign_calls_campaign_id_idx" ON "campaign_calls" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_calls_phase_id_idx" ON "campaign_calls" USING btree ("phase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_criteria_campaign_code_key" ON "campaign_criteria" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "campaign_criteria_campaign_id_idx" ON "campaign_criteria" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "comment_reports_reporter_id_idx" ON "comment_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conflict_declarations_user_initiative_key" ON "conflict_declarations" USING btree ("user_id","initiative_id");--> statement-breakpoint
CREATE INDEX "conflict_declarations_initiative_id_idx" ON "conflict_declarations" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_decisions_initiative_key" ON "council_decisions" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "council_decisions_council_id_idx" ON "council_decisions" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_council_user_key" ON "council_members" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE INDEX "council_members_user_id_idx" ON "council_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_attachments_initiative_id_idx" ON "initiative_attachments" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_authors_initiative_id_idx" ON "initiative_authors" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_authors_user_id_idx" ON "initiative_authors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_comments_initiative_id_idx" ON "initiative_comments" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "initiative_comments_author_id_idx" ON "initiative_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "initiative_supports_user_id_idx" ON "initiative_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiative_transitions_initiative_id_idx" ON "initiative_transitions" USING btree ("initiative_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_code_key" ON "initiatives" USING btree ("code");--> statement-breakpoint
CREATE INDEX "initiatives_campaign_id_idx" ON "initiatives" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "initiatives_phase_id_idx" ON "initiatives" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "initiatives_call_id_idx" ON "initiatives" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "initiatives_submitter_id_idx" ON "initiatives" USING btree ("submitter_id");--> statement-breakpoint
CREATE INDEX "initiatives_unit_id_idx" ON "initiatives" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "initiatives_state_idx" ON "initiatives" USING btree ("state","field_code");--> statement-breakpoint
CREATE INDEX "initiatives_search_text_trgm_idx" ON "initiatives" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "initiatives_search_tokens_idx" ON "initiatives" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "initiatives_gallery_supports_idx" ON "initiatives" USING btree ("support_count" DESC NULLS LAST,"id") WHERE "initiatives"."state" in ('recognised', 'awarded', 'replicated');--> statement-breakpoint
CREATE INDEX "initiatives_gallery_decided_idx" ON "initiatives" USING btree ("decided_at" DESC NULLS LAST,"id") WHERE "initiatives"."state" in ('recognised', 'awarded', 'replicated');--> statement-breakpoint
CREATE UNIQUE INDEX "replications_initiative_unit_key" ON "replications" USING btree ("initiative_id","unit_id");--> statement-breakpoint
CREATE INDEX "replications_unit_id_idx" ON "replications" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_initiative_reviewer_key" ON "review_assignments" USING btree ("initiative_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_id_idx" ON "review_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "review_assignments_council_id_idx" ON "review_assignments" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "review_councils_campaign_id_idx" ON "review_councils" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_scores_assignment_criterion_key" ON "review_scores" USING btree ("assignment_id","criterion_id");--> statement-breakpoint
CREATE INDEX "review_scores_criterion_id_idx" ON "review_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_registrations_phase_unit_key" ON "unit_registrations" USING btree ("phase_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_registrations_unit_id_idx" ON "unit_registrations" USING btree ("unit_id");