-- A dataset's own version label (dcat:version) moves to version_info; "version" becomes the edit version (ETag / If-Match), as on every edited table.
ALTER TABLE "datasets" RENAME COLUMN "version" TO "version_info";--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_registrations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
