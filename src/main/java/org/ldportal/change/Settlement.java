package org.ldportal.change;

import java.util.List;
import java.util.Optional;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Settles an attempt whose outcome is unknown: asks LaunchDarkly whether the resource exists (by key, by
 * environment, or by name within the integration, as the feature's {@link ExistenceCheck} knows how), and records
 * what it found as a new entry linked to the attempt.
 */
@Component
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    static final String CODE = "settled";

    private final List<ExistenceCheck> checks;
    private final AuditTrail audit;

    @Autowired
    public Settlement(ObjectProvider<ExistenceCheck> checks, AuditTrail audit) {
        // A provider, so that a context without features (a slice test) has a settlement that can tell nothing.
        this(checks.orderedStream().toList(), audit);
    }

    Settlement(List<ExistenceCheck> checks, AuditTrail audit) {
        this.checks = List.copyOf(checks);
        this.audit = audit;
    }

    /** What a check found. */
    public sealed interface Finding {

        record Exists(Sent where) implements Finding {
        }

        record Absent() implements Finding {
        }

        /** LaunchDarkly could not be asked, or no check knows this resource: the outcome stays unknown. */
        record CannotTell() implements Finding {
        }
    }

    /** Checks and, when it could tell, records the finding as an entry linked to the attempt started as {@code startedId}. */
    public Finding settle(AuditAttempt attempt, long startedId) {
        // The checks tell whether something was created; whether an update or a delete happened they cannot.
        if (!Change.CREATE.equals(attempt.action())) {
            return new Finding.CannotTell();
        }
        ExistenceCheck.Target target = ExistenceCheck.Target.of(attempt);
        Optional<ExistenceCheck> check = checks.stream().filter(c -> c.handles(target)).findFirst();
        if (check.isEmpty()) {
            return new Finding.CannotTell();
        }
        Optional<Sent> found;
        try {
            found = check.get().find(target);
        }
        catch (LaunchDarklyException e) {
            log.info("Audit #{} could not be settled just now: {}", startedId, e.getMessage());
            return new Finding.CannotTell();
        }
        try {
            if (found.isPresent()) {
                Sent where = found.get();
                audit.record(attempt.withResource(attempt.resourceName(), where.key() != null ? where.key()
                        : attempt.resourceKey(), where.id()).withRequestBody(null).withOutcome(AuditOutcome.SUCCEEDED, null, CODE,
                                "Checked with LaunchDarkly after an unclear answer: it exists.", null).linkedTo(startedId));
                return new Finding.Exists(where);
            }
            audit.record(attempt.withRequestBody(null).withOutcome(AuditOutcome.FAILED, null, CODE,
                    "Checked with LaunchDarkly after an unclear answer: it does not exist, so nothing was created.", null)
                    .linkedTo(startedId));
            return new Finding.Absent();
        }
        catch (RuntimeException e) {
            log.error("The settlement of audit #{} could not be recorded: {}", startedId, e.getClass().getName());
            return new Finding.CannotTell();
        }
    }
}
