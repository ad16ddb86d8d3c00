-- Stratus configuration store, schema version 2: the database connections each person saved.
-- What to open and as whom, never a password: IAM logins need none, others type theirs each time.
CREATE TABLE saved_connections (
    connection_id VARCHAR(36) PRIMARY KEY,
    principal_id  VARCHAR(128) NOT NULL REFERENCES users (principal_id),
    name          VARCHAR(200) NOT NULL,
    resource_id   VARCHAR(2048) NOT NULL,
    username      VARCHAR(200) NOT NULL,
    database_name VARCHAR(200),
    iam_auth      BOOLEAN NOT NULL,
    UNIQUE (principal_id, name)
);
