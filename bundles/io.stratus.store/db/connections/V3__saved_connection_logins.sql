-- Saved connections, version 3: how a connection logs in is one of the login methods engines declare
-- (password, iamToken, secret, issuedForIdentity, issuedForUser, awsIdentity), never a password or secret value.
-- Credentials AWS issues for a named database user keep its groups (comma-separated) and whether AWS creates it.
ALTER TABLE saved_connections ADD COLUMN login_method VARCHAR(32);
UPDATE saved_connections SET login_method = CASE WHEN secret_arn IS NOT NULL THEN 'secret'
    WHEN username = '' THEN 'awsIdentity' WHEN iam_auth THEN 'iamToken' ELSE 'password' END;
ALTER TABLE saved_connections ALTER COLUMN login_method SET NOT NULL;
ALTER TABLE saved_connections DROP COLUMN iam_auth;
ALTER TABLE saved_connections ADD COLUMN db_groups VARCHAR(2048);
ALTER TABLE saved_connections ADD COLUMN auto_create BOOLEAN;
