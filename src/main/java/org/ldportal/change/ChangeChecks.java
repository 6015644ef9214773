package org.ldportal.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.ldportal.change.internal.CheckProperties;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Asks every {@link ChangeCheck} that has something to say about a change, at the same
 * time, and waits at most {@code portal.checks.timeout}: a slow LaunchDarkly never holds
 * a page for longer, and what it has not answered by then is said to be unchecked
 * (LaunchDarkly's own answer, when the change is sent, still stands). One person's answer
 * is kept for {@code portal.checks.cache-for}, so that reloading a page or confirming its
 * review does not ask again.
 */
@Service
public class ChangeChecks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeChecks.class);

    static final String UNAVAILABLE = "LaunchDarkly could not be asked about this just now, so it is not checked here: "
            + "it will refuse the change when it is sent if something stands in the way.";

    /** A few pages' checks at once; more wait their turn. */
    private static final int ASKERS = 4;

    private final List<ChangeCheck> checks;

    private final Duration timeout;

    private final Cache<Asked, Checks> recent;

    private final ExecutorService askers = Executors.newFixedThreadPool(ASKERS, runnable -> {
        Thread thread = new Thread(runnable, "ld-checks");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeChecks(List<ChangeCheck> checks, CheckProperties properties) {
        this.checks = List.copyOf(checks);
        this.timeout = properties.timeout();
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.cacheFor()).maximumSize(10_000).build();
    }

    /**
     * What the checks find, as this person was last told within
     * {@code portal.checks.cache-for}, else asked now.
     */
    public Checks recently(CurrentUser viewer, PendingChange change) {
        Checks known = recent.getIfPresent(new Asked(viewer.subject(), change));
        return known != null ? known : now(viewer, change);
    }

    /**
     * What the checks find now, asked of LaunchDarkly afresh (before an approval sends
     * it); kept as this person's latest answer.
     */
    public Checks now(CurrentUser viewer, PendingChange change) {
        List<Supplier<List<CheckFinding>>> asking = asking(change);
        if (asking.isEmpty()) {
            return Checks.NONE;
        }
        Map<String, String> context = MDC.getCopyOfContextMap();
        List<CompletableFuture<List<CheckFinding>>> answers = asking.stream()
            .map(ask -> CompletableFuture.supplyAsync(() -> withContext(context, ask), askers))
            .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CheckFinding> findings = new ArrayList<>();
        boolean complete = true;
        for (CompletableFuture<List<CheckFinding>> answer : answers) {
            try {
                findings.addAll(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            catch (TimeoutException | ExecutionException e) {
                // A check that cannot tell is no finding: the send's answer decides.
                log.debug("A check of {} could not be made: {}", change, e.toString());
                complete = false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                complete = false;
            }
        }
        Checks found = new Checks(findings, complete ? null : UNAVAILABLE);
        if (complete) {
            recent.put(new Asked(viewer.subject(), change), found);
        }
        return found;
    }

    /**
     * The questions to ask: of the change itself, or of each part of a change of several
     * (said as "Step 2: ..."), except those aimed at an environment an earlier part
     * creates, which cannot be there yet.
     */
    private List<Supplier<List<CheckFinding>>> asking(PendingChange change) {
        if (change.parts().isEmpty()) {
            return checks.stream()
                .filter(check -> check.handles(change))
                .<Supplier<List<CheckFinding>>>map(check -> () -> check.findings(change))
                .toList();
        }
        List<Supplier<List<CheckFinding>>> asking = new ArrayList<>();
        Set<Place> made = new HashSet<>();
        for (int i = 0; i < change.parts().size(); i++) {
            PendingChange part = change.parts().get(i);
            String step = "Step " + (i + 1) + ": ";
            if (!made.contains(part.place())) {
                checks.stream()
                    .filter(check -> check.handles(part))
                    .forEach(check -> asking.add(() -> check.findings(part)
                        .stream()
                        .map(found -> new CheckFinding(found.blocking(), null, step + found.message()))
                        .toList()));
            }
            if (part.type() == ResourceType.ENVIRONMENT && part.action() == ChangeAction.CREATE) {
                made.add(Place.environment(part.place().projectKey(), part.resourceKey()));
            }
        }
        return asking;
    }

    private static <T> T withContext(@Nullable Map<String, String> context, Supplier<T> work) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try {
            return work.get();
        }
        finally {
            MDC.clear();
        }
    }

    @Override
    public void destroy() {
        askers.shutdownNow();
    }

    /**
     * Whom the answer was given to, about what (the change's payload included, held in
     * memory only).
     */
    private record Asked(String subject, PendingChange change) {
    }

}
