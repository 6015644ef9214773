package org.ldportal.resource;

import org.jspecify.annotations.Nullable;

/**
 * Where a change acts: an environment of a project, a project, or the account (an
 * integration belongs to the account; its key names it). One value instead of three
 * positional keys.
 */
public record Place(@Nullable String projectKey, @Nullable String environmentKey, @Nullable String integrationKey) {

    private static final Place ACCOUNT = new Place(null, null, null);

    /** The account as a whole. */
    public static Place account() {
        return ACCOUNT;
    }

    /** A project, no environment chosen (yet). */
    public static Place project(@Nullable String projectKey) {
        return new Place(projectKey, null, null);
    }

    /** An environment of a project. */
    public static Place environment(@Nullable String projectKey, @Nullable String environmentKey) {
        return new Place(projectKey, environmentKey, null);
    }

    /** An integration of the account. */
    public static Place integration(String integrationKey) {
        return new Place(null, null, integrationKey);
    }

    /** Whether it names no project: the account's. */
    public boolean inAccount() {
        return projectKey == null || projectKey.isBlank();
    }
}
