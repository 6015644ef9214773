package org.ldportal.integration;

import java.io.Serializable;

/** What the result page shows (never the config: it may hold secrets). */
record CreatedIntegration(String integrationName, String what, String name, String id, String link) implements Serializable {
}
