-- Stratus configuration store, layout version 4: each area's schema versions, applied in order.
CREATE TABLE area_schema_version (
    area        VARCHAR(40) NOT NULL,
    version     INTEGER NOT NULL,
    description VARCHAR(200) NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (area, version)
);
