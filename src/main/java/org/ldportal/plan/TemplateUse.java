package org.ldportal.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.access.PermittedPlaces;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Review;
import org.ldportal.form.FieldCondition;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;

/**
 * Using a template: which ones a person is offered, the one short form it asks (its
 * questions and the fields it leaves open, through the form engine), and the plan made
 * from the answers, each step made ready by its feature.
 */
@Service
class TemplateUse {

    /**
     * The form's fields are submitted as {@code value[team]},
     * {@code value[s1.config.writeKey]}.
     */
    static final String PREFIX = "value";

    /** The question of a kind's form for several: which targets. */
    private static final String TARGETS = "targets";

    private static final String PORTAL = "the portal";

    private final Templates templates;

    private final TemplateAdmin admin;

    private final StepKinds kinds;

    private final FormValidator validator;

    private final PermittedPlaces places;

    private final PlanChanges changes;

    private final KeptSecrets keptSecrets;

    TemplateUse(Templates templates, TemplateAdmin admin, StepKinds kinds, FormValidator validator,
            PermittedPlaces places, PlanChanges changes, KeptSecrets keptSecrets) {
        this.templates = templates;
        this.admin = admin;
        this.kinds = kinds;
        this.validator = validator;
        this.places = places;
        this.changes = changes;
        this.keptSecrets = keptSecrets;
    }

    /**
     * The key of one kind's own form applied to several targets at once
     * ({@code several.destination.segment}): a template the portal makes, never an
     * admin's (their keys have no dot).
     */
    static final String SEVERAL = "several.";

    /** A template as offered now: its latest version, read. */
    record Offered(TemplateEntry entry, TemplateVersion version, TemplateDocument document) {

        public String key() {
            return entry.key();
        }

        /**
         * Whether it is a kind's own form for several targets, not an admin's template.
         */
        public boolean forSeveral() {
            return entry.key().startsWith(SEVERAL);
        }

    }

    /** What the answers make: the plan, or what is wrong, by field and as a whole. */
    sealed interface Made {

        record Ready(PreparedChange<PlanRun> change) implements Made {
        }

        record Invalid(Map<String, String> errors, List<String> problems) implements Made {

            public Invalid {
                errors = Map.copyOf(errors);
                problems = List.copyOf(problems);
            }

        }

    }

    /** The templates this person may use, by name. */
    List<Offered> offered(CurrentUser user) {
        return templates.all()
            .stream()
            .filter(entry -> !entry.retired())
            .map(this::read)
            .flatMap(Optional::stream)
            .filter(offered -> mayUse(offered.document(), user) && withdrawn(offered) == null)
            .toList();
    }

    /** The template to use; 404 when unknown or retired, 403 when not for this person. */
    Offered find(String key, CurrentUser user) {
        if (key.startsWith(SEVERAL)) {
            return forSeveral(key, user);
        }
        Offered offered = templates.find(key)
            .filter(entry -> !entry.retired())
            .flatMap(this::read)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such template."));
        if (!mayUse(offered.document(), user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This template is not offered to you.");
        }
        String gone = withdrawn(offered);
        if (gone != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "This template cannot be used now: " + gone + " Its admins must mend it.");
        }
        return offered;
    }

