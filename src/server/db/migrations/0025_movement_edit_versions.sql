ALTER TABLE "campaigns" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_councils" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;