package org.ldportal.destination;

import java.util.Set;

import org.ldportal.form.FormSpec;

/**
 * One kind of Data Export destination and its form.
 *
 * @param flow how it is created: directly, or through a warehouse set-up first
 * @param notice what to tell people before they fill in the form, or null
 */
record DestinationKind(String kind, String title, String summary, Flow flow, String notice, FormSpec form,
        Set<String> nonSecretConfigKeys) {

    enum Flow {

        /** POST the destination with its config. */
        DIRECT,
        /** The spec documents no config fields: one JSON object is the config. */
        JSON,
        /**
         * Set-up script and key pair, then the destination with publicKey and
         * snowflakeHostAddress.
         */
        SNOWFLAKE,
        /** Set-up script and IAM policies, then complete-setup. */
        REDSHIFT

    }

    public boolean isWarehouse() {
        return flow == Flow.SNOWFLAKE || flow == Flow.REDSHIFT;
    }
}
