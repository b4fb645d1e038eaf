-- An initiative's support count moves when its transaction commits, not when the support is added:
-- a popular initiative's row is then locked only for the commit itself, instead of from the update to
-- the client's COMMIT (a round trip, plus the application's own queue under load). Still exact: the
-- count moves in the same transaction as the support row, or not at all.
CREATE FUNCTION "count_initiative_support"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "initiatives" SET "support_count" = "support_count" + 1 WHERE "id" = NEW."initiative_id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "initiative_supports_count" AFTER INSERT ON "initiative_supports"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "count_initiative_support"();
