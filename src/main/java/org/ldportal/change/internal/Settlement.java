package org.ldportal.change.internal;

import org.ldportal.change.ExistenceCheck;
import org.ldportal.change.Sent;
import org.ldportal.change.UnknownOutcomes;
import java.util.List;
import java.util.Optional;

import org.ldportal.launchdarkly.LaunchDarklyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The features' existence checks, by the attempt they can look for. Which creates are
 * tracked until their outcome is known, and whether LaunchDarkly has what one of them
 * asked for, is asked here ({@link UnknownOutcomes} decides what a finding proves).
 */
@Component
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    public static final String CODE = "settled";

    private final List<ExistenceCheck> checks;

    @Autowired
    public Settlement(ObjectProvider<ExistenceCheck> checks) {
        // A provider, so that a context without features (a slice test) has a settlement
        // that can tell nothing.
        this(checks.orderedStream().toList());
    }

    public Settlement(List<ExistenceCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** What a check found. */
    public sealed interface Finding {

        record Exists(Sent where) implements Finding {
        }

        record Absent() implements Finding {
        }

        /**
         * LaunchDarkly could not be asked, or no check knows this resource: nothing is
         * proven.
         */
        record CannotTell() implements Finding {
        }

    }

    /**
     * The check that can look for what this attempt asks for; only creates can be looked
     * for.
     */
    public Optional<ExistenceCheck> checkFor(ExistenceCheck.Target target) {
        if (!target.action().creates()) {
            return Optional.empty();
        }
        return checks.stream().filter(check -> check.handles(target)).findFirst();
    }

    /** Asks LaunchDarkly; a failure to ask proves nothing. */
    public Finding look(ExistenceCheck check, ExistenceCheck.Target target) {
        try {
            return check.find(target).<Finding>map(Finding.Exists::new).orElseGet(Finding.Absent::new);
        }
        catch (LaunchDarklyException e) {
            log.info("A {} {} could not be looked for just now: {}", target.action(), target.type(), e.getMessage());
            return new Finding.CannotTell();
        }
    }

}
