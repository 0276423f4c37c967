DROP INDEX "call_records_open_idx";--> statement-breakpoint
DROP INDEX "call_records_project_resolved_idx";--> statement-breakpoint
DROP INDEX "complaints_project_status_idx";--> statement-breakpoint
CREATE INDEX "call_records_open_idx" ON "call_records" USING btree ("project_id","status","due_at","district_id");--> statement-breakpoint
CREATE INDEX "call_records_project_resolved_idx" ON "call_records" USING btree ("project_id","resolved_at","due_at","district_id");--> statement-breakpoint
CREATE INDEX "complaints_project_status_idx" ON "complaints" USING btree ("project_id","status","due_at","level","department");