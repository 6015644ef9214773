package org.ldportal.launchdarkly;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The only place that speaks HTTP to LaunchDarkly. Every method either returns the answer or throws
 * {@link LaunchDarklyApiException} (a non-2xx answer) or {@link LaunchDarklyUnreachableException} (no answer).
 * GETs are retried on 429 and 5xx (bounded); POSTs never are: they are not idempotent.
 *
 * <p>CONTRACT ONLY: the WebClient implementation comes with the API-client issue.
 */
@Component
public class LaunchDarklyClient {

    /** One page of projects ({@code GET /api/v2/projects}). */
    public ApiPage<Project> listProjects(int limit, int offset) {
        throw notYet();
    }

    /** Every project, following the pages. */
    public List<Project> listAllProjects() {
        throw notYet();
    }

    public Project getProject(String projectKey) {
        throw notYet();
    }

    /** One page of a project's environments; {@code filter} is LaunchDarkly's filter expression or null. */
    public ApiPage<Environment> listEnvironments(String projectKey, String filter, int limit, int offset) {
        throw notYet();
    }

    /** Every environment of a project, following the pages. */
    public List<Environment> listAllEnvironments(String projectKey) {
        throw notYet();
    }

    public Environment getEnvironment(String projectKey, String environmentKey) {
        throw notYet();
    }

    public Environment createEnvironment(String projectKey, EnvironmentPost body) {
        throw notYet();
    }

    /** Every Data Export destination of the account ({@code GET /api/v2/destinations}). */
    public List<Destination> listDestinations() {
        throw notYet();
    }

    public Destination createDestination(String projectKey, String environmentKey, DestinationPost body) {
        throw notYet();
    }

    /** {@code POST /api/v2/destinations/projects/{projKey}/environments/{envKey}/generate-warehouse-destination-key-pair}. */
    public WarehouseKeyPair generateWarehouseKeyPair(String projectKey, String environmentKey) {
        throw notYet();
    }

    /** {@code POST .../kinds/{kind}/setup}: stores a pending set-up and answers the SQL script (and key or policies). */
    public WarehouseSetupScript warehouseSetupScript(String projectKey, String environmentKey, String kind,
            WarehouseSetupRequest body) {
        throw notYet();
    }

    /** {@code POST .../kinds/{kind}/complete-setup}: creates the destination of a pending set-up (404 without one). */
    public Destination completeWarehouseSetup(String projectKey, String environmentKey, String kind, String publicKey) {
        throw notYet();
    }

    /** {@code POST .../generate-trust-policy}: the AWS trust policy for Redshift. */
    public TrustPolicy generateTrustPolicy(String projectKey, String environmentKey) {
        throw notYet();
    }

    public List<IntegrationConfiguration> listIntegrationConfigurations(String integrationKey) {
        throw notYet();
    }

    /** Sent with {@code LD-API-Version: beta}, which these endpoints need. */
    public IntegrationConfiguration createIntegrationConfiguration(String integrationKey, IntegrationConfigurationPost body) {
        throw notYet();
    }

    /** An audit-log subscription: {@code POST /api/v2/integrations/{integrationKey}}. */
    public Subscription createSubscription(String integrationKey, SubscriptionPost body) {
        throw notYet();
    }

    /**
     * Every integration manifest ({@code GET /api/v2/integration-manifests}, {@code {items: [...]}}), each as raw
     * JSON with its {@code key}: the integration package parses them, skipping one that cannot be read.
     */
    public List<JsonNode> listIntegrationManifests() {
        throw notYet();
    }

    public CallerIdentity callerIdentity() {
        throw notYet();
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("The LaunchDarkly client is implemented with the API-client issue");
    }
}
