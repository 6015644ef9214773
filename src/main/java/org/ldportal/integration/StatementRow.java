package org.ldportal.integration;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.PolicyStatement;

/**
 * One row of the policy-statement editor: resources typed one per line, actions one per
 * line or separated by commas.
 */
public class StatementRow {

    private String effect = "allow";

    private String resources = "";

    private String actions = "*";

    private String notResources = "";

    private String notActions = "";

    static StatementRow of(PolicyStatement statement) {
        StatementRow row = new StatementRow();
        row.effect = statement.effect() == null ? "allow" : statement.effect();
        row.resources = lines(statement.resources());
        row.actions = lines(statement.actions());
        row.notResources = lines(statement.notResources());
        row.notActions = lines(statement.notActions());
        return row;
    }

    PolicyStatement toStatement() {
        return new PolicyStatement(effect, resourceList(resources), resourceList(notResources), list(actions),
                list(notActions));
    }

    boolean isEmpty() {
        return resourceList(resources).isEmpty() && resourceList(notResources).isEmpty();
    }

    /**
     * Resources, one per line: a comma belongs to the specifier itself
     * ({@code flag/*;tag1,tag2}).
     */
    static List<String> resourceList(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Actions, one per line or separated by commas. */
    static List<String> list(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String lines(@Nullable List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    public String getEffect() {
        return effect;
    }

    public void setEffect(String effect) {
        this.effect = effect;
    }

    public String getResources() {
        return resources;
    }

    public void setResources(String resources) {
        this.resources = resources;
    }

    public String getActions() {
        return actions;
    }

    public void setActions(String actions) {
        this.actions = actions;
    }

    public String getNotResources() {
        return notResources;
    }

    public void setNotResources(String notResources) {
        this.notResources = notResources;
    }

    public String getNotActions() {
        return notActions;
    }

    public void setNotActions(String notActions) {
        this.notActions = notActions;
    }

}
