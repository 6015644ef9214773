-- Which emails each person turned off (or back on), by kind (EmailKind). No row: the kind's default, on.
CREATE TABLE notification_preference (
    subject   VARCHAR(255) NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    email_on  BOOLEAN      NOT NULL,
    PRIMARY KEY (subject, kind)
);
