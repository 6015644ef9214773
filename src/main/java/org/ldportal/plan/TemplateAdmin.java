package org.ldportal.plan;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/**
 * What admins do with templates: check one, save it as the next version, retire it; each
 * save and retirement recorded in the trail. A template that fails its checks is not
 * saved and, like a form that fails its own validation, is not an attempt.
 */
@Service
class TemplateAdmin {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Templates templates;

    private final TemplateReader reader;

    private final TemplateChecks checks;

    private final AuditTrail audit;

    private final Clock clock;

    private final ObjectMapper json;

    TemplateAdmin(Templates templates, TemplateReader reader, TemplateChecks checks, AuditTrail audit, Clock clock,
            ObjectMapper json) {
        this.json = json;
        this.templates = templates;
        this.reader = reader;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /** How a save ended. */
    sealed interface Saved {

        record Version(int version) implements Saved {
        }

        /** The template has problems; nothing was saved. */
        record Problems(List<TemplateProblem> problems) implements Saved {

            public Problems {
                problems = List.copyOf(problems);
            }

        }

        /**
         * Someone saved another version since this one was opened (or took the key):
         * nothing was saved.
         */
        record Conflict(String message) implements Saved {
        }

    }

    /** The template read and checked: its problems, none when it may be saved. */
    List<TemplateProblem> check(String text) {
        TemplateReader.Read read = reader.read(text);
        return read instanceof TemplateReader.Read.Document document ? checks.check(document.document())
                : ((TemplateReader.Read.Problems) read).problems();
    }

    /** The document, read, of a saved version (which was checked when saved). */
    Optional<TemplateDocument> document(TemplateVersion version) {
        return reader.read(version.document()) instanceof TemplateReader.Read.Document document
                ? Optional.of(document.document()) : Optional.empty();
    }

    /**
     * The text to show again after a problem: a secret written into it (itself a problem)
     * is taken out, so that it is never rendered back.
     */
    String shownAgain(String text) {
        if (!(reader.read(text) instanceof TemplateReader.Read.Document document)) {
            return text;
        }
        String shown = text;
        for (String secret : checks.writtenSecrets(document.document())) {
            shown = shown.replace(json.writeValueAsString(secret), "\"\"");
            // Written as a number or true/false, it is not quoted.
            shown = shown.replaceAll("(:\\s*)" + Pattern.quote(secret) + "(?=\\s*[,}\\]])", "$1\"\"");
        }
        return shown;
    }

    Saved save(String key, int basedOn, String text, CurrentUser admin) {
        if (basedOn == 0 && !KEY.matcher(key).matches()) {
            return new Saved.Problems(List.of(new TemplateProblem("key",
                    "Give the template a key of lower-case letters, digits and '-', up to 64 characters.")));
        }
        TemplateReader.Read read = reader.read(text);
        if (read instanceof TemplateReader.Read.Problems problems) {
            return new Saved.Problems(problems.problems());
        }
        TemplateDocument document = ((TemplateReader.Read.Document) read).document();
        List<TemplateProblem> problems = checks.check(document);
        if (!problems.isEmpty()) {
            return new Saved.Problems(problems);
        }
        Optional<Integer> saved = templates.save(key, basedOn, document.name(), text, admin.displayName(),
                clock.instant());
        if (saved.isEmpty()) {
            return new Saved.Conflict(basedOn == 0 ? "A template with the key " + key + " exists already: choose "
                    + "another key, or open that template to change it." : conflict(key));
        }
        audit.record(
                AuditAttempt.by(admin, basedOn == 0 ? ChangeAction.CREATE : ChangeAction.UPDATE, ResourceType.TEMPLATE)
                    .at(Place.account())
                    .withResource(document.name(), key, "v" + saved.get())
                    .withRequestBody(text)
                    .withOutcome(AuditOutcome.SUCCEEDED, null, null, "Saved as version " + saved.get() + ".", null));
        return new Saved.Version(saved.get());
    }

    /** Retires it, recorded; false when it was retired already. */
    boolean retire(TemplateEntry template, CurrentUser admin) {
        if (!templates.retire(template.key(), admin.displayName(), clock.instant())) {
            return false;
        }
        audit.record(AuditAttempt.by(admin, ChangeAction.RETIRE, ResourceType.TEMPLATE)
            .at(Place.account())
            .withResource(template.name(), template.key(), "v" + template.latestVersion())
            .withOutcome(AuditOutcome.SUCCEEDED, null, null,
                    "No longer offered; its " + template.latestVersion() + " versions are kept.", null));
        return true;
    }

    private String conflict(String key) {
        return templates.find(key)
            .map(now -> "Version " + now.latestVersion() + " was saved by " + now.savedBy()
                    + " while you were writing: nothing was saved. Open it again and make your change there.")
            .orElse("This template no longer exists.");
    }

}
