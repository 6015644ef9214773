package org.ldportal.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.launchdarkly.CallerIdentity;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.ldportal.launchdarkly.RecentCalls;
import org.ldportal.launchdarkly.RefreshingCache;
import org.springframework.stereotype.Component;

/**
 * The status page's LaunchDarkly part: which account and token, the API version, recent
 * calls and caches.
 */
@Component
class LaunchDarklyStatus implements StatusSection {

    /** A headroom this low is worth an operator's look. */
    private static final int LOW_HEADROOM = 20;

    private final LaunchDarklyClient client;

    private final LaunchDarklyProperties properties;

    private final RecentCalls calls;

    private final LaunchDarklyDirectory directory;

    private final ApiFailureTranslator failures;

    LaunchDarklyStatus(LaunchDarklyClient client, LaunchDarklyProperties properties, RecentCalls calls,
            LaunchDarklyDirectory directory, ApiFailureTranslator failures) {
        this.client = client;
        this.properties = properties;
        this.calls = calls;
        this.directory = directory;
        this.failures = failures;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String title() {
        return "LaunchDarkly";
    }

    @Override
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("API", properties.baseUrl() + ", version " + properties.apiVersion()));
        try {
            CallerIdentity identity = client.callerIdentity();
            lines.add(Line.of("Account", Objects.toString(identity.accountId(), "not told")));
            lines.add(Line.of("Token", identity.tokenName() + " (" + identity.tokenKind()
                    + (Boolean.TRUE.equals(identity.serviceToken()) ? ", service token" : "") + ")"));
            if (identity.scopes() != null && !identity.scopes().isEmpty()) {
                lines.add(Line.of("Token scopes", String.join(", ", identity.scopes())));
            }
        }
        catch (LaunchDarklyApiException e) {
            lines.add(Line.problem("Token", e.status() == 401 ? ApiFailureTranslator.TOKEN_NOT_ACCEPTED
                    : "could not be checked: " + failures.readProblem(e)));
        }
        catch (LaunchDarklyException e) {
            lines.add(Line.problem("Token", "could not be checked: " + failures.readProblem(e)));
        }
        Integer headroom = calls.lowestRemaining();
        lines.add(headroom == null ? Line.of("Rate-limit headroom", "not reported by recent calls")
                : headroom < LOW_HEADROOM
                        ? Line.problem("Rate-limit headroom", headroom + " calls left (lowest lately)")
                        : Line.of("Rate-limit headroom", headroom + " calls left (lowest lately)"));
        List<RecentCalls.Call> recent = calls.recent();
        List<RecentCalls.Call> failed = calls.failures();
        lines.add(failed.isEmpty() ? Line.of("Recent calls", recent.size() + ", none failed")
                : Line.problem("Recent calls", recent.size() + ", of which " + failed.size() + " failed (below)"));
        List<RefreshingCache.Figures> caches = directory.cacheFigures();
        lines.add(Line.of("Projects list cache", caches.get(0).inWords()));
        lines.add(Line.of("Environments lists cache", caches.get(1).inWords()));
        return lines;
    }

}
