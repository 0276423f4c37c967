DROP INDEX "call_records_idem_uq";--> statement-breakpoint
ALTER TABLE "call_records" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX "call_records_idem_user_uq" ON "call_records" USING btree ("project_id","recorded_by","idempotency_key");