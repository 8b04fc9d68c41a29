ALTER TABLE "children" ADD COLUMN "reception_year" integer;--> statement-breakpoint
-- The free-text year group as it was when the child was added (the best moment known):
-- its cohort is that school year's start minus the year group.
UPDATE "children" SET "reception_year" =
	(extract(year from "created_at")::integer - CASE WHEN extract(month from "created_at") >= 9 THEN 0 ELSE 1 END)
	- CASE
		WHEN "year_group" ~* '^\s*reception\s*$' THEN 0
		WHEN "year_group" ~* '^\s*nursery' THEN -1
		ELSE substring("year_group" from '(?i)^\s*(?:year|y)\s*(\d{1,2})\s*$')::integer
	END
WHERE "year_group" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "children" DROP COLUMN "year_group";
