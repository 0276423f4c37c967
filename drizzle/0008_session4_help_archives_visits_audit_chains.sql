CREATE TABLE "accompanied_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"lead_user_id" uuid NOT NULL,
	"cs_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"share_percent" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT 'global' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_request_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "help_number" text;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "routed_id" uuid;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "escalation" jsonb;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_cs_user_id_users_id_fk" FOREIGN KEY ("cs_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_settings" ADD CONSTRAINT "visit_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_settings" ADD CONSTRAINT "visit_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accompanied_sessions_project_idx" ON "accompanied_sessions" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "accompanied_sessions_lead_idx" ON "accompanied_sessions" USING btree ("lead_user_id");--> statement-breakpoint
CREATE INDEX "accompanied_sessions_cs_idx" ON "accompanied_sessions" USING btree ("cs_user_id");--> statement-breakpoint
CREATE INDEX "audit_chain_seq_idx" ON "audit_log" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "call_records_project_resolved_idx" ON "call_records" USING btree ("project_id","resolved_at");--> statement-breakpoint
CREATE INDEX "complaints_project_returned_idx" ON "complaints" USING btree ("project_id","returned_at");