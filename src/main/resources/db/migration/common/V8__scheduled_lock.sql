-- Scheduled work (the retention purge, expiry of approval requests, forgetting old submission tokens) runs on one
-- instance at a time: an instance runs a job only once it holds the job's row here (ClusterLocks).
CREATE TABLE scheduled_lock (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by    VARCHAR(255) NOT NULL
);
