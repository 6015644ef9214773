package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One call to LaunchDarkly written three ways, for people who keep LaunchDarkly as code:
 * the Terraform provider's resource block, an {@code ldcli} command and {@code curl}.
 * Each carries the body the portal sends; a secret is a variable, never its value.
 *
 * @param samples Terraform, ldcli and curl, in that order
 * @param secrets the variables to set first, each with what it holds
 */
public record CodeSamples(List<Sample> samples, List<SecretVariable> secrets) {

    public CodeSamples {
        samples = List.copyOf(samples);
        secrets = List.copyOf(secrets);
    }

    /**
     * One way of writing the call.
     *
     * @param tool "Terraform", "ldcli" or "curl"
     * @param code the text to copy; null when this tool cannot make the call
     * @param note what the text leaves out, or why there is none
     */
    public record Sample(String tool, @Nullable String code, @Nullable String note) {

        /** A stable name for the page's ids ("terraform"). */
        public String id() {
            return tool.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A secret of the body, given as a variable.
     *
     * @param pointer where it goes in the body (a JSON pointer)
     * @param name the variable's name in Terraform and jq ({@code policy_key}); the
     * shell's is {@link #shell()}
     * @param label what it is, in words ("config.policyKey")
     */
    public record SecretVariable(String pointer, String name, String label) {

        /** The shell variable ({@code POLICY_KEY}). */
        public String shell() {
            return name.toUpperCase(Locale.ROOT);
        }
    }
}
