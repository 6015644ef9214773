-- One row per form submission that reached the point of calling LaunchDarkly, keyed by the one-time token the form
-- carried: the primary key is what makes a double submit (double click, two tabs, a reload) send nothing twice,
-- across every instance of the portal. Rows are kept a day, to answer a late repeat with the first result.
CREATE TABLE form_submission (
    token          VARCHAR(64)  PRIMARY KEY,
    actor_subject  VARCHAR(255) NOT NULL,
    state          VARCHAR(16)  NOT NULL,  -- IN_PROGRESS, SUCCEEDED or MAY_EXIST
    result_json    VARCHAR(100000),        -- the result page's data (never a secret), for a repeat
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX form_submission_created_at ON form_submission (created_at);
