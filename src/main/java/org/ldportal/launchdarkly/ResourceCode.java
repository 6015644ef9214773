package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.ApiOperation.Matched;
import org.ldportal.launchdarkly.CodeSamples.Sample;
import org.ldportal.launchdarkly.CodeSamples.SecretVariable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * "Copy as code": a call the portal makes, written as Terraform, {@code ldcli} and
 * {@code curl} for teams that keep LaunchDarkly as code. It is given the call as the
 * review page and the audit trail show it (method, path, and the body with each secret
 * masked), so it shows exactly what the portal sends, and a secret only as a variable.
 */
@Component
public class ResourceCode {

    private final ObjectMapper json;

    private final String baseUrl;

    private final String apiVersion;

    private final ShellCommands shell;

    private final TerraformBlocks terraform;

    public ResourceCode(ObjectMapper json, LaunchDarklyProperties properties) {
        this.json = json;
        String base = properties.baseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiVersion = properties.apiVersion();
        this.shell = new ShellCommands(json);
        this.terraform = new TerraformBlocks(json);
    }

    /**
     * The call as code; empty when it is not one of the calls the portal makes, or its
     * body is not JSON (a stored request's body cut to fit).
     * @param secretMark what each secret value was replaced with
     */
    public Optional<CodeSamples> of(String method, String path, @Nullable String body, String secretMark) {
        return write(method, path, body, secretMark, null);
    }

    /**
     * A resource that exists, as the create that would make it again, with Terraform's
     * import of the one there is.
     * @param secretMark what each secret value in the call's body was replaced with
     */
    public Optional<CodeSamples> ofExisting(CreateCall call, String secretMark) {
        return write("POST", call.path(), json.writeValueAsString(call.body()), secretMark, call.importId());
    }

    private Optional<CodeSamples> write(String method, String path, @Nullable String body, String secretMark,
            @Nullable String id) {
        Optional<Matched> matched = ApiOperation.of(method, path);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        JsonNode tree = null;
        if (body != null && !body.isBlank()) {
            try {
                tree = json.readTree(body);
            }
            catch (JacksonException notJson) {
                return Optional.empty();
            }
        }
        Matched call = matched.get();
        List<SecretVariable> secrets = tree == null ? List.of() : SecretVariables.in(tree, secretMark);
        Map<String, SecretVariable> byPointer = secrets.stream()
            .collect(Collectors.toMap(SecretVariable::pointer, Function.identity()));
        TerraformBlocks.Result block = terraform.of(call, tree, byPointer, id);
        String ldcli = shell.ldcli(call, tree, secrets);
        return Optional.of(new CodeSamples(
                List.of(new Sample("Terraform", block.code(), block.note()),
                        new Sample("ldcli", ldcli,
                                ldcli == null ? "ldcli has no command for this call; use curl." : null),
                        new Sample("curl", shell.curl(call, path, tree, secrets, baseUrl, apiVersion), null)),
                secrets));
    }

}
