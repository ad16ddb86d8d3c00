-- Identity and roles, version 2: which discovered databases a role may open.
-- A role without rows may open every database its permissions allow; with rows, only those whose
-- resource id matches one of its patterns ('*' matches any characters).
CREATE TABLE role_database_limits (
    role_id          VARCHAR(40) NOT NULL,
    resource_pattern VARCHAR(2048) NOT NULL,
    PRIMARY KEY (role_id, resource_pattern)
);
