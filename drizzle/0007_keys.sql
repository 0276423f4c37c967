CREATE TYPE "public"."key_borrower_kind" AS ENUM('owner', 'authorised', 'staff');--> statement-breakpoint
CREATE TYPE "public"."key_kind" AS ENUM('developer_held', 'owner_deposited', 'public_area', 'plant_room');--> statement-breakpoint
CREATE TYPE "public"."key_status" AS ENUM('in', 'out', 'handed_over');--> statement-breakpoint
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
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_key_id_property_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."property_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_handovers" ADD CONSTRAINT "key_handovers_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_key_id_property_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."property_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_loans" ADD CONSTRAINT "key_loans_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_keys" ADD CONSTRAINT "property_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_keys" ADD CONSTRAINT "property_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_handovers_key_idx" ON "key_handovers" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "key_loans_key_idx" ON "key_loans" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "key_loans_project_idx" ON "key_loans" USING btree ("project_id","lent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "property_keys_project_number_uq" ON "property_keys" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "property_keys_unit_idx" ON "property_keys" USING btree ("unit_id");