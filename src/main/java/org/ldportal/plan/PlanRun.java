package org.ldportal.plan;

/** What running, resuming or undoing a plan answers: the plan, whose page tells how. */
public record PlanRun(long planId) {

    public String path() {
        return "/plans/" + planId;
    }

}
