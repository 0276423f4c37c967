CREATE TABLE "household_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_label" text,
	"action" text NOT NULL,
	"field" text,
	"old_value" text,
	"new_value" text,
	"seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_renovations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"finished_on" date,
	"company" text NOT NULL,
	"permit_no" text,
	"approved_on" date,
	"accepted_on" date,
	"acceptance" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"plate" text NOT NULL,
	"kind" text NOT NULL,
	"parking_space" text,
	"removed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "call_records_open_idx";--> statement-breakpoint
DROP INDEX "call_records_project_resolved_idx";--> statement-breakpoint
DROP INDEX "complaints_project_status_idx";--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "moved_out_at" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "moved_out_at" date;--> statement-breakpoint
ALTER TABLE "household_history" ADD CONSTRAINT "household_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_history" ADD CONSTRAINT "household_history_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_renovations" ADD CONSTRAINT "household_renovations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_renovations" ADD CONSTRAINT "household_renovations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_vehicles" ADD CONSTRAINT "household_vehicles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_vehicles" ADD CONSTRAINT "household_vehicles_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_history_household_idx" ON "household_history" USING btree ("household_id","at");--> statement-breakpoint
CREATE INDEX "household_renovations_household_idx" ON "household_renovations" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_vehicles_household_idx" ON "household_vehicles" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "call_records_open_idx" ON "call_records" USING btree ("project_id","status","due_at","district_id");--> statement-breakpoint
CREATE INDEX "call_records_project_resolved_idx" ON "call_records" USING btree ("project_id","resolved_at","due_at","district_id");--> statement-breakpoint
CREATE INDEX "complaints_project_status_idx" ON "complaints" USING btree ("project_id","status","due_at","level","department");