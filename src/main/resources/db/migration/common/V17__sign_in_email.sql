-- The address the identity provider gave at the latest sign-in (its email claim), so that approvers and requesters
-- can be told by email. Empty for people whose provider sends none.
ALTER TABLE sign_in ADD COLUMN email VARCHAR(320);
