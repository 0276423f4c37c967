CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"call_id" uuid,
	"work_order_id" uuid,
	"household_id" uuid,
	"unit_id" uuid,
	"complainant_name" text NOT NULL,
	"complainant_phone" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"department" text NOT NULL,
	"about_person" text,
	"content" text NOT NULL,
	"wants" text NOT NULL,
	"wanted_by" timestamp with time zone,
	"cause" text,
	"status" text DEFAULT 'recorded' NOT NULL,
	"valid" boolean,
	"invalid_reason" text,
	"level" text,
	"due_at" timestamp with time zone,
	"judged_at" timestamp with time zone,
	"judged_by" uuid,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"action" text,
	"returned_at" timestamp with time zone,
	"informed_at" timestamp with time zone,
	"informed_by" uuid,
	"inform_note" text,
	"closed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"auto_major_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_form_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"type" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "contact_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"from_department" text NOT NULL,
	"to_department" text NOT NULL,
	"subject" text NOT NULL,
	"details" text NOT NULL,
	"required_result" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"sent_by" uuid NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_number" text NOT NULL,
	"summary" text NOT NULL,
	"household_id" uuid,
	"contact_name" text,
	"contact_phone" text,
	"status" text DEFAULT 'due' NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rating" text,
	"comments" text,
	"method" text,
	"visitor_id" uuid,
	"signature_id" uuid,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_call_id_call_records_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_judged_by_users_id_fk" FOREIGN KEY ("judged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_informed_by_users_id_fk" FOREIGN KEY ("informed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_form_events" ADD CONSTRAINT "contact_form_events_form_id_contact_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."contact_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_forms" ADD CONSTRAINT "contact_forms_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_forms" ADD CONSTRAINT "contact_forms_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_forms" ADD CONSTRAINT "contact_forms_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_forms" ADD CONSTRAINT "contact_forms_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_forms" ADD CONSTRAINT "contact_forms_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_c_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_uq" ON "complaints" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_call_uq" ON "complaints" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "complaints_project_status_idx" ON "complaints" USING btree ("project_id","status","due_at");--> statement-breakpoint
CREATE INDEX "complaints_project_created_idx" ON "complaints" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_form_events_f_idx" ON "contact_form_events" USING btree ("form_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_forms_number_uq" ON "contact_forms" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "contact_forms_to_idx" ON "contact_forms" USING btree ("project_id","to_department","status");--> statement-breakpoint
CREATE INDEX "contact_forms_from_idx" ON "contact_forms" USING btree ("project_id","from_department","status");--> statement-breakpoint
CREATE INDEX "visits_subject_idx" ON "visits" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "visits_project_status_idx" ON "visits" USING btree ("project_id","status","due_at");--> statement-breakpoint
CREATE INDEX "visits_project_drawn_idx" ON "visits" USING btree ("project_id","drawn_at");