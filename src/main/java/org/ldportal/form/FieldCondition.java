package org.ldportal.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule for showing or hiding a field, depending on one other field's value (one entry
 * of a manifest's {@code dependsOn}). A field may have several;
 * {@link FormValidator#isShown} says how they combine. Values are compared as strings (a
 * checkbox's value is "true" or "false"); the ordering operators compare numbers when
 * both sides are numbers.
 *
 * @param fieldKey the key of the field this one depends on
 * @param action what to do when every condition holds
 * @param conditions all must hold (none: the rule always holds)
 */
public record FieldCondition(String fieldKey, Action action, List<Condition> conditions) {

    public enum Action {

        SHOW, HIDE

    }

    /** Operators as named in LaunchDarkly's integration manifests. */
    public enum Operator {

        EQUAL_TO, NOT_EQUAL, CONTAINS, STARTS_WITH, ENDS_WITH, LESS_THAN, LESS_THAN_OR_EQUAL_TO, GREATER_THAN,
        GREATER_THAN_OR_EQUAL_TO

    }

    public record Condition(Operator operator, String value) {

        public boolean holdsFor(String actual) {
            String left = actual == null ? "" : actual;
            return switch (operator) {
                case EQUAL_TO -> left.equals(value);
                case NOT_EQUAL -> !left.equals(value);
                case CONTAINS -> left.contains(value);
                case STARTS_WITH -> left.startsWith(value);
                case ENDS_WITH -> left.endsWith(value);
                case LESS_THAN -> compare(left, value) < 0;
                case LESS_THAN_OR_EQUAL_TO -> compare(left, value) <= 0;
                case GREATER_THAN -> compare(left, value) > 0;
                case GREATER_THAN_OR_EQUAL_TO -> compare(left, value) >= 0;
            };
        }

        /**
         * Plain decimals of a sensible length compare as numbers; anything else (a
         * million digits, an exponent such as 1e999999999, which BigDecimal would expand
         * when comparing) as text, at once.
         */
        private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,40}(\\.\\d{1,40})?");

        private static int compare(String left, String right) {
            String l = left.trim();
            String r = right.trim();
            if (l.length() > 82 || r.length() > 82 || !NUMBER.matcher(l).matches() || !NUMBER.matcher(r).matches()) {
                return left.compareTo(right);
            }
            return new BigDecimal(l).compareTo(new BigDecimal(r));
        }
    }

    public FieldCondition {
        conditions = List.copyOf(conditions);
    }

    /** Whether every condition holds for the value of the field depended on. */
    public boolean holdsFor(String dependeeValue) {
        return conditions.stream().allMatch(condition -> condition.holdsFor(dependeeValue));
    }

    /**
     * Whether this rule lets the dependent field be visible. SHOW: only while the
     * conditions hold; HIDE: only while they do not.
     */
    public boolean showsFieldFor(String dependeeValue) {
        boolean holds = holdsFor(dependeeValue);
        return action == Action.SHOW ? holds : !holds;
    }
}
