-- Templates kept by admins ("golden paths"). Each save is a new version, kept for good, so that what a plan was made
-- from can always be read again; retiring takes a template off the people's list without losing its versions.
CREATE TABLE template (
    template_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    latest_version INTEGER      NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE,
    retired_by     VARCHAR(255)
);
CREATE TABLE template_version (
    template_key VARCHAR(64)       NOT NULL REFERENCES template (template_key),
    version      INTEGER           NOT NULL,
    name         VARCHAR(256)      NOT NULL,
    document     VARCHAR(1000000)  NOT NULL,  -- JSON as the admin wrote it; a secret is never in it (checked on save)
    saved_by     VARCHAR(255)      NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (template_key, version)
);
