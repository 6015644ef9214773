-- When a waiting request's approvers were reminded, and when they and the requester were warned that it soon
-- expires: each is told once.
ALTER TABLE approval_request ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE approval_request ADD COLUMN expiry_warned_at TIMESTAMP WITH TIME ZONE;
