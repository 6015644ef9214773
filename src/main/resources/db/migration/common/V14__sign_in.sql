-- Each person's rights as of their latest sign-in: the groups the identity provider gave them, and when. An approved
-- request is sent with these (or with those the requester had when asking, whichever is newer), never with rights
-- older than the absolute session lifetime.
CREATE TABLE sign_in (
    subject       VARCHAR(255)  NOT NULL PRIMARY KEY,
    groups_json   VARCHAR(8000) NOT NULL,  -- JSON array of the groups
    signed_in_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
