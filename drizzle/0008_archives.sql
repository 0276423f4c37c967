CREATE TYPE "public"."archive_department" AS ENUM('developer', 'cs_centre', 'engineering');--> statement-breakpoint
CREATE TYPE "public"."archive_document_status" AS ENUM('received', 'missing');--> statement-breakpoint
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
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_documents" ADD CONSTRAINT "archive_documents_template_id_archive_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."archive_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_scans" ADD CONSTRAINT "archive_scans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_scans" ADD CONSTRAINT "archive_scans_document_id_archive_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."archive_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_templates" ADD CONSTRAINT "archive_templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_signoffs" ADD CONSTRAINT "household_signoffs_signer_person_id_persons_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_documents_household_template_uq" ON "archive_documents" USING btree ("household_id","template_id");--> statement-breakpoint
CREATE INDEX "archive_documents_project_idx" ON "archive_documents" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "archive_scans_document_idx" ON "archive_scans" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_templates_project_name_uq" ON "archive_templates" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "household_signoffs_household_idx" ON "household_signoffs" USING btree ("household_id");