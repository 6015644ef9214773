package org.ldportal.integration;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * LaunchDarkly's resource specifiers, as policy statements name resources:
 * {@code proj/<key or glob>[;tags]}, scoped further by {@code :env/...} and then
 * {@code :flag/...}, and the other resource types LaunchDarkly's documentation on roles
 * lists, each under the parent it belongs to. Checked before anything is sent, so that
 * "production flags" typed as a resource is refused at its row rather than sent.
 */
final class ResourceSpecifiers {

    /** Which resource types may follow which; the top level is keyed "". */
    private static final Map<String, Set<String>> CHILDREN = Map.of("",
            Set.of("proj", "acct", "application", "code-reference-repository", "domain-verification", "integration",
                    "member", "pending-request", "relay-proxy-config", "role", "service-token", "team", "template",
                    "webhook"),
            "proj",
            Set.of("env", "metric", "metric-group", "release-pipeline", "context-kind", "layer", "view", "ai-config"),
            "env", Set.of("flag", "segment", "experiment", "holdout", "destination"), "member", Set.of("token"));

    /**
     * {@code type/name} or {@code type/name;tag,tag}: names and tags may use * as a glob.
     */
    private static final Pattern PART = Pattern
        .compile("([a-z][a-z-]*)(?:/([A-Za-z0-9._*-]+)(?:;([A-Za-z0-9._*,-]+))?)?");

    /**
     * An action as LaunchDarkly spells them (createFlag, updateOn), a glob of them
     * (update*), or *.
     */
    private static final Pattern ACTION = Pattern.compile("\\*|[a-z][A-Za-z]*\\*?");

    private ResourceSpecifiers() {
    }

    /**
     * What is wrong with one resource specifier, or null when LaunchDarkly would read it.
     */
    static @Nullable String problem(String specifier) {
        String parent = "";
        for (String part : specifier.split(":", -1)) {
            Matcher matcher = PART.matcher(part);
            if (!matcher.matches()) {
                return "\"" + shortened(specifier) + "\" is not a resource LaunchDarkly knows: write it like "
                        + "proj/*:env/production:flag/*.";
            }
            String type = matcher.group(1);
            Set<String> allowed = CHILDREN.getOrDefault(parent, Set.of());
            if (!allowed.contains(type)) {
                return parent.isEmpty() ? "\"" + shortened(specifier) + "\" starts with " + type
                        + ", which is not a resource "
                        + "type LaunchDarkly knows: start with proj/ (for example proj/*:env/production:flag/*)."
                        : "In \"" + shortened(specifier) + "\", " + type + " cannot follow " + parent + ": after "
                                + parent + " come " + String.join(", ", allowed.stream().sorted().toList()) + ".";
            }
            if (matcher.group(2) == null && !type.equals("acct")) {
                return "In \"" + shortened(specifier) + "\", " + type + " needs a key or *: " + type + "/*.";
            }
            parent = type;
        }
        return null;
    }

    /** What is wrong with one action name, or null. */
    static @Nullable String actionProblem(String action) {
        return ACTION.matcher(action).matches() ? null
                : "\"" + shortened(action) + "\" is not an action: use * or names " + "such as updateOn or createFlag.";
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "\u2026" : text;
    }

}
