package org.ldportal.environment;

/**
 * How an attempt to create an environment ended, for the controller to show.
 *
 * @param created    the new environment, when it succeeded
 * @param field      the form field an error concerns, or null for a form-level error
 * @param message    the plain-language error
 * @param detail     LaunchDarkly's own message, or null
 */
record EnvironmentCreation(CreatedEnvironment created, String field, String message, String detail) {

    static EnvironmentCreation succeeded(CreatedEnvironment created) {
        return new EnvironmentCreation(created, null, null, null);
    }

    static EnvironmentCreation refused(String field, String message, String detail) {
        return new EnvironmentCreation(null, field, message, detail);
    }

    boolean succeeded() {
        return created != null;
    }
}
