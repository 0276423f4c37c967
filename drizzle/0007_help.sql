CREATE TYPE "public"."help_category" AS ENUM('medical', 'repair', 'complaint', 'inquiry', 'security', 'disaster', 'other');--> statement-breakpoint
CREATE TYPE "public"."help_outcome" AS ENUM('solved', 'answered', 'referred');--> statement-breakpoint
CREATE TYPE "public"."help_status" AS ENUM('open', 'handling', 'closed');--> statement-breakpoint
CREATE TYPE "public"."help_step_status" AS ENUM('pending', 'acknowledged', 'done');--> statement-breakpoint
CREATE TABLE "help_duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"project_id" uuid NOT NULL,
	"help_request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"step_id" uuid,
	"device" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "help_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"open_incidents" jsonb NOT NULL,
	"keys_out" text,
	"equipment_out" text,
	"pending" text,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_playbook_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"playbook_id" uuid NOT NULL,
	"branch" text,
	"seq" integer NOT NULL,
	"parallel_group" integer NOT NULL,
	"role" "role" NOT NULL,
	"title" text NOT NULL,
	"instruction" text,
	"limit_minutes" integer
);
--> statement-breakpoint
CREATE TABLE "help_playbooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" "help_category",
	"branches" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_patient" boolean DEFAULT false NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"category" "help_category" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"unit_id" uuid,
	"household_id" uuid,
	"phone" text,
	"need" text NOT NULL,
	"status" "help_status" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"first_response_by" uuid,
	"routed_to" text,
	"routed_ref" text,
	"playbook_code" text,
	"playbook_name" text,
	"branch" text,
	"patient_address" text,
	"patient_phone" text,
	"incident_started_at" timestamp with time zone,
	"outcome" "help_outcome",
	"result" text,
	"referred_to" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"help_request_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"parallel_group" integer NOT NULL,
	"role" "role" NOT NULL,
	"title" text NOT NULL,
	"instruction" text,
	"limit_minutes" integer,
	"due_at" timestamp with time zone,
	"status" "help_step_status" DEFAULT 'pending' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "help_duty_shifts" ADD CONSTRAINT "help_duty_shifts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_duty_shifts" ADD CONSTRAINT "help_duty_shifts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_duty_shifts" ADD CONSTRAINT "help_duty_shifts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_events" ADD CONSTRAINT "help_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_events" ADD CONSTRAINT "help_events_help_request_id_help_requests_id_fk" FOREIGN KEY ("help_request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_events" ADD CONSTRAINT "help_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_handovers" ADD CONSTRAINT "help_handovers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_handovers" ADD CONSTRAINT "help_handovers_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_handovers" ADD CONSTRAINT "help_handovers_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_playbook_steps" ADD CONSTRAINT "help_playbook_steps_playbook_id_help_playbooks_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."help_playbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_playbooks" ADD CONSTRAINT "help_playbooks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_first_response_by_users_id_fk" FOREIGN KEY ("first_response_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_steps" ADD CONSTRAINT "help_steps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_steps" ADD CONSTRAINT "help_steps_help_request_id_help_requests_id_fk" FOREIGN KEY ("help_request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_steps" ADD CONSTRAINT "help_steps_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_steps" ADD CONSTRAINT "help_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_duty_shifts_project_role_idx" ON "help_duty_shifts" USING btree ("project_id","role","starts_at");--> statement-breakpoint
CREATE INDEX "help_events_request_idx" ON "help_events" USING btree ("help_request_id","at");--> statement-breakpoint
CREATE INDEX "help_handovers_to_idx" ON "help_handovers" USING btree ("to_user_id","at");--> statement-breakpoint
CREATE INDEX "help_playbook_steps_playbook_idx" ON "help_playbook_steps" USING btree ("playbook_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "help_playbooks_project_code_uq" ON "help_playbooks" USING btree ("project_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_project_number_uq" ON "help_requests" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "help_requests_open_idx" ON "help_requests" USING btree ("project_id","received_at") WHERE "help_requests"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "help_steps_request_idx" ON "help_steps" USING btree ("help_request_id","seq");--> statement-breakpoint
CREATE INDEX "help_steps_open_role_idx" ON "help_steps" USING btree ("project_id","role") WHERE "help_steps"."status" <> 'done';