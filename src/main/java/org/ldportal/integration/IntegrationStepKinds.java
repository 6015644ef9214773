package org.ldportal.integration;

import jakarta.validation.Validator;

import org.ldportal.form.FormValidator;
import org.ldportal.plan.StepKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The two kinds of template step an integration's manifest makes. */
@Configuration(proxyBeanMethods = false)
class IntegrationStepKinds {

    private final ManifestCatalog catalog;

    private final IntegrationService integrations;

    private final IntegrationApprovals changes;

    private final IntegrationManagement management;

    private final FormValidator formValidator;

    private final SpringValidatorAdapter validator;

    IntegrationStepKinds(ManifestCatalog catalog, IntegrationService integrations, IntegrationApprovals changes,
            IntegrationManagement management, FormValidator formValidator, Validator validator) {
        this.catalog = catalog;
        this.integrations = integrations;
        this.changes = changes;
        this.management = management;
        this.formValidator = formValidator;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @Bean
    StepKind integrationConfigurationStep() {
        return kind(IntegrationType.CONFIGURATION);
    }

    @Bean
    StepKind auditLogSubscriptionStep() {
        return kind(IntegrationType.SUBSCRIPTION);
    }

    private StepKind kind(IntegrationType type) {
        return new IntegrationStepKind(type, catalog, integrations, changes, management, formValidator, validator);
    }

}
