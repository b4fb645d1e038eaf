CREATE TABLE "dataset_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"url" text,
	"format" text DEFAULT '' NOT NULL,
	"attachment_id" uuid,
	"live_source" text,
	"datastore_table" text,
	"data_dictionary" jsonb,
	"datastore_loaded_at" timestamp with time zone,
	"live_fingerprint" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"eu_theme" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"publisher_unit_id" uuid NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"licence_id" text NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"spatial" text DEFAULT '' NOT NULL,
	"update_frequency" text DEFAULT 'UNKNOWN' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"version" text DEFAULT '' NOT NULL,
	"conforms_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"access_level" text DEFAULT 'open' NOT NULL,
	"shared_with_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataset_resources" ADD CONSTRAINT "dataset_resources_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_resources" ADD CONSTRAINT "dataset_resources_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_publisher_unit_id_units_id_fk" FOREIGN KEY ("publisher_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_resources_dataset_position_key" ON "dataset_resources" USING btree ("dataset_id","position");--> statement-breakpoint
CREATE INDEX "dataset_resources_dataset_id_idx" ON "dataset_resources" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "dataset_resources_attachment_id_idx" ON "dataset_resources" USING btree ("attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_themes_name_key" ON "dataset_themes" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_name_key" ON "datasets" USING btree ("name");--> statement-breakpoint
CREATE INDEX "datasets_publisher_unit_id_idx" ON "datasets" USING btree ("publisher_unit_id");--> statement-breakpoint
CREATE INDEX "datasets_created_by_idx" ON "datasets" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "datasets_published_open_idx" ON "datasets" USING btree ("id") WHERE state = 'published' and access_level = 'open';--> statement-breakpoint
CREATE INDEX "datasets_updated_at_idx" ON "datasets" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "datasets_themes_idx" ON "datasets" USING gin ("themes");--> statement-breakpoint
-- Tabular resources are loaded into tables of their own here, named from the resource id, never from user input.
CREATE SCHEMA IF NOT EXISTS datastore;
--> statement-breakpoint
-- The themes (CKAN groups) of the catalogue, each mapped to the EU data theme a DCAT harvester expects.
INSERT INTO "dataset_themes" ("name", "title_vi", "title_en", "eu_theme") VALUES
  ('y-te', 'Y tế', 'Health', 'HEAL'),
  ('giao-thong', 'Giao thông', 'Transport', 'TRAN'),
  ('giao-duc', 'Giáo dục', 'Education', 'EDUC'),
  ('kinh-te', 'Kinh tế', 'Economy and finance', 'ECON'),
  ('moi-truong', 'Môi trường', 'Environment', 'ENVI'),
  ('khoa-hoc-cong-nghe', 'Khoa học và công nghệ', 'Science and technology', 'TECH'),
  ('chinh-quyen', 'Chính quyền và khu vực công', 'Government and public sector', 'GOVE'),
  ('dan-so-xa-hoi', 'Dân số và xã hội', 'Population and society', 'SOCI'),
  ('nang-luong', 'Năng lượng', 'Energy', 'ENER'),
  ('vung-do-thi', 'Vùng và đô thị', 'Regions and cities', 'REGI');
