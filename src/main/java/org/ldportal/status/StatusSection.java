package org.ldportal.status;

import java.util.List;

/**
 * One part of the admins' status page. The web module gives LaunchDarkly's and the
 * database's; features add their own (the integration catalog), so the page depends on no
 * feature.
 */
public interface StatusSection {

    /** Where on the page: lower first. */
    int order();

    String title();

    List<Line> lines();

    /**
     * One figure.
     *
     * @param problem whether it needs an operator's attention (shown as such)
     */
    record Line(String label, String value, boolean problem) {

        public static Line of(String label, Object value) {
            return new Line(label, String.valueOf(value), false);
        }

        public static Line problem(String label, Object value) {
            return new Line(label, String.valueOf(value), true);
        }
    }

}
