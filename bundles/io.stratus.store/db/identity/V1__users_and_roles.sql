-- Identity and roles, version 1: the account the instance is bound to, its users, their roles and
-- the instance's settings.

-- At most one row: the fixed key turns a second binding into a unique violation, whatever the timing.
CREATE TABLE instance_binding (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    account_id    VARCHAR(12) NOT NULL,
    aws_partition VARCHAR(32) NOT NULL,
    bound_by      VARCHAR(128) NOT NULL,
    bound_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Keyed by the AWS principal id (unique id of the IAM user or role, or the account for root).
CREATE TABLE users (
    principal_id   VARCHAR(128) PRIMARY KEY,
    arn            VARCHAR NOT NULL,
    display_name   VARCHAR NOT NULL,
    principal_type VARCHAR(32) NOT NULL,
    first_sign_in  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Built-in roles are code (Role.BUILT_IN); only custom roles are stored.
CREATE TABLE custom_roles (
    role_id VARCHAR(40) PRIMARY KEY,
    name    VARCHAR NOT NULL
);

CREATE TABLE custom_role_permissions (
    role_id    VARCHAR(40) NOT NULL REFERENCES custom_roles (role_id),
    permission VARCHAR(40) NOT NULL,
    PRIMARY KEY (role_id, permission)
);

-- role_id names a built-in or a custom role, so it cannot have a foreign key.
CREATE TABLE role_grants (
    principal_id VARCHAR(128) NOT NULL REFERENCES users (principal_id),
    role_id      VARCHAR(40) NOT NULL,
    PRIMARY KEY (principal_id, role_id)
);
CREATE INDEX role_grants_by_role ON role_grants (role_id);

CREATE TABLE settings (
    setting_key   VARCHAR(200) PRIMARY KEY,
    setting_value VARCHAR NOT NULL
);
