CREATE TABLE "la_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"meeting_id" uuid,
	"la_decision_id" uuid,
	"made_by" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "outcomes_child_idx";--> statement-breakpoint
-- An outcome carried from the child's plan keeps its id in every later review's document.
ALTER TABLE "outcomes" DROP CONSTRAINT "outcomes_pkey";--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_meeting_id_id_pk" PRIMARY KEY("meeting_id","id");--> statement-breakpoint
ALTER TABLE "la_decisions" ADD CONSTRAINT "la_decisions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_decisions" ADD CONSTRAINT "la_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_decisions" ADD CONSTRAINT "la_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_la_decision_id_la_decisions_id_fk" FOREIGN KEY ("la_decision_id") REFERENCES "public"."la_decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "la_decisions_meeting_idx" ON "la_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "la_decisions_child_idx" ON "la_decisions" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_child_version_idx" ON "plan_versions" USING btree ("child_id","version");--> statement-breakpoint
CREATE INDEX "outcomes_child_idx" ON "outcomes" USING btree ("child_id","id");