package org.ldportal.integration;

import org.ldportal.plan.StepKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two kinds of template step an integration's manifest makes. */
@Configuration(proxyBeanMethods = false)
class IntegrationStepKinds {

    @Bean
    StepKind integrationConfigurationStep(ManifestCatalog catalog) {
        return new IntegrationStepKind(IntegrationType.CONFIGURATION, catalog);
    }

    @Bean
    StepKind auditLogSubscriptionStep(ManifestCatalog catalog) {
        return new IntegrationStepKind(IntegrationType.SUBSCRIPTION, catalog);
    }

}
