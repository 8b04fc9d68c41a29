ALTER TABLE "document_updates" ADD COLUMN "update_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_updates" ADD COLUMN "first_received_at" timestamp with time zone;