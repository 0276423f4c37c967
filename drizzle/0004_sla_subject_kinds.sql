ALTER TABLE "sla_policies" RENAME COLUMN "urgency" TO "level";--> statement-breakpoint
DROP INDEX "sla_policies_project_idx";--> statement-breakpoint
ALTER TABLE "sla_policies" ALTER COLUMN "class" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "sla_policies" ALTER COLUMN "level" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD COLUMN "subject_kind" text DEFAULT 'call' NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD COLUMN "reclass_after_minutes" integer;--> statement-breakpoint
-- Existing rows are call policies (subject_kind defaults to 'call'); the two-day GT check that planDeadline
-- hard-coded for every class but GT and inquiry becomes their data.
UPDATE "sla_policies" SET "reclass_after_minutes" = 2880 WHERE "class" IS NULL OR "class" NOT IN ('GT', 'inquiry');--> statement-breakpoint
CREATE INDEX "sla_policies_project_idx" ON "sla_policies" USING btree ("project_id","subject_kind","sort");
