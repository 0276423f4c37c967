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
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_cs_user_id_users_id_fk" FOREIGN KEY ("cs_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompanied_sessions" ADD CONSTRAINT "accompanied_sessions_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accompanied_sessions_project_idx" ON "accompanied_sessions" USING btree ("project_id","started_at");--> statement-breakpoint
CREATE INDEX "accompanied_sessions_lead_idx" ON "accompanied_sessions" USING btree ("lead_user_id");--> statement-breakpoint
CREATE INDEX "accompanied_sessions_cs_idx" ON "accompanied_sessions" USING btree ("cs_user_id");