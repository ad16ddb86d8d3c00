-- Saved connections, version 2: a connection may log in with a Secrets Manager secret, named by its ARN.
-- Only the ARN: the secret's value is read with the person's keys each time the connection logs in.
ALTER TABLE saved_connections ADD COLUMN secret_arn VARCHAR(2048);
