package org.ldportal.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.validation.Errors;

/**
 * A kind of step a template may hold, offered by the feature that makes it: the fields
 * its form takes, as the form engine describes them, so that a template is checked
 * against the same rules as the form a person fills in.
 */
public interface StepKind {

    /** What a step of this kind makes. */
    ResourceType type();

    /** Where a step of this kind goes. */
    Target target();

    /**
     * What a step names to say which form it fills ("kind" of destination,
     * "integration"), or null when the type has one form only.
     */
    @Nullable String variant();

    /**
     * The step's fields for the variant it names.
     * @throws IllegalArgumentException with a message for the admin when the variant is
     * not one the portal offers
     */
    FormSpec fields(@Nullable String variant);

    /**
     * The step's create, from its values (keyed as {@link #fields} names them, answers
     * filled in, defaults where none is given), for the person: checked by the form's own
     * rules only, since what LaunchDarkly holds may be made by an earlier step (its
     * answer when the step is sent decides); or the messages at the fields that fail
     * them.
     */
    StepChange<?> prepare(Target.Where where, FormValues values, CurrentUser user);

    /**
     * The delete of what a step made ({@code made}: what {@link StepChange.Ready#made}
     * said), to undo it; empty when it is gone already.
     */
    Optional<PreparedChange<?>> undo(Target.Where where, String made, CurrentUser user);

    /**
     * What a step made, in the words {@link #undo} takes, from what a check found once an
     * unclear answer was settled (its key and id, as LaunchDarkly has them); its id by
     * default.
     */
    default @Nullable String made(@Nullable String key, @Nullable String id) {
        return id;
    }

    /** The changes of what exists that {@link #manage} makes; none by default. */
    default Set<ChangeAction> changes() {
        return Set.of();
    }

    /**
     * A change of what exists ({@code action}: turning it on or off), as a step of a plan
     * that changes several at once; empty when the kind changes nothing that way.
     * {@code subject} names it as the kind's list does ({@code project/environment/id}),
     * and {@code seen} holds what the step kept of it when it was chosen (its version),
     * empty when it is chosen now: a change applies to what the person saw, and is
     * refused when it changed since. Read from LaunchDarkly (a person who may not see it
     * is refused, recorded); what keeps it from being a change (gone, or as asked
     * already) is the step's {@link StepChange.Invalid} under {@code ""}.
     */
    default Optional<Managed<?>> manage(ChangeAction action, String subject, FormValues seen, CurrentUser user) {
        return Optional.empty();
    }

    /**
     * A change of what exists, made a step: where it is, its name, the values the step
     * keeps of it ({@code subject}, the version seen), and the change.
     */
    record Managed<T>(Target.Where where, String name, Map<String, List<String>> values, StepChange<T> change) {

        /** The key under which a managed step keeps what it changes. */
        public static final String SUBJECT = "subject";

        /** The key under which it keeps the version its change tests. */
        public static final String VERSION = "version";

        public Managed {
            values = Map.copyOf(values);
        }

        /**
         * The change ready: it keeps the subject and the version its patch tests
         * ({@code tested}, null when the resource has none), and a success answers the
         * subject, which its undo takes.
         */
        public static <T> Managed<T> ready(Target.Where where, String name, String subject, @Nullable Integer tested,
                PreparedChange<T> change) {
            Map<String, List<String>> kept = new LinkedHashMap<>();
            kept.put(SUBJECT, List.of(subject));
            if (tested != null) {
                kept.put(VERSION, List.of(String.valueOf(tested)));
            }
            return new Managed<>(where, name, kept, new StepChange.Ready<>(change, done -> subject));
        }

        /** What keeps it from being changed, in words for the person. */
        public static <T> Managed<T> refused(Target.Where where, String name, String why) {
            return new Managed<>(where, name, Map.of(), new StepChange.Invalid<T>(Map.of("", why)));
        }

