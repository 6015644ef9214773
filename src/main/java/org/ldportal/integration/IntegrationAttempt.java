package org.ldportal.integration;

/** How creating an integration ended: its id and link, or where the error belongs and what to say. */
record IntegrationAttempt(String id, String link, String field, String message, String detail) {

    static IntegrationAttempt created(String id, String link) {
        return new IntegrationAttempt(id, link, null, null, null);
    }

    static IntegrationAttempt failed(String field, String message, String detail) {
        return new IntegrationAttempt(null, null, field, message, detail);
    }

    boolean succeeded() {
        return message == null;
    }
}
