ALTER TABLE "call_records" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "routed_id" uuid;