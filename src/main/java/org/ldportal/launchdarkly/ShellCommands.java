package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.ApiOperation.Matched;
import org.ldportal.launchdarkly.CodeSamples.SecretVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A call as a shell script for {@code curl} or {@code ldcli}. Both read the token from
 * {@code LD_ACCESS_TOKEN} (ldcli's own variable) and stop with a plain message when it or
 * a secret is not set. A body with secrets is built by {@code jq} from shell variables,
 * so a secret is never written into the script and stays valid JSON whatever it holds.
 */
final class ShellCommands {

    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/_.%~-]+");

    private final ObjectMapper json;

    ShellCommands(ObjectMapper json) {
        this.json = json;
    }

    String curl(Matched call, String path, @Nullable JsonNode body, List<SecretVariable> secrets, String baseUrl,
            String apiVersion) {
        StringBuilder script = preamble(secrets);
        script.append(": \"${LD_BASE_URI:=").append(baseUrl).append("}\"\n");
        appendBody(script, body, secrets);
        String url = PLAIN_PATH.matcher(path).matches() ? "\"$LD_BASE_URI" + path + "\""
                : "\"$LD_BASE_URI\"" + CodeText.singleQuoted(path);
        script.append("curl -sS --fail-with-body -X ")
            .append(call.operation().method())
            .append(' ')
            .append(url)
            .append(" \\\n");
        script.append("  -H \"Authorization: $LD_ACCESS_TOKEN\" \\\n");
        script.append("  -H 'LD-API-Version: ")
            .append(call.operation().beta() ? LaunchDarklyClient.BETA : apiVersion)
            .append('\'');
        if (body != null) {
            script.append(" \\\n  -H 'Content-Type: application/json' \\\n  --data \"$BODY\"");
        }
        return script.append('\n').toString();
    }

    /** Null when ldcli has no command for the call. */
    @Nullable String ldcli(Matched call, @Nullable JsonNode body, List<SecretVariable> secrets) {
        String command = call.operation().ldcli();
        if (command == null) {
            return null;
        }
        StringBuilder script = preamble(secrets);
        appendBody(script, body, secrets);
        script.append("ldcli ").append(command);
        List<String> values = List.copyOf(call.variables().values());
        List<String> flags = call.operation().ldcliFlags();
        for (int i = 0; i < flags.size(); i++) {
            script.append(" \\\n  --").append(flags.get(i)).append(' ').append(CodeText.shellWord(values.get(i)));
        }
        if (body != null) {
            script.append(" \\\n  --data \"$BODY\"");
        }
        return script.append('\n').toString();
    }

    private static StringBuilder preamble(List<SecretVariable> secrets) {
        StringBuilder script = new StringBuilder();
        script.append(": \"${LD_ACCESS_TOKEN:?Set LD_ACCESS_TOKEN to a LaunchDarkly API access token}\"\n");
        for (SecretVariable secret : secrets) {
            script.append(": \"${")
                .append(secret.shell())
                .append(":?Set ")
                .append(secret.shell())
                .append(" to ")
                .append(secret.label().replaceAll("[^A-Za-z0-9._\\[\\] -]", "?"))
                .append(" (a secret the portal does not show)}\"\n");
        }
        return script;
    }

    private void appendBody(StringBuilder script, @Nullable JsonNode body, List<SecretVariable> secrets) {
        if (body == null) {
            return;
        }
        if (secrets.isEmpty()) {
            script.append("BODY=")
                .append(CodeText.singleQuoted(json.writerWithDefaultPrettyPrinter().writeValueAsString(body)))
                .append('\n');
            return;
        }
        Map<String, String> byPointer = secrets.stream()
            .collect(Collectors.toMap(SecretVariable::pointer, secret -> "$" + secret.name()));
        StringBuilder filter = new StringBuilder();
        writeFilter(body, "", byPointer, filter, "");
        script.append("BODY=$(jq -n");
        for (SecretVariable secret : secrets) {
            script.append(" \\\n  --arg ").append(secret.name()).append(" \"$").append(secret.shell()).append('"');
        }
        script.append(" \\\n  ").append(CodeText.singleQuoted(filter.toString())).append(")\n");
    }

    /**
     * The body as a jq program: JSON is one, and each secret is the variable that holds
     * it.
     */
    private void writeFilter(JsonNode node, String pointer, Map<String, String> secrets, StringBuilder out,
            String indent) {
        String variable = secrets.get(pointer);
        if (variable != null) {
            out.append(variable);
        }
        else if (node.isObject() && !node.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.append(indent).append("  ").append(json.writeValueAsString(field.getKey())).append(": ");
                writeFilter(field.getValue(), CodeText.pointer(pointer, field.getKey()), secrets, out, indent + "  ");
                out.append(++i < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        }
        else if (node.isArray() && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("  ");
                writeFilter(node.get(i), pointer + "/" + i, secrets, out, indent + "  ");
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        }
        else {
            out.append(json.writeValueAsString(node));
        }
    }

}
