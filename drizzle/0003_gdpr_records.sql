CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"information" text NOT NULL,
	"includes_restricted" boolean NOT NULL,
	"given_by" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid,
	"withdrawn_on" date,
	"withdrawn_recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_notices" (
	"organisation_id" uuid NOT NULL,
	"notice_date" date NOT NULL,
	"due_count" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_notices_organisation_id_notice_date_pk" PRIMARY KEY("organisation_id","notice_date")
);
--> statement-breakpoint
CREATE TABLE "subject_access_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"steps_total" integer DEFAULT 1 NOT NULL,
	"current_step" text DEFAULT '' NOT NULL,
	"zip" "bytea",
	"byte_size" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "child_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "retention_years" integer DEFAULT 31 NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_recorded_by_users_id_fk" FOREIGN KEY ("withdrawn_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_notices" ADD CONSTRAINT "retention_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_exports" ADD CONSTRAINT "subject_access_exports_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_exports" ADD CONSTRAINT "subject_access_exports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_child_idx" ON "consents" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "subject_access_exports_child_idx" ON "subject_access_exports" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_idx" ON "audit_events" USING btree ("organisation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_child_idx" ON "audit_events" USING btree ("child_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
-- Events written before these columns existed: find their child and organisation.
UPDATE "audit_events" SET "child_id" = "subject_id"::uuid WHERE "subject_type" = 'child' AND "subject_id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
UPDATE "audit_events" AS a SET "child_id" = m."child_id" FROM "meetings" AS m WHERE a."subject_type" = 'meeting' AND a."subject_id" = m."id"::text;--> statement-breakpoint
UPDATE "audit_events" AS a SET "child_id" = x."child_id" FROM "actions" AS x WHERE a."subject_type" = 'action' AND a."subject_id" = x."id";--> statement-breakpoint
UPDATE "audit_events" AS a SET "organisation_id" = c."organisation_id" FROM "children" AS c WHERE a."child_id" = c."id";--> statement-breakpoint
UPDATE "audit_events" SET "organisation_id" = "subject_id"::uuid WHERE "organisation_id" IS NULL AND "subject_type" = 'organisation' AND "subject_id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
UPDATE "audit_events" SET "ip" = "details"->>'ip', "details" = "details" - 'ip' WHERE "details" ? 'ip';
