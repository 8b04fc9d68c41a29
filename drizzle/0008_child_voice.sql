CREATE TABLE "child_voice_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "child_voice_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"helped_by" text DEFAULT '' NOT NULL,
	"picture_type" text,
	"picture_size" integer,
	"picture_data" "bytea",
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_voice_links" ADD CONSTRAINT "child_voice_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_links" ADD CONSTRAINT "child_voice_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_submissions" ADD CONSTRAINT "child_voice_submissions_link_id_child_voice_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."child_voice_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_submissions" ADD CONSTRAINT "child_voice_submissions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_voice_links_hash_unique" ON "child_voice_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "child_voice_links_meeting_idx" ON "child_voice_links" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "child_voice_submissions_link_unique" ON "child_voice_submissions" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "child_voice_submissions_meeting_idx" ON "child_voice_submissions" USING btree ("meeting_id");