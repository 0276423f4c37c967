-- The application's database role on PostgreSQL (docs/OPERATIONS.md). Run as the owner role
-- (wuye_owner) in the app's database, after the owner has applied the migrations once:
--   psql "postgres://wuye_owner@db/wuye" -v ON_ERROR_STOP=1 -f src/server/ops/app-role.sql
-- wuye_app may read and write the records, append to the audit trail, and nothing more:
-- no UPDATE, DELETE or TRUNCATE on audit_log, and it owns nothing (so it cannot drop the trigger).
GRANT CONNECT ON DATABASE :"DBNAME" TO wuye_app;
GRANT USAGE ON SCHEMA public TO wuye_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wuye_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wuye_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM wuye_app;
-- Tables and sequences of later migrations (applied by wuye_owner) get the same grants.
ALTER DEFAULT PRIVILEGES FOR ROLE wuye_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wuye_app;
ALTER DEFAULT PRIVILEGES FOR ROLE wuye_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wuye_app;
-- The app checks the migration journal at start; drizzle's migrator runs CREATE SCHEMA/TABLE IF NOT
-- EXISTS for it, which PostgreSQL checks against these privileges even when both exist.
GRANT CREATE ON DATABASE :"DBNAME" TO wuye_app;
GRANT USAGE, CREATE ON SCHEMA drizzle TO wuye_app;
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO wuye_app;
