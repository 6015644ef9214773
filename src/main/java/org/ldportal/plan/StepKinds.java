package org.ldportal.plan;

import java.util.List;
import java.util.Optional;

import org.ldportal.resource.ResourceType;
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

    /** As a template names them, in the resource types' order. */
    List<String> typeKeys() {
        return List.of(ResourceType.values())
            .stream()
            .filter(type -> of(type).isPresent())
            .map(ResourceType::key)
            .toList();
    }

}
