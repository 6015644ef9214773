-- Scheduled work runs on one instance at a time through ShedLock's JDBC lock (ClusterLocks): an instance runs a job
-- only once it holds the job's row here. It replaces the portal's own scheduled_lock, whose rows are only locks.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

DROP TABLE scheduled_lock;
