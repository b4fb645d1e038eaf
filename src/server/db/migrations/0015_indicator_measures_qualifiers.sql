ALTER TABLE "indicator_targets" ADD COLUMN "qualifier" text;--> statement-breakpoint
-- Existing indicators get their code as measure key: unique already, and a manager can merge duplicates later.
ALTER TABLE "indicators" ADD COLUMN "measure_key" text;--> statement-breakpoint
UPDATE "indicators" SET "measure_key" = lower(replace("code", '-', '_')) || '_' || substr("id"::text, 1, 8);--> statement-breakpoint
ALTER TABLE "indicators" ALTER COLUMN "measure_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "projection_method" text DEFAULT 'linear' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "baseline_qualifier" text;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_measure_key_key" ON "indicators" USING btree ("measure_key");
