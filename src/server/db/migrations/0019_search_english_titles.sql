ALTER TABLE "search_documents" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Documents indexed before this column existed take the English title from what they index.
UPDATE "search_documents" d SET "title_en" = p."code" || ' — ' || p."title_en" FROM "plans" p WHERE d."entity_type" = 'plan' AND d."entity_id" = p."id"::text AND p."title_en" <> '';--> statement-breakpoint
UPDATE "search_documents" d SET "title_en" = t."code" || ' — ' || t."title_en" FROM "tasks" t WHERE d."entity_type" = 'task' AND d."entity_id" = t."id"::text AND t."title_en" <> '';--> statement-breakpoint
UPDATE "search_documents" d SET "title_en" = u."name_en" FROM "units" u WHERE d."entity_type" = 'unit' AND d."entity_id" = u."id"::text;--> statement-breakpoint
UPDATE "search_documents" d SET "title_en" = i."name_en" FROM "indicators" i WHERE d."entity_type" = 'indicator' AND d."entity_id" = i."id"::text;--> statement-breakpoint
UPDATE "search_documents" d SET "title_en" = c."title_en" FROM "campaigns" c WHERE d."entity_type" = 'campaign' AND d."entity_id" = c."id"::text;--> statement-breakpoint
UPDATE "search_documents" d SET "title_en" = o."name_en", "title" = o."name_vi", "body" = o."name_en" || ' ' || d."body" FROM "eco_organisations" o WHERE d."entity_type" = 'eco_organisation' AND d."entity_id" = o."id"::text;
