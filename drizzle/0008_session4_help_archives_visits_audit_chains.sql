ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "routed_id" uuid;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
CREATE INDEX "audit_chain_seq_idx" ON "audit_log" USING btree ("chain","seq");