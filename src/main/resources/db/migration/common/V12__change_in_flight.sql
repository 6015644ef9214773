-- A create sent to LaunchDarkly whose outcome is not known yet. The row is written with the attempt's STARTED audit
-- entry, in one transaction, before the call, and deleted once the outcome is known: LaunchDarkly answered clearly, or
-- a check found the resource (it was created) or, once the request can no longer be in flight, did not (it was not).
-- A row left behind by an instance that died mid-call is found by the settlement job like any other.
CREATE TABLE change_in_flight (
    started_id        BIGINT        NOT NULL PRIMARY KEY,  -- the attempt's STARTED audit entry
    outcome_link_id   BIGINT        NOT NULL,  -- what its outcome entries link to: the started entry, or an approved request's
    target            VARCHAR(64)   NOT NULL,  -- SHA-256 of what it aims at (ExistenceCheck.identity): one open attempt each
    state             VARCHAR(16)   NOT NULL,  -- SENDING (the call is under way) or UNKNOWN (no clear answer came)
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    next_check_at     TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the settlement job looks next
    absent_proof_at   TIMESTAMP WITH TIME ZONE NOT NULL,  -- from when "not found" proves it was not created
    answer_status     INTEGER,                 -- LaunchDarkly's unclear answer (a 5xx); null for none (a timeout)
    answer_message    VARCHAR(4000),           -- what it said, secrets scrubbed, or what happened instead
    existed_before    VARCHAR(100000),         -- JSON: the ids that existed just before sending, where a check needs them
    submission_token  VARCHAR(64),             -- the form's one-time token, which follows the outcome
    CONSTRAINT change_in_flight_target UNIQUE (target)
);
CREATE INDEX change_in_flight_due ON change_in_flight (next_check_at);

-- The attempt a submission's token sent, so that a repeat of it can link to the attempt's audit entry.
ALTER TABLE form_submission ADD COLUMN attempt_id BIGINT;
