package org.ldportal.change;

import org.ldportal.change.internal.SubmissionArgumentResolver;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a form's submit brings to the {@link ChangeFlow}: who sends it, its one-time
 * token, whether the person has passed the review page ("Create"), the draft its kept
 * secrets belong to, and every parameter it carried (the review page carries them along).
 * A handler takes it as an argument ({@link SubmissionArgumentResolver}).
 */
public record Submission(CurrentUser user, @Nullable String token, boolean confirmed, @Nullable String draft,
        @Nullable HttpSession session, MultiValueMap<String, String> parameters) {

    public Submission {
        parameters = new LinkedMultiValueMap<>(parameters);
    }

    /**
     * The same submit with one parameter set anew (a draft id the form was given on the
     * way).
     */
    public Submission with(String name, @Nullable String value) {
        MultiValueMap<String, String> changed = new LinkedMultiValueMap<>(parameters);
        changed.set(name, value);
        return new Submission(user, token, confirmed, KeptSecrets.DRAFT.equals(name) ? value : draft, session, changed);
    }
}