        /**
         * Turning what {@code read} reads (as LaunchDarkly has it now) on or off, as a
         * step: refused when it is gone (a 404), when the person may not change it, or,
         * chosen now ({@code seen} empty), when it is as asked already; once chosen, one
         * as asked by the time it is sent is done, nothing sent. Else {@code turn} of it
         * at the version seen when it was chosen (or now, when it is sent again after a
         * refusal: {@link #AGAIN}).
         */
        public static <R> Managed<?> turning(boolean on, String subject, FormValues seen, Target.Where where,
                Supplier<R> read, Function<R, State> state, Turn<R> turn) {
            R current;
            try {
                current = read.get();
            }
            catch (LaunchDarklyApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                return refused(where, subject, "It is not in LaunchDarkly any more.");
            }
            State now = state.apply(current);
            if (!now.mayChange()) {
                return refused(where, now.name(), "You may not change it: ask someone who may change it there.");
            }
            String words = "It is " + (on ? "on" : "off") + " already";
            if (now.on() == on) {
                return seen.values().isEmpty() ? refused(where, now.name(), words + ".") : new Managed<>(where,
                        now.name(), Map.of(), new StepChange.AsAsked<>(words + ": nothing was sent.", subject));
            }
            Integer version = seenVersion(seen);
            Integer tested = version != null ? version : now.version();
            return ready(where, now.name(), subject, tested, turn.at(current, tested));
        }

        /**
         * What a step sent again after a refusal keeps instead of the version seen: it is
         * turned as it is now, since the person resumed it after reading why.
         */
        public static final String AGAIN = "again";

        /** What a turn needs to know of what it turns, and whether the person may. */
        public record State(String name, boolean on, @Nullable Integer version, boolean mayChange) {
        }

        /**
         * The turn of what was read, tested against {@code version} (null: its state).
         */
        public interface Turn<R> {

            PreparedChange<?> at(R current, @Nullable Integer version);

        }

        /** The version the step kept when it was chosen; null when chosen now. */
        public static @Nullable Integer seenVersion(FormValues seen) {
            String version = seen.first(VERSION);
            try {
                return version == null ? null : Integer.valueOf(version.strip());
            }
            catch (NumberFormatException notOurs) {
                // Not what the review wrote: judged as it is now.
                return null;
            }
        }

    }

    /**
     * The messages of a form's own checks as a step gives them: the first for each field,
     * under the step's key for it ({@code key}), then one about the form as a whole under
     * {@code ""}.
     */
    static Map<String, String> messages(Errors errors, UnaryOperator<String> key) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors()
            .forEach(error -> messages.putIfAbsent(key.apply(error.getField()),
                    Objects.requireNonNullElse(error.getDefaultMessage(), "Check this value.")));
        errors.getGlobalErrors()
            .forEach(error -> messages.putIfAbsent("",
                    Objects.requireNonNullElse(error.getDefaultMessage(), "Check the values.")));
        return messages;
    }

    /** A step's create made ready, or what keeps it from being one. */
    sealed interface StepChange<T> {

        /**
         * @param made what the success answers, in the words {@link #undo} takes back (a
         * key, an id)
         */
        record Ready<T>(PreparedChange<T> change, Function<T, String> made) implements StepChange<T> {
        }

        /** Messages by field key. */
        record Invalid<T>(Map<String, String> errors) implements StepChange<T> {

            public Invalid {
                errors = Map.copyOf(errors);
            }

        }

        /**
         * A change of what exists that is as asked already when it is sent (turned off
         * meanwhile, or by this step's own attempt whose answer was unclear): nothing to
         * send, the step is done.
         *
         * @param made what it names, for undo
         */
        record AsAsked<T>(String message, String made) implements StepChange<T> {
        }

    }

    /** Where a kind's steps go: what a step must name besides its values. */
    enum Target {

        /** The account (an integration's configuration or subscription). */
        ACCOUNT,
        /** A project (a new environment). */
        PROJECT,
        /** An environment of a project (a Data Export destination). */
        ENVIRONMENT;

        /**
         * Where one step goes: its project and environment as far as its kind has them,
         * and the variant (destination kind, integration) it names.
         */
        public record Where(@Nullable String project, @Nullable String environment, @Nullable String variant) {
        }

    }

}
