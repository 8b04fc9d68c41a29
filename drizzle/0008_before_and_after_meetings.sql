CREATE TABLE "meeting_packs" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"due_date" date NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pack_advice_reminders" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reminder_date" date NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pack_advice_reminders_meeting_id_user_id_reminder_date_pk" PRIMARY KEY("meeting_id","user_id","reminder_date")
);
--> statement-breakpoint
CREATE TABLE "pack_readers" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"emailed_at" timestamp with time zone,
	"first_opened_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pack_readers_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"setting_name" text NOT NULL,
	"senco_name" text NOT NULL,
	"senco_email" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"consent_id" uuid NOT NULL,
	"invitation_id" uuid,
	"pack" jsonb NOT NULL,
	"restricted_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"restricted_included_by" uuid,
	"restricted_included_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid
);
--> statement-breakpoint
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
ALTER TABLE "meeting_packs" ADD CONSTRAINT "meeting_packs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_advice_reminders" ADD CONSTRAINT "pack_advice_reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_advice_reminders" ADD CONSTRAINT "pack_advice_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_advice_reminders" ADD CONSTRAINT "pack_advice_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_readers" ADD CONSTRAINT "pack_readers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_readers" ADD CONSTRAINT "pack_readers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_restricted_included_by_users_id_fk" FOREIGN KEY ("restricted_included_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_links" ADD CONSTRAINT "child_voice_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_links" ADD CONSTRAINT "child_voice_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_submissions" ADD CONSTRAINT "child_voice_submissions_link_id_child_voice_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."child_voice_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_voice_submissions" ADD CONSTRAINT "child_voice_submissions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pack_advice_reminders_meeting_idx" ON "pack_advice_reminders" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "handovers_child_idx" ON "handovers" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "handovers_invitation_idx" ON "handovers" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_voice_links_hash_unique" ON "child_voice_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "child_voice_links_meeting_idx" ON "child_voice_links" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "child_voice_submissions_link_unique" ON "child_voice_submissions" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "child_voice_submissions_meeting_idx" ON "child_voice_submissions" USING btree ("meeting_id");