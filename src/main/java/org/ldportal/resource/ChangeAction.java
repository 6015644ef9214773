package org.ldportal.resource;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a change does. {@link #key()} is how the audit trail, the settings (approval
 * rules' {@code actions}) and stored requests name it, so it never changes.
 */
public enum ChangeAction {

    CREATE("create"),
    /** A warehouse destination's first step: LaunchDarkly prepares the script. */
    SETUP("setup"),
    /**
     * A warehouse destination's last step: LaunchDarkly creates it from the stored
     * set-up.
     */
    COMPLETE_SETUP("complete-setup"), UPDATE("update"), TURN_ON("turn-on"), TURN_OFF("turn-off"), DELETE("delete"),
    /** The audit trail's retention purge, which records itself. */
    PURGE("purge"),
    /**
     * A time-limited resource's day moved later: a change in the portal only (nothing is
     * sent to LaunchDarkly).
     */
    EXTEND("extend"),
    /** Taken off the list people choose from, its history kept (a template). */
    RETIRE("retire");

    private final String key;

    ChangeAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether it makes something new (what an existence check can look for). */
    public boolean creates() {
        return this == CREATE || this == COMPLETE_SETUP;
    }

    /** The action a key names, if any. */
    public static Optional<ChangeAction> of(String key) {
        return Arrays.stream(values()).filter(action -> action.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }

}
