CREATE TYPE "public"."archive_department" AS ENUM('developer', 'cs_centre', 'engineering');--> statement-breakpoint
CREATE TYPE "public"."key_borrower_kind" AS ENUM('owner', 'authorised', 'staff');--> statement-breakpoint
CREATE TYPE "public"."archive_document_status" AS ENUM('received', 'missing');--> statement-breakpoint
CREATE TYPE "public"."help_category" AS ENUM('medical', 'repair', 'complaint', 'inquiry', 'security', 'disaster', 'other');--> statement-breakpoint
CREATE TYPE "public"."help_outcome" AS ENUM('solved', 'answered', 'referred');--> statement-breakpoint
CREATE TYPE "public"."help_status" AS ENUM('open', 'handling', 'closed');--> statement-breakpoint
CREATE TYPE "public"."help_step_status" AS ENUM('pending', 'acknowledged', 'done');--> statement-breakpoint
CREATE TYPE "public"."key_kind" AS ENUM('developer_held', 'owner_deposited', 'public_area', 'plant_room');--> statement-breakpoint
CREATE TYPE "public"."key_status" AS ENUM('in', 'out', 'handed_over');--> statement-breakpoint
CREATE TYPE "public"."household_signer_role" AS ENUM('household', 'repairer');--> statement-breakpoint
CREATE TYPE "public"."household_signoff_kind" AS ENUM('facility_opening', 'handover_items', 'manual_receipt');--> statement-breakpoint
CREATE TABLE "archive_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"status" "archive_document_status" NOT NULL,
	"handed_over_by" text,
	"handed_over_on" date,
	"received_by" uuid,
	"location" text,
	"filed_at" timestamp with time zone,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"department" "archive_department" NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "household_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" "household_signoff_kind" NOT NULL,
	"items" jsonb NOT NULL,
	"signer_role" "household_signer_role" NOT NULL,
	"signer_person_id" uuid,
	"signer_name" text NOT NULL,
	"signature_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"renovation_ref" text NOT NULL,
	"signature_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"borrower_kind" "key_borrower_kind" NOT NULL,
	"owner_person_id" uuid,
	"borrower_name" text NOT NULL,
	"identity_document" text NOT NULL,
	"authorisation" text,
	"purpose" text NOT NULL,
	"approver_id" uuid NOT NULL,
	"owner_contacted_via" text,
	"lent_at" timestamp with time zone NOT NULL,
	"lent_by" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"borrower_signature_id" uuid NOT NULL,
	"overdue_at" timestamp with time zone,
	"chase_count" integer DEFAULT 0 NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_by_name" text,
	"received_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"unit_id" uuid,
	"kind" "key_kind" NOT NULL,
	"label" text,
	"count" integer DEFAULT 1 NOT NULL,
	"cabinet_position" text NOT NULL,
	"status" "key_status" DEFAULT 'in' NOT NULL,
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
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_template_id_archive_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."archive_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_scans" ADD CONSTRAINT "archive_scans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_scans" ADD CONSTRAINT "archive_scans_document_id_archive_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."archive_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_templates" ADD CONSTRAINT "archive_templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_signer_person_id_persons_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_key_id_property_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."property_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_key_id_property_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."property_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_keys" ADD CONSTRAINT "property_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_keys" ADD CONSTRAINT "property_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_documents_household_template_uq" ON "archive_documents" USING btree ("household_id","template_id");--> statement-breakpoint
CREATE INDEX "archive_documents_project_idx" ON "archive_documents" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "archive_scans_document_idx" ON "archive_scans" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_templates_project_name_uq" ON "archive_templates" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "complaint_events_c_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_uq" ON "complaints" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_call_uq" ON "complaints" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "complaints_project_status_idx" ON "complaints" USING btree ("project_id","status","due_at");--> statement-breakpoint
CREATE INDEX "complaints_project_created_idx" ON "complaints" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_form_events_f_idx" ON "contact_form_events" USING btree ("form_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_forms_number_uq" ON "contact_forms" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "contact_forms_to_idx" ON "contact_forms" USING btree ("project_id","to_department","status");--> statement-breakpoint
CREATE INDEX "contact_forms_from_idx" ON "contact_forms" USING btree ("project_id","from_department","status");--> statement-breakpoint
CREATE INDEX "help_duty_shifts_project_role_idx" ON "help_duty_shifts" USING btree ("project_id","role","starts_at");--> statement-breakpoint
CREATE INDEX "help_events_request_idx" ON "help_events" USING btree ("help_request_id","at");--> statement-breakpoint
CREATE INDEX "help_handovers_to_idx" ON "help_handovers" USING btree ("to_user_id","at");--> statement-breakpoint
CREATE INDEX "help_playbook_steps_playbook_idx" ON "help_playbook_steps" USING btree ("playbook_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "help_playbooks_project_code_uq" ON "help_playbooks" USING btree ("project_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_project_number_uq" ON "help_requests" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "help_requests_open_idx" ON "help_requests" USING btree ("project_id","received_at") WHERE "help_requests"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "help_steps_request_idx" ON "help_steps" USING btree ("help_request_id","seq");--> statement-breakpoint
CREATE INDEX "help_steps_open_role_idx" ON "help_steps" USING btree ("project_id","role") WHERE "help_steps"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "household_signoffs_household_idx" ON "household_signoffs" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "key_handovers_key_idx" ON "key_handovers" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "key_loans_key_idx" ON "key_loans" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "key_loans_project_idx" ON "key_loans" USING btree ("project_id","lent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "property_keys_project_number_uq" ON "property_keys" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "property_keys_unit_idx" ON "property_keys" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "visits_subject_idx" ON "visits" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "visits_project_status_idx" ON "visits" USING btree ("project_id","status","due_at");--> statement-breakpoint
CREATE INDEX "visits_project_drawn_idx" ON "visits" USING btree ("project_id","drawn_at");