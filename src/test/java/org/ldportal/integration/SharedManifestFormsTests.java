package org.ldportal.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.form.FieldType;
import org.ldportal.form.FieldView;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.integration.options.DynamicOptionsClient;
import org.ldportal.integration.options.DynamicOptionsException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.InMemorySubmissions;
import org.ldportal.testsupport.SliceTestBeans;
import org.ldportal.testsupport.WebSliceTest;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.SecretBox;
import org.ldportal.change.SecretsProperties;
import org.ldportal.change.internal.Settlement;
import org.ldportal.change.pages.KnownKeys;
import org.ldportal.change.pages.PageLookups;
import org.ldportal.change.pages.SignedOutForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * LaunchDarkly's real manifests (the team's reference folder beside the checkout), read
 * through the portal's catalog from a folder: every one's form renders with each visible
 * variable as a labelled field, and every one the portal offers opens as a page.
 */
@WebMvcTest(controllers = IntegrationController.class)
@WebSliceTest
@Import({ ManifestCatalog.class, IntegrationFormPage.class, org.ldportal.change.ChangeFlow.class,
        org.ldportal.change.pages.ChangePages.class, ManifestParser.class, IntegrationService.class,
        FormValidator.class, LaunchDarklyDirectory.class, LaunchDarklyLinks.class, SecretRedactor.class,
        ApiFailureTranslator.class, AuditedCall.class, Settlement.class, org.ldportal.access.AccessGuard.class,
        org.ldportal.access.PermittedPlaces.class, org.ldportal.change.pages.ReviewPages.class,
        org.ldportal.launchdarkly.ResourceCode.class, org.ldportal.change.ReviewWarnings.class,
        IntegrationApprovals.class, IntegrationManagement.class, IntegrationLinks.class,
        org.ldportal.launchdarkly.ExistingResources.class, KeptSecrets.class, SecretBox.class, SignedOutForms.class,
        PageLookups.class, KnownKeys.class, InMemorySubmissions.class, SliceTestBeans.class })
@EnableConfigurationProperties({ org.ldportal.change.internal.ReviewProperties.class, IntegrationsProperties.class,
        LaunchDarklyProperties.class, SecretsProperties.class })
@TestPropertySource(properties = "portal.integrations.manifests-dir=../shared/ld/manifests")
class SharedManifestFormsTests {

    /** Someone whose roles hold everywhere: the forms as an admin sees them. */
    private static final org.ldportal.security.CurrentUser ADMIN = new org.ldportal.security.CurrentUser("ada",
            "Ada Admin", null, java.util.EnumSet.allOf(org.ldportal.security.PortalRole.class));

    private static final Path SHARED = Path.of("..", "shared", "ld", "manifests");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ManifestCatalog catalog;

    @Autowired
    private IntegrationService integrations;

    @Autowired
    private TemplateEngine templates;

    @MockitoBean
    private LaunchDarklyClient client;

    @MockitoBean
    private DynamicOptionsClient options;

    @MockitoBean
    private AuditTrail audit;

    /** Only the manage pages read it; the create flows here never do. */
    @MockitoBean
    private ResourceHistory history;

    @Test
    void everyManifestThenItsFormRendersEachVisibleVariableAsALabelledField() {
        assumeTrue(Files.isDirectory(SHARED), "Skipped: the real manifests are not at " + SHARED.toAbsolutePath());
        when(options.fetch(any(), any(), any(), any(), any(), any()))
            .thenThrow(new DynamicOptionsException("not reachable in tests"));

        List<Manifest> manifests = catalog.all();
        assertThat(manifests).hasSize(18);
        for (Manifest manifest : manifests) {
            FormView form = FormView.of(integrations.configForm(manifest, ADMIN), "config", FormValues.empty(),
                    Map.of());
            Context context = new Context();
            context.setVariable("form", form);
            String html = templates.process("form/field", Set.of("fields"), context);
            for (FieldView field : form.fields()) {
                assertThat(html).as("%s: %s", manifest.key(), field.spec().key())
                    .contains("id=\"" + field.id() + "-field\"")
                    .contains(field.spec().label());
                if (field.spec().type() != FieldType.READ_ONLY && field.spec().type() != FieldType.NOTICE
                        && field.spec().type() != FieldType.MULTISELECT) {
                    assertThat(html).contains("for=\"" + field.id() + "\"");
                }
            }
        }
    }

    @Test
    void everyOfferedManifestThenItsPageOpens() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "Skipped: the real manifests are not at " + SHARED.toAbsolutePath());
        when(options.fetch(any(), any(), any(), any(), any(), any()))
            .thenThrow(new DynamicOptionsException("not reachable in tests"));

        int opened = 0;
        for (Manifest manifest : catalog.all()) {
            for (IntegrationType type : IntegrationType.values()) {
                if (manifest.configurationBlockedBecause() == null
                        && IntegrationType.from(type.parameter(), manifest) == type) {
                    mvc.perform(get("/integrations/" + manifest.key() + "/new").param("type", type.parameter())
                        .with(TestUsers.editor())).andExpect(status().isOk());
                    opened++;
                }
            }
        }
        assertThat(opened).isGreaterThanOrEqualTo(10);
    }

}
