ALTER TABLE "help_playbooks" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "escalation" jsonb;