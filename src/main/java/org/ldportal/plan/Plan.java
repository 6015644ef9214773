package org.ldportal.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;

/** A plan as its page shows it: its steps and how each went. */
public record Plan(long id, @Nullable String templateKey, @Nullable Integer templateVersion, String name,
        String ownerSubject, String ownerName, Status status, @Nullable Long auditId, Instant createdAt,
        Instant updatedAt, List<PlanStep> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    /** What a step does, in words: "Turn off". */
    static String doing(ChangeAction action) {
        return switch (action) {
            case TURN_ON -> "Turn on";
            case TURN_OFF -> "Turn off";
            case UPDATE -> "Change";
            case DELETE -> "Delete";
            default -> "Create";
        };
    }

    /** Where a plan stands. */
    public enum Status {

        RUNNING, STOPPED, DONE, UNDONE

    }

    /**
     * One step and how it went.
     *
     * @param action what it does: {@link ChangeAction#CREATE}, or a change of what exists
     * (once done, {@code made} names what it changed)
     */
    public record PlanStep(int position, ResourceType type, @Nullable String variant, @Nullable String project,
            @Nullable String environment, @Nullable String name, StepStatus status, @Nullable String message,
            @Nullable String link, @Nullable String made, @Nullable String target, ChangeAction action) {

        public boolean done() {
            return status == StepStatus.SUCCEEDED;
        }

        /** Whether it creates (its undo deletes), rather than changes what exists. */
        public boolean creates() {
            return action == ChangeAction.CREATE;
        }

        /** What it does, in words for its page: "Turn off". */
        public String doing() {
            return Plan.doing(action);
        }

        StepKind.Target.Where where() {
            return new StepKind.Target.Where(project, environment, variant);
        }

    }

    /** How a step went; the outcomes are the trail's. */
    public enum StepStatus {

        WAITING, SUCCEEDED, REJECTED, FAILED, UNKNOWN, UNDONE

    }

    /**
     * Whether it stopped with steps left to resume: not once part of it was undone (that
     * would make again what was deleted), nor while a step's outcome is not known.
     */
    public boolean resumable() {
        return status == Status.STOPPED && !unclear()
                && steps.stream().noneMatch(step -> step.status() == StepStatus.UNDONE);
    }

    /**
     * How long a running plan may go without a step ending before it is taken for
     * interrupted (its instance stopped): far longer than any step takes with
     * LaunchDarkly's timeouts.
     */
    public static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(15);

    /**
     * Whether it says running but no step has ended for long: the instance running it
     * stopped, and it may be resumed.
     */
    public boolean interrupted(Instant now) {
        return status == Status.RUNNING && updatedAt.isBefore(now.minus(INTERRUPTED_AFTER));
    }

    /**
     * Whether its steps change what exists (turning several off) rather than create: its
     * undo then changes each back.
     */
    public boolean changesWhatExists() {
        return steps.stream().anyMatch(step -> !step.creates());
    }

    /** Whether some step made something that undo would delete. */
    public boolean undoable() {
        return (status == Status.STOPPED || status == Status.DONE) && steps.stream().anyMatch(PlanStep::done);
    }

    /**
     * Whether a step's outcome is not known: the portal keeps asking before anything more
     * is done.
     */
    public boolean unclear() {
        return steps.stream().anyMatch(step -> step.status() == StepStatus.UNKNOWN);
    }

    /** The targets of a plan over several, in order; empty for a plan of one. */
    public List<String> targets() {
        return steps.stream().map(PlanStep::target).filter(Objects::nonNull).distinct().toList();
    }

    /** The steps made for one target. */
    public List<PlanStep> stepsFor(String target) {
        return steps.stream().filter(step -> target.equals(step.target())).toList();
    }

}
