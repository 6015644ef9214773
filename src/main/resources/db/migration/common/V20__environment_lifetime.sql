-- Time-limited environments: the day the portal deletes an environment it created with a "delete after" date, who
-- set it (the deletion is made on their behalf, and they are reminded before), and when they were reminded.
-- The row goes once the environment is deleted, by the portal or by anyone else.
CREATE TABLE environment_lifetime (
    project_key      VARCHAR(255) NOT NULL,
    environment_key  VARCHAR(255) NOT NULL,
    environment_id   VARCHAR(255),
    environment_name VARCHAR(255) NOT NULL,
    delete_on        DATE         NOT NULL,
    owner_subject    VARCHAR(255) NOT NULL,
    owner_name       VARCHAR(255) NOT NULL,
    owner_email      VARCHAR(320),
    reminded_for     DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_key, environment_key)
);
CREATE INDEX environment_lifetime_delete_on ON environment_lifetime (delete_on);
