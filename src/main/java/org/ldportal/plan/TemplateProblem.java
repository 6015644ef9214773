package org.ldportal.plan;

/**
 * What is wrong with a template, and where in it: {@code steps[2].values.color}.
 */
public record TemplateProblem(String where, String message) {

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }

}
