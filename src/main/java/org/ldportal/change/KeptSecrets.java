package org.ldportal.change;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Secrets a person typed into a form that comes back (a policy edit without JavaScript,
 * "Show fields", a refusal): never written into the page, they are kept server-side,
 * encrypted ({@link SecretBox}), in the person's session, for that one form (its draft
 * id) and a short time, and used when the field is left empty. Dropped after success.
 */
@Component
public class KeptSecrets {

    /**
     * The hidden field and model attribute naming a form's draft across its round trips.
     */
    public static final String DRAFT = "formDraft";

    private static final String KEPT_KEYS = "keptSecrets";

    /** Marks a value kept whole ({@link #keepWhole}) among a draft's secrets. */
    private static final String WHOLE = "whole:";
    static final String SESSION_ATTRIBUTE = KeptSecrets.class.getName();
    static final Duration KEPT_FOR = Duration.ofMinutes(30);

    private static final int MAX_DRAFTS = 10;

    private static final Pattern DRAFT_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox box;

    private final Clock clock;

    public KeptSecrets(SecretBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    /**
     * The form's values with the kept secrets in its empty secret fields, and which
     * secrets are now kept.
     */
    public record Merged(FormValues values, Set<String> keptKeys) {
    }

    /**
     * A draft id for a form shown for the first time, or the one it came back with when
     * that is well-formed.
     */
    public static String draftId(@Nullable String submitted) {
        if (submitted != null && DRAFT_ID.matcher(submitted).matches()) {
            return submitted;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Merges what was typed with what is kept for this draft (a secret typed now replaces
     * the kept one), and keeps the result for the form's next round trip.
     */
    public Merged merge(HttpSession session, String draftId, FormSpec spec, FormValues submitted) {
        Map<String, Draft> drafts = drafts(session);
        Draft draft = drafts.get(draftId);
        Map<String, String> secrets = new LinkedHashMap<>(draft == null ? Map.of() : draft.sealed());
        Map<String, List<String>> values = new LinkedHashMap<>(submitted.values());
        for (String key : spec.secretKeys()) {
            String typed = submitted.first(key);
            if (typed != null && !typed.isEmpty()) {
                secrets.put(key, box.encrypt(typed));
            }
            else if (secrets.containsKey(key)) {
                values.put(key, List.of(decrypt(secrets.get(key))));
            }
        }
        secrets.keySet().removeIf(key -> !spec.secretKeys().contains(key) && !key.startsWith(WHOLE));
        if (!secrets.isEmpty()) {
            drafts.put(draftId, new Draft(Map.copyOf(secrets), clock.instant().plus(KEPT_FOR)));
            while (drafts.size() > MAX_DRAFTS) {
                drafts.remove(drafts.keySet().iterator().next());
            }
        }
        session.setAttribute(SESSION_ATTRIBUTE, new LinkedHashMap<>(drafts));
        return new Merged(new FormValues(values),
                secrets.keySet()
                    .stream()
                    .filter(key -> !key.startsWith(WHOLE))
                    .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Keeps a whole value that may hold secrets without a spec saying which (free-form
     * JSON), for the form's review page, which cannot carry it.
     */
    public void keepWhole(HttpSession session, @Nullable String draftId, String key, String value) {
        Map<String, Draft> drafts = drafts(session);
        Draft draft = drafts.get(draftId);
        Map<String, String> sealed = new LinkedHashMap<>(draft == null ? Map.of() : draft.sealed());
        sealed.put(WHOLE + key, box.encrypt(value));
        drafts.put(draftId, new Draft(Map.copyOf(sealed), clock.instant().plus(KEPT_FOR)));
        session.setAttribute(SESSION_ATTRIBUTE, new LinkedHashMap<>(drafts));
    }

    /** What {@link #keepWhole} kept for the draft, if anything. */
    public Optional<String> whole(HttpSession session, @Nullable String draftId, String key) {
        if (draftId == null) {
            return Optional.empty();
        }
        Draft draft = drafts(session).get(draftId);
        String sealed = draft == null ? null : draft.sealed().get(WHOLE + key);
        return sealed == null ? Optional.empty() : Optional.of(decrypt(sealed)).filter(v -> !v.isEmpty());
    }

    /**
     * For a controller: merges as {@link #merge} does, and puts the draft id
     * ({@link #DRAFT}) and the kept keys ({@link #keysIn}) into the model for the page.
     */
    public FormValues mergeInto(Model model, HttpSession session, @Nullable String submittedDraft, FormSpec spec,
            FormValues submitted) {
        String id = draftId(submittedDraft);
        Merged merged = merge(session, id, spec, submitted);
        model.addAttribute(DRAFT, id);
        model.addAttribute(KEPT_KEYS, merged.keptKeys());
        return merged.values();
    }

    /**
     * The secret fields kept for the form in this model (none before {@link #mergeInto}).
     */
    @SuppressWarnings("unchecked")
    public static Set<String> keysIn(Model model) {
        Object kept = model.getAttribute(KEPT_KEYS);
        return kept instanceof Set<?> keys ? (Set<String>) keys : Set.of();
    }

    /** A form shown for the first time gets a draft id of its own. */
    public static void newDraft(Model model) {
        if (!model.containsAttribute(DRAFT)) {
            model.addAttribute(DRAFT, draftId(null));
        }
    }

    /** After success: nothing of this form is kept any longer. */
    public void forget(HttpSession session, String draftId) {
        Map<String, Draft> drafts = drafts(session);
        if (drafts.remove(draftId) != null) {
            session.setAttribute(SESSION_ATTRIBUTE, new LinkedHashMap<>(drafts));
        }
    }

    private String decrypt(String sealed) {
        try {
            return box.decrypt(sealed);
        }
        catch (IllegalStateException e) {
            return ""; // sealed by an earlier start-up's key: as if nothing were kept
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Draft> drafts(HttpSession session) {
        Object stored = session.getAttribute(SESSION_ATTRIBUTE);
        Map<String, Draft> drafts = stored instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Draft>) map)
                : new LinkedHashMap<>();
        Instant now = clock.instant();
        drafts.values().removeIf(draft -> draft.expiresAt().isBefore(now));
        return drafts;
    }

    /**
     * A form's secrets, each sealed by {@link SecretBox}: what a session (in memory or a
     * database) holds.
     */
    record Draft(Map<String, String> sealed, Instant expiresAt) implements Serializable {
    }

}
