package org.ldportal.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.springframework.stereotype.Component;

/**
 * Whether a template can ever make what it says, checked when it is saved: each step
 * against its kind's own form (fields it has, values those fields accept, required fields
 * given or left to the person, secrets never written in), and each answer a value names
 * against the questions asked. A template that passes can still meet a refusal when used
 * (a key taken by then), but never one its own text makes certain.
 */
@Component
class TemplateChecks {

    /** {@code ${team}}: where a value takes an answer. */
    static final Pattern ANSWER = Pattern.compile("\\$\\{([^}]*)}");

    private static final Pattern QUESTION_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,63}");

    private static final int MOST_STEPS = 20;

    private final StepKinds kinds;

    private final FormValidator validator;

    TemplateChecks(StepKinds kinds, FormValidator validator) {
        this.kinds = kinds;
        this.validator = validator;
    }

    List<TemplateProblem> check(TemplateDocument template) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (template.name().length() > 256) {
            problems.add(new TemplateProblem("name", "Keep the name to 256 characters or fewer."));
        }
        if (template.description().length() > 2000) {
            problems.add(new TemplateProblem("description", "Keep the description to 2000 characters or fewer."));
        }
        Map<String, Question> questions = questions(template.questions(), problems);
        forEach(template, questions, problems);
        if (template.steps().isEmpty()) {
            problems.add(new TemplateProblem("steps", "A template makes at least one thing: add a step."));
        }
        if (template.steps().size() > MOST_STEPS) {
            problems.add(new TemplateProblem("steps", "Keep a template to " + MOST_STEPS + " steps or fewer."));
        }
        for (int i = 0; i < template.steps().size(); i++) {
            step(template.steps().get(i), "steps[" + i + "]", questions, template.projects(), problems);
        }
        return problems;
    }

    /**
     * Values written into secret fields (each a problem): the page takes them out of the
     * text it shows again.
     */
    List<String> writtenSecrets(TemplateDocument template) {
        List<String> secrets = new ArrayList<>();
        for (TemplateStep step : template.steps()) {
            FormSpec form;
            try {
                form = kinds.of(step.type()).orElseThrow().fields(step.variant());
            }
            catch (IllegalArgumentException e) {
                continue;
            }
            step.values()
                .forEach((key, value) -> form.field(key)
                    .filter(FieldSpec::secret)
                    .ifPresent(field -> value.stream().filter(text -> !text.isEmpty()).forEach(secrets::add)));
        }
        return secrets;
    }

    private Map<String, Question> questions(List<Question> asked, List<TemplateProblem> problems) {
        Map<String, Question> questions = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            Question question = asked.get(i);
            String where = "questions[" + i + "]";
            if (!QUESTION_KEY.matcher(question.key()).matches()) {
                problems.add(new TemplateProblem(where + ".key",
                        "Give the question a key of letters, digits, '_' or '-', starting with a letter."));
            }
            else if (questions.putIfAbsent(question.key(), question) != null) {
                problems.add(new TemplateProblem(where + ".key",
                        "Another question has the key " + question.key() + ": each answer needs a key of its own."));
            }
            if (question.label().isBlank()) {
                problems.add(new TemplateProblem(where + ".label", "Give the question a label people will read."));
            }
            if (question.type() == Question.Type.SELECT && question.options().isEmpty()) {
                problems.add(new TemplateProblem(where + ".options", "A select question needs its options."));
            }
            if (question.pattern() != null) {
                try {
                    Pattern.compile(question.pattern());
                }
                catch (PatternSyntaxException e) {
                    problems.add(new TemplateProblem(where + ".pattern",
                            "This is not a regular expression: " + e.getDescription() + "."));
                    continue;
                }
            }
            if (question.defaultValue() != null && question.type() != Question.Type.PROJECT
                    && !question.type().several()) {
                FieldSpec field = question.field(List.of(), List.of());
                String error = error(field, List.of(question.defaultValue()));
                if (error != null) {
                    problems.add(new TemplateProblem(where + ".default", error));
                }
            }
        }
        return questions;
    }

    /**
     * A template goes over one question of several answers at most, and such a question
     * is only for that.
     */
    private static void forEach(TemplateDocument template, Map<String, Question> questions,
            List<TemplateProblem> problems) {
        String forEach = template.forEach();
        if (forEach != null) {
            Question over = questions.get(forEach);
            if (over == null || !over.type().several()) {
                problems.add(new TemplateProblem("forEach", "forEach names the question whose several answers the "
                        + "steps are made for: one of type projects or environments."));
            }
        }
        for (int i = 0; i < template.questions().size(); i++) {
            Question question = template.questions().get(i);
            if (question.type().several() && !question.key().equals(forEach)) {
                problems.add(new TemplateProblem("questions[" + i + "].type", "A question of several "
                        + question.type().key() + " is what \"forEach\" goes over: name it there, or ask for one."));
            }
        }
    }

    private void step(TemplateStep step, String where, Map<String, Question> questions, List<String> projects,
            List<TemplateProblem> problems) {
        StepKind kind = kinds.of(step.type()).orElseThrow();
        FormSpec form;
        try {
            form = kind.fields(step.variant());
        }
        catch (IllegalArgumentException e) {
            problems.add(new TemplateProblem(where + "." + kind.variant(), String.valueOf(e.getMessage())));
            return;
        }
        target(step, kind.target(), where, questions, projects, problems);
        Set<String> given = new HashSet<>();
        step.values().forEach((key, value) -> {
            given.add(key);
            value(form, key, value, where + ".values." + key, questions, problems);
        });
        for (String key : step.open()) {
            Optional<FieldSpec> field = form.field(key).filter(TemplateChecks::takesInput);
            if (field.isEmpty()) {
                problems.add(new TemplateProblem(where + ".open", unknownField(key, form)));
            }
            else if (!given.add(key)) {
                problems.add(new TemplateProblem(where + ".open",
                        key + " is both given a value and left to the person: choose one."));
            }
        }
        for (FieldSpec field : form.fields()) {
            if (field.required() && takesInput(field) && field.conditions().isEmpty() && field.defaultValue() == null
                    && field.type() != FieldType.BOOLEAN && !given.contains(field.key())) {
                problems.add(new TemplateProblem(where, field.label() + " (" + field.key()
                        + ") is required: give it a value, or list it under \"open\" for the person to fill in."));
            }
        }
    }

    private static void target(TemplateStep step, StepKind.Target target, String where, Map<String, Question> questions,
            List<String> projects, List<TemplateProblem> problems) {
        if (target == StepKind.Target.ACCOUNT) {
            if (step.project() != null || step.environment() != null) {
                problems.add(new TemplateProblem(where, "A step of type " + step.type().key()
                        + " goes to the whole account: leave out " + "\"project\" and \"environment\"."));
            }
            return;
        }
        String project = step.project();
        if (project == null || project.isBlank()) {
            problems.add(new TemplateProblem(where + ".project",
                    "Say which project: a key, or an answer such as ${project}."));
        }
        else {
            answers(project, where + ".project", questions, problems);
            if (!projects.isEmpty() && !project.contains("${") && !projects.contains(project)) {
                problems.add(new TemplateProblem(where + ".project", "The template may be used only in "
                        + String.join(", ", projects) + ", not in " + project + "."));
            }
        }
        String environment = step.environment();
        if (target == StepKind.Target.ENVIRONMENT && (environment == null || environment.isBlank())) {
            problems.add(new TemplateProblem(where + ".environment",
                    "Say which environment: a key, or one an earlier step makes, such as ${team}-qa."));
        }
        else if (target == StepKind.Target.ENVIRONMENT && environment != null) {
            answers(environment, where + ".environment", questions, problems);
        }
        else if (step.environment() != null) {
            problems.add(new TemplateProblem(where + ".environment",
                    "A step of type " + step.type().key() + " goes to a project: leave out \"environment\"."));
        }
    }

    private void value(FormSpec form, String key, List<String> value, String where, Map<String, Question> questions,
            List<TemplateProblem> problems) {
        FieldSpec field = form.field(key).filter(TemplateChecks::takesInput).orElse(null);
        if (field == null) {
            problems.add(new TemplateProblem(where, unknownField(key, form)));
            return;
        }
        boolean answered = value.stream().anyMatch(text -> ANSWER.matcher(text).find());
        if (field.secret()) {
            // Written in, it would be in the template, its versions and the trail.
            problems.add(new TemplateProblem(where, field.label()
                    + " is a secret: a template never holds one. List it under \"open\" for the person to fill in."));
            return;
        }
        if (answered) {
            value.forEach(text -> answers(text, where, questions, problems));
            return;
        }
        String error = error(field, value);
        if (error != null) {
            problems.add(new TemplateProblem(where, error));
        }
    }

    /** Each answer the text names must be asked. */
    private static void answers(String text, String where, Map<String, Question> questions,
            List<TemplateProblem> problems) {
        Matcher answer = ANSWER.matcher(text);
        while (answer.find()) {
            if (!asked(answer.group(1), questions)) {
                problems.add(new TemplateProblem(where, "${" + answer.group(1)
                        + "} names no question: ask it under \"questions\", or write the value itself."));
            }
        }
    }

    /**
     * The question whose answer the text takes first, if any: {@code env} for
     * {@code ${env.project}-qa}. Where a value's error is said.
     */
    static Optional<String> firstQuestion(String text) {
        Matcher answer = ANSWER.matcher(text);
        if (!answer.find()) {
            return Optional.empty();
        }
        String name = answer.group(1);
        int dot = name.indexOf('.');
        return Optional.of(dot < 0 ? name : name.substring(0, dot));
    }

    /**
     * Whether an answer is asked: a question's key, or for a question of environments the
     * parts of each ({@code env.project}, {@code env.environment}).
     */
    private static boolean asked(String name, Map<String, Question> questions) {
        if (questions.containsKey(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        Question question = dot < 0 ? null : questions.get(name.substring(0, dot));
        String part = name.substring(dot + 1);
        return question != null && question.type() == Question.Type.ENVIRONMENTS
                && (part.equals("project") || part.equals("environment"));
    }

    /** What the form engine says of this value for the field alone, or null. */
    private @Nullable String error(FieldSpec field, List<String> value) {
        FieldSpec alone = new FieldSpec(field.key(), field.label(), field.type(), field.required(), field.secret(),
                false, field.defaultValue(), field.defaultValues(), field.options(), field.placeholder(), field.help(),
                field.pattern(), field.patternMessage(), field.maxLength(), field.min(), field.max(), List.of());
        return validator.validate(new FormSpec(List.of(alone)), new FormValues(Map.of(field.key(), value)))
            .errors()
            .get(field.key());
    }

    private static String unknownField(String key, FormSpec form) {
        return "The form has no field " + key + "; its fields are " + String.join(", ",
                form.fields().stream().filter(TemplateChecks::takesInput).map(FieldSpec::key).toList()) + ".";
    }

    private static boolean takesInput(FieldSpec field) {
        return field.isInput();
    }

}
