package org.ldportal.plan;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FormSpec;
import org.ldportal.resource.ResourceType;

/**
 * A kind of step a template may hold, offered by the feature that makes it: the fields
 * its form takes, as the form engine describes them, so that a template is checked
 * against the same rules as the form a person fills in.
 */
public interface StepKind {

    /** What a step of this kind makes. */
    ResourceType type();

    /** Where a step of this kind goes. */
    Target target();

    /**
     * What a step names to say which form it fills ("kind" of destination,
     * "integration"), or null when the type has one form only.
     */
    @Nullable String variant();

    /**
     * The step's fields for the variant it names.
     * @throws IllegalArgumentException with a message for the admin when the variant is
     * not one the portal offers
     */
    FormSpec fields(@Nullable String variant);

    /** Where a kind's steps go: what a step must name besides its values. */
    enum Target {

        /** The account (an integration's configuration or subscription). */
        ACCOUNT,
        /** A project (a new environment). */
        PROJECT,
        /** An environment of a project (a Data Export destination). */
        ENVIRONMENT

    }

}
