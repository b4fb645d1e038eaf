-- array_to_string() is only STABLE (it calls the element type's output function); for text[] the
-- result never changes, so an IMMUTABLE wrapper may be used in a generated column.
CREATE OR REPLACE FUNCTION f_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string($1, ' ') $$;
--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "search_text" text GENERATED ALWAYS AS (f_unaccent(lower(name || ' ' || title_vi || ' ' || title_en || ' ' || description_vi || ' ' || description_en || ' ' || f_words(keywords)))) STORED;--> statement-breakpoint
CREATE INDEX "datasets_search_text_trgm_idx" ON "datasets" USING gin ("search_text" gin_trgm_ops);