package org.ldportal.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ldportal.change.RefusalTarget;
import org.ldportal.launchdarkly.ApprovalSettings;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.PatchOperation;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment described once: every setting has its label, an environment read from
 * LaunchDarkly and put back unchanged makes no patch, approval settings the page did not
 * show are never sent, and LaunchDarkly's 400s land at the setting they name.
 */
class EnvironmentSettingsTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    private final EnvironmentSettings settings;

    EnvironmentSettingsTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        settings = new EnvironmentSettings(messages, JsonMapper.builder().build());
    }

    @Test
    void everySettingAndFieldBesideThemHasOneLabelInTheMessages() {
        for (EnvironmentSetting setting : EnvironmentSetting.values()) {
            assertThat(messages.getMessage(setting.labelKey(), null, null, Locale.ENGLISH)).as(setting.name())
                .isNotBlank();
        }
        for (String field : List.of("environment.key", "environment.sourceKey", "environment.approvals",
                "environment.approvals.absent", "environment.approvals.onCreate")) {
            assertThat(messages.getMessage(field, null, null, Locale.ENGLISH)).as(field).isNotBlank();
        }
    }

    @Test
    void formOfWhenPutBackUnchangedThenNothingToSend() {
        EnvironmentForm form = settings.formOf("web-store", environment(approvals(false, List.of("beta"), 2)));

        assertThat(form.getApprovalTags()).isEqualTo("beta");
        assertThat(form.getMinNumApprovals()).isEqualTo(2);
        Map<String, Object> seen = settings.values(form);
        assertThat(seen).containsEntry("approvalTags", List.of("beta")).containsEntry("color", "417505");
        assertThat(settings.plan(seen, settings.values(form)).isEmpty()).isTrue();
    }

    @Test
    void planWhenAnApprovalSettingChangedThenTestedAndReplacedAtItsPlaceInTheEnvironment() {
        EnvironmentForm form = settings.formOf("web-store", environment(approvals(false, List.of(), 1)));
        Map<String, Object> seen = settings.values(form);
        form.setMinNumApprovals(3);

        List<PatchOperation> operations = settings.plan(seen, settings.values(form)).operations();

        assertThat(operations).containsExactly(PatchOperation.test("/approvalSettings/minNumApprovals", 1),
                PatchOperation.replace("/approvalSettings/minNumApprovals", 3));
        assertThat(settings.plan(seen, settings.values(form)).changes()).singleElement()
            .satisfies(change -> assertThat(change.label()).isEqualTo("Approvals needed before a change applies"));
    }

    @Test
    void planWhenThePageShowedNoApprovalSettingsThenNoneSentWhateverTheFormHolds() {
        EnvironmentForm form = settings.formOf("web-store", environment(null));
        assertThat(form.getApprovalsRequired()).as("nothing to show").isNull();
        Map<String, Object> seen = settings.values(form);
        assertThat(seen).doesNotContainKeys("approvalsRequired", "minNumApprovals");

        form.setApprovalsRequired(true);
        form.setMinNumApprovals(2);
        Map<String, Object> sent = new LinkedHashMap<>(settings.values(form));

        assertThat(settings.plan(seen, sent).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "approvalSettings.minNumApprovals: must be a whole number from 1 to 5|minNumApprovals",
                    "minNumApprovals must be at most 5|minNumApprovals",
                    "approvalSettings: set either required or requiredApprovalTags, not both|approvalTags",
                    "name is required|name", "source.key: no environment with that key|sourceKey",
                    "defaultTtl: must be from 0 to 60|defaultTtl", "key: taken|key" })
    void locateWhenLaunchDarklyNamesASettingThenItsField(String message, String field) {
        assertThat(EnvironmentSettings.locate(message)).isEqualTo(RefusalTarget.field(field));
    }

    @Test
    void locateWhenNoSettingIsNamedThenTheWholeForm() {
        assertThat(EnvironmentSettings.locate("something went wrong")).isEqualTo(RefusalTarget.WHOLE_FORM);
    }

    private static ApprovalSettings approvals(boolean required, List<String> tags, int minimum) {
        return new ApprovalSettings(required, tags, minimum, false, true, "launchdarkly");
    }

    private static Environment environment(ApprovalSettings approvals) {
        return new Environment("cid", "test", "Test", "417505", 0, false, false, false, false, false, List.of(), 1,
                approvals);
    }

}
