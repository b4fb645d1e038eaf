CREATE TABLE "rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"last_hit_at" timestamp with time zone NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_counters_window_ends_at_idx" ON "rate_counters" USING btree ("window_ends_at");--> statement-breakpoint
-- Sign-in back-off now counts in rate_counters, shared with the write limits.
DROP TABLE "sign_in_throttles" CASCADE;--> statement-breakpoint
-- Accounts made by an operator or a seed (no consent row: sign-up always records one) had their
-- address vouched for when created; they count as confirmed now that confirming gates supports,
-- comments, reports and submissions.
UPDATE "users" SET "email_verified_at" = "created_at"
WHERE "email_verified_at" IS NULL AND NOT EXISTS (SELECT 1 FROM "consents" WHERE "consents"."user_id" = "users"."id");
