CREATE TABLE "commendation_council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"issuer" text NOT NULL,
	"issuer_unit_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"issuers" jsonb NOT NULL,
	"vote_threshold_percent" integer NOT NULL,
	"is_threshold_strict" boolean DEFAULT false NOT NULL,
	"quorum_numerator" integer DEFAULT 2 NOT NULL,
	"quorum_denominator" integer DEFAULT 3 NOT NULL,
	"requires_initiative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "nomination_transitions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "nomination_voters" (
	"nomination_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"voted_at" timestamp with time zone,
	CONSTRAINT "nomination_voters_pkey" PRIMARY KEY("nomination_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "nomination_votes" (
	"nomination_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"votes_for" integer DEFAULT 0 NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"votes_abstain" integer DEFAULT 0 NOT NULL,
	"threshold_percent" integer NOT NULL,
	"is_threshold_strict" boolean NOT NULL,
	"quorum_numerator" integer NOT NULL,
	"quorum_denominator" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"title_id" uuid NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"subject" text NOT NULL,
	"nominee_name" text NOT NULL,
	"nominee_key" text NOT NULL,
	"nominee_job_title" text DEFAULT '' NOT NULL,
	"nominee_unit_id" uuid NOT NULL,
	"achievement_report" text DEFAULT '' NOT NULL,
	"ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prior_titles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"science_works" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collective" jsonb,
	"is_under_review" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"council_id" uuid,
	"decision_id" uuid,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commendation_council_members" ADD CONSTRAINT "commendation_council_members_council_id_commendation_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."commendation_councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_council_members" ADD CONSTRAINT "commendation_council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_councils" ADD CONSTRAINT "commendation_councils_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_councils" ADD CONSTRAINT "commendation_councils_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_decisions" ADD CONSTRAINT "commendation_decisions_title_id_commendation_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."commendation_titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_decisions" ADD CONSTRAINT "commendation_decisions_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_decisions" ADD CONSTRAINT "commendation_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_attachments" ADD CONSTRAINT "nomination_attachments_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_transitions" ADD CONSTRAINT "nomination_transitions_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_transitions" ADD CONSTRAINT "nomination_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_voters" ADD CONSTRAINT "nomination_voters_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_voters" ADD CONSTRAINT "nomination_voters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_votes" ADD CONSTRAINT "nomination_votes_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_votes" ADD CONSTRAINT "nomination_votes_council_id_commendation_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."commendation_councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_title_id_commendation_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."commendation_titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_unit_id_units_id_fk" FOREIGN KEY ("nominee_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_council_id_commendation_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."commendation_councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_decision_id_commendation_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."commendation_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_council_members_council_user_key" ON "commendation_council_members" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE INDEX "commendation_council_members_user_id_idx" ON "commendation_council_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "commendation_councils_unit_id_idx" ON "commendation_councils" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "commendation_councils_created_by_idx" ON "commendation_councils" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_decisions_issuer_number_key" ON "commendation_decisions" USING btree ("issuer_unit_id","number");--> statement-breakpoint
CREATE INDEX "commendation_decisions_title_id_idx" ON "commendation_decisions" USING btree ("title_id");--> statement-breakpoint
CREATE INDEX "commendation_decisions_created_by_idx" ON "commendation_decisions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "commendation_decisions_signed_on_idx" ON "commendation_decisions" USING btree ("signed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_titles_code_key" ON "commendation_titles" USING btree ("code");--> statement-breakpoint
CREATE INDEX "nomination_attachments_nomination_id_idx" ON "nomination_attachments" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_attachments_attachment_id_key" ON "nomination_attachments" USING btree ("attachment_id");--> statement-breakpoint
CREATE INDEX "nomination_transitions_nomination_id_idx" ON "nomination_transitions" USING btree ("nomination_id","occurred_at");--> statement-breakpoint
CREATE INDEX "nomination_transitions_actor_id_idx" ON "nomination_transitions" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "nomination_voters_user_id_idx" ON "nomination_voters" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "nomination_votes_council_id_idx" ON "nomination_votes" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_code_key" ON "nominations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "nominations_unit_id_idx" ON "nominations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "nominations_title_id_idx" ON "nominations" USING btree ("title_id");--> statement-breakpoint
CREATE INDEX "nominations_nominee_unit_id_idx" ON "nominations" USING btree ("nominee_unit_id");--> statement-breakpoint
CREATE INDEX "nominations_state_idx" ON "nominations" USING btree ("state");--> statement-breakpoint
CREATE INDEX "nominations_council_id_idx" ON "nominations" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "nominations_decision_id_idx" ON "nominations" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "nominations_created_by_idx" ON "nominations" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "nominations_nominee_key_idx" ON "nominations" USING btree ("nominee_key","year");--> statement-breakpoint
-- The titles and forms a department, a ward or the city gives (Law 06/2022/QH15; see docs/commendation.md).
-- Vote thresholds and quorum are settings: only 90 % for Chiến sĩ thi đua Thành phố has a source (Decree
-- 91/2017/NĐ-CP, Article 45(8), since superseded); the others are the project's defaults, a simple majority
-- of all members where no source gave a figure.
INSERT INTO "commendation_titles" ("code", "position", "kind", "subject", "name_vi", "name_en", "issuers", "vote_threshold_percent", "is_threshold_strict") VALUES
  ('LDTT', 1, 'title', 'individual', 'Lao động tiên tiến', 'Advanced Worker', '["department_head","ward_chairman"]', 50, true),
  ('CSTD_CS', 2, 'title', 'individual', 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', '["department_head"]', 80, false),
  ('CSTD_TP', 3, 'title', 'individual', 'Chiến sĩ thi đua Thành phố', 'City Emulation Fighter', '["city_chairman"]', 90, false),
  ('TTLDTT', 4, 'title', 'collective', 'Tập thể lao động tiên tiến', 'Advanced Collective', '["department_head"]', 50, true),
  ('TTLDXS', 5, 'title', 'collective', 'Tập thể lao động xuất sắc', 'Excellent Collective', '["city_chairman"]', 50, true),
  ('CO_TD_TP', 6, 'title', 'collective', 'Cờ thi đua của Ủy ban nhân dân Thành phố', 'Emulation Flag of the City People''s Committee', '["city_chairman"]', 80, false),
  ('GIAY_KHEN', 7, 'form', 'both', 'Giấy khen', 'Certificate of merit (Giấy khen)', '["department_head","ward_chairman"]', 50, true),
  ('BK_CT_TP', 8, 'form', 'both', 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố', 'Certificate of merit of the Chairman of the City People''s Committee', '["city_chairman"]', 50, true);
--> statement-breakpoint
-- The certificate of recognition an initiative receives when it is recognised (Decree 13/2012/NĐ-CP): issued
-- automatically, so the type exists on every database, not only with the demo data.
INSERT INTO "award_types" ("code", "name_vi", "name_en", "issuer_vi", "issuer_en") VALUES
  ('GCN-SK', 'Giấy chứng nhận sáng kiến', 'Certificate of initiative recognition', 'Thủ trưởng đơn vị công nhận sáng kiến', 'Head of the recognising unit')
ON CONFLICT ("code") DO NOTHING;