    /**
     * One kind's form (every field left to the person) made once for each of the
     * environments (or projects) chosen: a template of one step over a question of
     * several, so that it is reviewed, approved and run as any other.
     */
    private Offered forSeveral(String key, CurrentUser user) {
        String[] parts = key.substring(SEVERAL.length()).split("\\.", 2);
        StepKind kind = ResourceType.of(parts[0])
            .flatMap(kinds::of)
            .filter(found -> found.target() != StepKind.Target.ACCOUNT)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such form."));
        String variant = parts.length > 1 ? parts[1] : null;
        FormSpec fields;
        try {
            fields = kind.fields(variant);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        boolean environments = kind.target() == StepKind.Target.ENVIRONMENT;
        String name = "The same " + kind.type().words() + (variant == null ? "" : " (" + variant + ")") + " in several "
                + (environments ? "environments" : "projects");
        Question targets = new Question(TARGETS, environments ? "Environments" : "Projects",
                environments ? Question.Type.ENVIRONMENTS : Question.Type.PROJECTS,
                "It is made in each you tick, in turn, with the values below.", null, true, null, null, List.of());
        TemplateStep step = new TemplateStep(kind.type(), variant,
                environments ? "${" + TARGETS + ".project}" : "${" + TARGETS + "}",
                environments ? "${" + TARGETS + ".environment}" : null, Map.of(),
                fields.fields().stream().map(FieldSpec::key).toList());
        TemplateDocument document = new TemplateDocument(name,
                "One form, made in each " + (environments ? "environment" : "project")
                        + " you choose: reviewed once, approved once where a rule asks, with a result for each.",
                List.of(), List.of(), List.of(targets), List.of(step), TARGETS);
        Offered offered = new Offered(new TemplateEntry(key, name, 0, PORTAL, Instant.EPOCH, null, null),
                new TemplateVersion(key, 0, name, "", PORTAL, Instant.EPOCH), document);
        if (!mayUse(document, user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only editors may create.");
        }
        return offered;
    }

    /**
     * The form: the questions, then each step's open fields (keyed {@code s<n>.<field>}),
     * a project question choosing among the projects the person may use and the template
     * allows.
     */
    FormSpec form(Offered template, CurrentUser user) {
        List<FieldSpec> fields = new ArrayList<>();
        List<Question> questions = template.document().questions();
        List<FieldOption> projects = questions.stream().anyMatch(this::asksProject) ? projects(template, user)
                : List.of();
        List<FieldOption> environments = questions.stream()
            .anyMatch(question -> question.type() == Question.Type.ENVIRONMENTS) ? environments(template, user)
                    : List.of();
        questions.forEach(question -> fields.add(question.field(projects, environments)));
        Set<String> questionKeys = questions.stream().map(Question::key).collect(Collectors.toSet());
        List<TemplateStep> steps = template.document().steps();
        for (int i = 0; i < steps.size(); i++) {
            TemplateStep step = steps.get(i);
            FormSpec form = kinds.of(step.type()).orElseThrow().fields(step.variant());
            for (String key : step.open()) {
                int index = i;
                form.field(key)
                    .flatMap(field -> openField(index, step, form, field, questionKeys))
                    .ifPresent(fields::add);
            }
        }
        return new FormSpec(fields);
    }

    /**
     * An open field as the use form asks it: under its {@code s<n>.} key, its conditions
     * naming the use form's keys of the fields they depend on. A condition on a field the
     * template fixes is judged now, on that value: one that keeps the field hidden leaves
     * it out of the form (the template decided), one that shows it is dropped; one on a
     * question's answer ({@code ${severity}}) reads that question.
     */
    private static Optional<FieldSpec> openField(int index, TemplateStep step, FormSpec form, FieldSpec field,
            Set<String> questions) {
        // A kind's nested form (config.) names its own fields in its conditions.
        String nested = field.key().substring(0, field.key().lastIndexOf('.') + 1);
        List<FieldCondition> left = new ArrayList<>();
        for (FieldCondition condition : field.conditions()) {
            String dependee = nested + condition.fieldKey();
            String fixed = String.join(",", step.values().getOrDefault(dependee, List.of()));
            Matcher answer = TemplateChecks.ANSWER.matcher(fixed);
            if (step.open().contains(dependee)) {
                left.add(new FieldCondition(openKey(index, dependee), condition.action(), condition.conditions()));
            }
            else if (answer.matches() && questions.contains(answer.group(1))) {
                // The value is a question's answer: the condition reads the question.
                left.add(new FieldCondition(answer.group(1), condition.action(), condition.conditions()));
            }
            else if (fixed.contains("${")) {
                // Made of answers: the field is asked, and checked once they are filled
                // in.
                continue;
            }
            else if (!condition
                .showsFieldFor(FormValidator.dependeeValue(dependee, form, new FormValues(step.values())))) {
                return Optional.empty();
            }
        }
        return Optional.of(field.withConditions(left).renamed(openKey(index, field.key())));
    }

    /**
     * The values typed, with the secrets kept for this form put back into its empty
     * secret fields.
     */
    FormValues kept(HttpSession session, @Nullable String draft, FormSpec form,
            MultiValueMap<String, String> parameters, Model model) {
        return keptSecrets.mergeInto(model, session, draft, form, FormValues.fromParameters(parameters, PREFIX));
    }

    /**
     * The plan the answers make, each step made ready (and so checked) by its feature.
     */
    Made make(Offered template, FormSpec form, FormValues values, CurrentUser user) {
        FormValidation validation = validator.validate(form, values);
        if (!validation.isValid()) {
            return new Made.Invalid(validation.errors(), List.of());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        template.document().questions().forEach(question -> answers.put(question.key(), answer(question, values)));
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<PlanRequest.Step> steps = new ArrayList<>();
        List<StepKind.StepChange.Ready<?>> ready = new ArrayList<>();
        Set<String> allowed = projects(template, user).stream().map(FieldOption::value).collect(Collectors.toSet());
        String forEach = template.document().forEach();
        List<String> targets = forEach == null ? Collections.singletonList(null) : values.all(forEach);
        for (String target : targets) {
            Map<String, String> answered = target == null || forEach == null ? answers
                    : forTarget(answers, forEach, target);
            for (int i = 0; i < template.document().steps().size(); i++) {
                TemplateStep step = template.document().steps().get(i);
                PlanRequest.Step planned = planned(i, step, answered, values, target);
                StepKind kind = kinds.of(step.type()).orElseThrow();
                if (!allowed(planned, allowed)) {
                    where(i, step, target, planned, errors, problems);
                    continue;
                }
                StepKind.StepChange<?> prepared = kind.prepare(planned.where(), new FormValues(planned.values()), user);
                if (prepared instanceof StepKind.StepChange.Invalid<?> invalid) {
                    place(i, step, kind, target, invalid.errors(), errors, problems);
                }
                else {
                    ready.add((StepKind.StepChange.Ready<?>) prepared);
                }
                steps.add(planned);
            }
        }
        if (!errors.isEmpty() || !problems.isEmpty()) {
            return new Made.Invalid(errors, problems);
        }
        PlanRequest request = new PlanRequest(PlanRequest.FORMAT, template.forSeveral() ? null : template.key(),
                template.version().version(), template.document().name(), steps);
        List<Review.Line> lines = template.document()
            .questions()
            .stream()
            .map(question -> new Review.Line(question.label(), answers.get(question.key())))
            .toList();
        return new Made.Ready(changes.running(request, ready, lines));
    }

    /** A step with the answers filled in and what the person typed in its open fields. */
    private static PlanRequest.Step planned(int index, TemplateStep step, Map<String, String> answers,
            FormValues values, @Nullable String target) {
        Map<String, List<String>> stepValues = new LinkedHashMap<>();
        step.values()
            .forEach((key, value) -> stepValues.put(key, value.stream().map(text -> filled(text, answers)).toList()));
        for (String key : step.open()) {
            stepValues.put(key, values.all(openKey(index, key)));
        }
        String name = stepValues.getOrDefault("name", List.of()).stream().findFirst().orElse(null);
        return new PlanRequest.Step(step.type(), step.variant(), filledOrNull(step.project(), answers),
                filledOrNull(step.environment(), answers), name, stepValues, target);
    }

    /**
     * A step's errors where the person can mend them: at an open field, at the question
     * whose answer made the value; else about the template, for its admins.
     */
    private static void place(int index, TemplateStep step, StepKind kind, @Nullable String target,
            Map<String, String> stepErrors, Map<String, String> errors, List<String> problems) {
        String number = (index + 1) + (target == null ? "" : " for " + target);
        FormSpec form = kind.fields(step.variant());
        stepErrors.forEach((key, message) -> {
            String label = form.field(key).map(FieldSpec::label).orElse(key);
            if (step.open().contains(key)) {
                errors.putIfAbsent(openKey(index, key), message);
                return;
            }
            Optional<String> question = TemplateChecks
                .firstQuestion(String.join(" ", step.values().getOrDefault(key, List.of())));
            if (question.isPresent()) {
                errors.putIfAbsent(question.get(), "Step " + number + ", " + label + ": " + message);
                return;
            }
            problems.add("Step " + number + " (" + kind.type().words() + "), " + label + ": " + message
                    + " This value is the template's own: tell its admins.");
        });
    }

    /** Whether the step goes to a project the person may use and the template allows. */
    private static boolean allowed(PlanRequest.Step planned, Set<String> allowed) {
        return planned.project() == null || allowed.contains(planned.project());
    }

    /**
     * A step aimed where it may not go: said at the question that aimed it, else about
     * the template.
     */
    private static void where(int index, TemplateStep step, @Nullable String target, PlanRequest.Step planned,
            Map<String, String> errors, List<String> problems) {
        String message = "You may not create in project " + planned.project()
                + " with this template: choose one of the projects listed.";
        Optional<String> question = TemplateChecks.firstQuestion(String.valueOf(step.project()));
        if (question.isPresent()) {
            errors.putIfAbsent(question.get(), message);
            return;
        }
        problems.add("Step " + (index + 1) + (target == null ? "" : " for " + target) + ": " + message
                + " The project is the template's own: tell its admins.");
    }

    /**
     * The answers as one target sees them: the question gone over is the target, and a
     * target environment's parts are {@code key.project} and {@code key.environment}.
     */
    private static Map<String, String> forTarget(Map<String, String> answers, String forEach, String target) {
        Map<String, String> answered = new LinkedHashMap<>(answers);
        answered.put(forEach, target);
        int slash = target.indexOf('/');
        if (slash > 0) {
            answered.put(forEach + ".project", target.substring(0, slash));
            answered.put(forEach + ".environment", target.substring(slash + 1));
        }
        return answered;
    }

    /** An open field's key in the form: {@code s2.config.writeKey} for step 2's. */
    static String openKey(int index, String key) {
        return "s" + (index + 1) + "." + key;
    }

    /**
     * Why a step of the template has no form now (LaunchDarkly no longer offers its
     * integration), or null.
     */
    private @Nullable String withdrawn(Offered template) {
        for (TemplateStep step : template.document().steps()) {
            try {
                kinds.of(step.type()).orElseThrow().fields(step.variant());
            }
            catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private Optional<Offered> read(TemplateEntry entry) {
        return templates.version(entry.key(), entry.latestVersion())
            .flatMap(version -> admin.document(version).map(document -> new Offered(entry, version, document)));
    }

    private static boolean mayUse(TemplateDocument document, CurrentUser user) {
        return user.canCreate()
                && (document.groups().isEmpty() || document.groups().stream().anyMatch(user.groups()::contains));
    }

    private boolean asksProject(Question question) {
        return question.type() == Question.Type.PROJECT || question.type() == Question.Type.PROJECTS;
    }

    private List<FieldOption> projects(Offered template, CurrentUser user) {
        List<String> allowed = template.document().projects();
        List<Project> mayUse;
        try {
            mayUse = places.projects(user);
        }
        catch (LaunchDarklyException e) {
            // No choices to offer: the form then asks for one, and nothing is made.
            return List.of();
        }
        return mayUse.stream()
            .filter(project -> allowed.isEmpty() || allowed.contains(project.key()))
            .map(TemplateUse::option)
            .toList();
    }

    /**
     * Each environment of those projects that the person may use, as
     * {@code project/environment}.
     */
    private List<FieldOption> environments(Offered template, CurrentUser user) {
        List<FieldOption> choices = new ArrayList<>();
        for (FieldOption project : projects(template, user)) {
            places.environments(user, project.value())
                .forEach(environment -> choices.add(new FieldOption(project.value() + "/" + environment.key(),
                        project.label() + " / " + environment.name())));
        }
        return choices;
    }

    private static FieldOption option(Project project) {
        return new FieldOption(project.key(), project.name() + " (" + project.key() + ")");
    }

    private static String answer(Question question, FormValues values) {
        String value = values.first(question.key());
        if (question.type() == Question.Type.BOOLEAN) {
            return String.valueOf("true".equals(value));
        }
        if (question.type().several()) {
            return String.join(", ", values.all(question.key()));
        }
        return value == null ? "" : value.strip();
    }

    private static String filled(String text, Map<String, String> answers) {
        Matcher answer = TemplateChecks.ANSWER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (answer.find()) {
            answer.appendReplacement(filled, Matcher.quoteReplacement(answers.getOrDefault(answer.group(1), "")));
        }
        answer.appendTail(filled);
        return filled.toString();
    }

    private static @Nullable String filledOrNull(@Nullable String text, Map<String, String> answers) {
        return text == null ? null : filled(text, answers);
    }

}
