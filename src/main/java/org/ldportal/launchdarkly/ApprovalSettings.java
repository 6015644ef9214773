package org.ldportal.launchdarkly;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An environment's approval settings (schema {@code ApprovalSettings}), answered only
 * where the account has approvals. Only the first five are editable;
 * {@code serviceConfig} is deliberately not mapped: what a custom approval service is
 * configured with may hold its credentials.
 */
public record ApprovalSettings(@Nullable Boolean required, @Nullable List<String> requiredApprovalTags,
        @Nullable Integer minNumApprovals, @Nullable Boolean canReviewOwnRequest,
        @Nullable Boolean canApplyDeclinedChanges, @Nullable String serviceKind) {
}
