package org.ldportal.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ldportal.change.PreparedChange;
import org.ldportal.form.FormValues;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The kinds of step the features offer, looked up by the type they make. */
@Component
class StepKinds {

    private final List<StepKind> kinds;

    StepKinds(List<StepKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    Optional<StepKind> of(ResourceType type) {
        return kinds.stream().filter(kind -> kind.type() == type).findFirst();
    }

    /**
     * What takes back what a done step did: the delete of what it made, or the change of
     * what it changed back (turning it on again); empty when there is nothing to take
     * back (gone, or as it was already).
     */
    Optional<PreparedChange<?>> undo(Plan.PlanStep step, CurrentUser user) {
        StepKind kind = of(step.type()).orElseThrow();
        String made = Objects.requireNonNull(step.made());
        if (step.creates()) {
            return kind.undo(step.where(), made, user);
        }
        ChangeAction back = switch (step.action()) {
            case TURN_OFF -> ChangeAction.TURN_ON;
            case TURN_ON -> ChangeAction.TURN_OFF;
            default -> throw new IllegalStateException("No undo of " + step.action() + " steps");
        };
        return kind.manage(back, made, FormValues.empty(), user)
            .map(StepKind.Managed::change)
            .filter(StepKind.StepChange.Ready.class::isInstance)
            .map(change -> ((StepKind.StepChange.Ready<?>) change).change());
    }

    /** As a template names them, in the resource types' order. */
    List<String> typeKeys() {
        return List.of(ResourceType.values())
            .stream()
            .filter(type -> of(type).isPresent())
            .map(ResourceType::key)
            .toList();
    }

}
