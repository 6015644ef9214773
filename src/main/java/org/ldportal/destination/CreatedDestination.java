package org.ldportal.destination;

import java.io.Serializable;

/** What the result page shows of a new destination (never its config: it may hold secrets). */
record CreatedDestination(String name, String kindTitle, String id, String projectKey, String environmentKey, String link)
        implements Serializable {
}
