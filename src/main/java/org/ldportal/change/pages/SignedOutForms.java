package org.ldportal.change.pages;

import org.ldportal.change.SecretBox;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.ldportal.security.SignedOutSubmissions;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Forms sent after the sign-in session ended: what they sent is kept in the new session,
 * encrypted (it may hold a secret), for a short time, and handed once to the form's page
 * after signing in again, which shows it filled in, its secrets dropped.
 */
@Component
public class SignedOutForms implements SignedOutSubmissions {

    static final String SESSION_ATTRIBUTE = SignedOutForms.class.getName();
    static final Duration KEPT_FOR = Duration.ofMinutes(30);

    /** Never carried over: the old session's tokens mean nothing in the new one. */
    private static final Set<String> NOT_KEPT = Set.of("_csrf", "submissionToken", "formDraft");

    private static final int MAX_PARAMETERS = 500;

    private final SecretBox box;

    private final ObjectMapper json;

    private final Clock clock;

    public SignedOutForms(SecretBox box, ObjectMapper json, Clock clock) {
        this.box = box;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void keep(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NOT_KEPT.contains(name) && parameters.size() < MAX_PARAMETERS) {
                parameters.put(name, List.of(values));
            }
        });
        request.getSession(true)
            .setAttribute(SESSION_ATTRIBUTE, new Kept(path(request), box.encrypt(json.writeValueAsString(parameters)),
                    clock.instant().plus(KEPT_FOR)));
    }

    /** The message a restored form shows above it. */
    public static final String RESTORED = "restored";

    /**
     * What was sent to this page's form before signing in again, once; empty when nothing
     * was (or too long ago).
     */
    public Optional<MultiValueMap<String, String>> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (!(stored instanceof Kept kept) || !kept.path().equals(path(request))) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        if (kept.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        try {
            Map<String, List<String>> parameters = json.readValue(box.decrypt(kept.sealed()),
                    new TypeReference<Map<String, List<String>>>() {
                    });
            return Optional.of(new LinkedMultiValueMap<>(parameters));
        }
        catch (RuntimeException e) {
            return Optional.empty(); // sealed by an earlier start-up's key: nothing to
                                     // restore
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    record Kept(String path, String sealed, Instant expiresAt) implements Serializable {
    }

}
