CREATE TABLE "eco_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"applicant_id" uuid,
	"pitch" text NOT NULL,
	"team_size" integer NOT NULL,
	"request" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"method" text NOT NULL,
	"email" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offers_vi" text NOT NULL,
	"offers_en" text DEFAULT '' NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"public_email" text,
	"consented_at" timestamp with time zone NOT NULL,
	"consent_text" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_organisation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text,
	"serves_stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificate_number" text,
	"certificate_date" date,
	"address" text DEFAULT '' NOT NULL,
	"ward_unit_id" uuid,
	"founded_year" integer,
	"size_band" text,
	"website" text,
	"contact_email" text,
	"contact_phone" text,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"logo_attachment_id" uuid,
	"owner_id" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_check_sent_at" timestamp with time zone,
	"is_illustrative" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"organisation_id" uuid,
	"unit_id" uuid,
	"eligibility_vi" text NOT NULL,
	"eligibility_en" text DEFAULT '' NOT NULL,
	"benefits_vi" text NOT NULL,
	"benefits_en" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eco_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eco_applications" ADD CONSTRAINT "eco_applications_programme_id_eco_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."eco_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_applications" ADD CONSTRAINT "eco_applications_organisation_id_eco_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."eco_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_applications" ADD CONSTRAINT "eco_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_claims" ADD CONSTRAINT "eco_claims_organisation_id_eco_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."eco_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_claims" ADD CONSTRAINT "eco_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_claims" ADD CONSTRAINT "eco_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_experts" ADD CONSTRAINT "eco_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisation_files" ADD CONSTRAINT "eco_organisation_files_organisation_id_eco_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."eco_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisation_files" ADD CONSTRAINT "eco_organisation_files_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisations" ADD CONSTRAINT "eco_organisations_ward_unit_id_units_id_fk" FOREIGN KEY ("ward_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisations" ADD CONSTRAINT "eco_organisations_logo_attachment_id_attachments_id_fk" FOREIGN KEY ("logo_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisations" ADD CONSTRAINT "eco_organisations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_organisations" ADD CONSTRAINT "eco_organisations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_programmes" ADD CONSTRAINT "eco_programmes_organisation_id_eco_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."eco_organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_programmes" ADD CONSTRAINT "eco_programmes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_programmes" ADD CONSTRAINT "eco_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_relations" ADD CONSTRAINT "eco_relations_from_id_eco_organisations_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."eco_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eco_relations" ADD CONSTRAINT "eco_relations_to_id_eco_organisations_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."eco_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eco_applications_programme_organisation_key" ON "eco_applications" USING btree ("programme_id","organisation_id");--> statement-breakpoint
CREATE INDEX "eco_applications_organisation_idx" ON "eco_applications" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "eco_applications_applicant_idx" ON "eco_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "eco_claims_organisation_idx" ON "eco_claims" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "eco_claims_user_idx" ON "eco_claims" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "eco_claims_pending_idx" ON "eco_claims" USING btree ("created_at") WHERE "eco_claims"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "eco_experts_user_key" ON "eco_experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "eco_organisation_files_org_idx" ON "eco_organisation_files" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eco_organisation_files_attachment_key" ON "eco_organisation_files" USING btree ("attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eco_organisations_slug_key" ON "eco_organisations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "eco_organisations_kind_name_idx" ON "eco_organisations" USING btree ("kind","name_vi");--> statement-breakpoint
CREATE INDEX "eco_organisations_ward_idx" ON "eco_organisations" USING btree ("ward_unit_id");--> statement-breakpoint
CREATE INDEX "eco_organisations_owner_idx" ON "eco_organisations" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "eco_organisations_fields_idx" ON "eco_organisations" USING gin ("fields");--> statement-breakpoint
CREATE INDEX "eco_organisations_verified_idx" ON "eco_organisations" USING btree ("kind") WHERE "eco_organisations"."verified_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "eco_programmes_slug_key" ON "eco_programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "eco_programmes_organisation_idx" ON "eco_programmes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "eco_programmes_unit_idx" ON "eco_programmes" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eco_relations_from_to_kind_key" ON "eco_relations" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "eco_relations_to_idx" ON "eco_relations" USING btree ("to_id");