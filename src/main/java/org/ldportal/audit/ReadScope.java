package org.ldportal.audit;

import java.util.List;

/**
 * What of the audit trail (and of other records of changes) a person may read: their own
 * attempts always; with {@code whole}, everything; otherwise the project areas their
 * viewer rules cover, and the account's entries (those without a project) with an account
 * rule. Patterns are SQL {@code LIKE} patterns, escaped with {@code \}.
 */
public record ReadScope(boolean whole, String subject, List<Area> areas, boolean account) {

    public ReadScope {
        areas = List.copyOf(areas);
    }

    public static ReadScope whole(String subject) {
        return new ReadScope(true, subject, List.of(), true);
    }

    /** Whether nothing but the person's own attempts is readable. */
    public boolean ownOnly() {
        return !whole && areas.isEmpty() && !account;
    }

    /** Only the person's own attempts. */
    public static ReadScope own(String subject) {
        return new ReadScope(false, subject, List.of(), false);
    }

    /**
     * @param projects LIKE patterns of the project keys
     * @param environments LIKE patterns of the environment keys (an entry without one
     * counts as covered)
     * @param exceptEnvironments LIKE patterns of environment keys left out
     */
    public record Area(List<String> projects, List<String> environments, List<String> exceptEnvironments) {

        public Area {
            projects = List.copyOf(projects);
            environments = List.copyOf(environments);
            exceptEnvironments = List.copyOf(exceptEnvironments);
        }
    }
}
