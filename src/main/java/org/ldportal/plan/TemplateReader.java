package org.ldportal.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a template's JSON into a {@link TemplateDocument}, saying where the text does not
 * have the template's shape. Whether its steps can be valid is {@link TemplateChecks}'
 * question.
 */
@Component
class TemplateReader {

    /** A template's text as read: the document, or what keeps it from being one. */
    sealed interface Read {

        record Document(TemplateDocument document) implements Read {
        }

        record Problems(List<TemplateProblem> problems) implements Read {

            public Problems {
                problems = List.copyOf(problems);
            }

        }

    }

    private final ObjectMapper json;

    private final StepKinds kinds;

    TemplateReader(ObjectMapper json, StepKinds kinds) {
        this.json = json;
        this.kinds = kinds;
    }

    Read read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        }
        catch (JacksonException e) {
            return problems(new TemplateProblem("", "This is not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return problems(
                    new TemplateProblem("", "A template is a JSON object: { \"name\": ..., \"steps\": [...] }."));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        String name = text(root, "name", "", problems);
        if (name == null || name.isBlank()) {
            problems.add(new TemplateProblem("name", "Give the template a name."));
        }
        List<Question> questions = new ArrayList<>();
        JsonNode questionNodes = array(root, "questions", "", problems);
        for (int i = 0; i < questionNodes.size(); i++) {
            question(questionNodes.get(i), "questions[" + i + "]", problems).ifPresent(questions::add);
        }
        List<TemplateStep> steps = new ArrayList<>();
        JsonNode stepNodes = array(root, "steps", "", problems);
        for (int i = 0; i < stepNodes.size(); i++) {
            step(stepNodes.get(i), "steps[" + i + "]", problems).ifPresent(steps::add);
        }
        // Every part read before the problems are counted: a part that is not what it
        // should be (groups as text, not a list) must keep the template from being
        // saved, never be dropped.
        String description = orEmpty(text(root, "description", "", problems));
        List<String> groups = strings(root, "groups", "", problems);
        List<String> projects = strings(root, "projects", "", problems);
        String forEach = text(root, "forEach", "", problems);
        if (!problems.isEmpty()) {
            return new Read.Problems(problems);
        }
        return new Read.Document(
                new TemplateDocument(orEmpty(name), description, groups, projects, questions, steps, forEach));
    }

    private Optional<Question> question(JsonNode node, String where, List<TemplateProblem> problems) {
        if (!node.isObject()) {
            problems.add(new TemplateProblem(where, "A question is an object: { \"key\": ..., \"label\": ... }."));
            return Optional.empty();
        }
        String typeName = orEmpty(text(node, "type", where, problems));
        Question.Type type = null;
        for (Question.Type candidate : Question.Type.values()) {
            if (candidate.key().equals(typeName.isEmpty() ? "text" : typeName)) {
                type = candidate;
            }
        }
        if (type == null) {
            problems.add(new TemplateProblem(where + ".type", "The type " + typeName
                    + " is not one of text, number, boolean, select, project, projects, environments."));
            return Optional.empty();
        }
        return Optional
            .of(new Question(orEmpty(text(node, "key", where, problems)), orEmpty(text(node, "label", where, problems)),
                    type, text(node, "help", where, problems), text(node, "default", where, problems),
                    node.path("required").asBoolean(false), text(node, "pattern", where, problems),
                    text(node, "patternMessage", where, problems), strings(node, "options", where, problems)));
    }

    private Optional<TemplateStep> step(JsonNode node, String where, List<TemplateProblem> problems) {
        if (!node.isObject()) {
            problems.add(new TemplateProblem(where, "A step is an object: { \"type\": ..., \"values\": {...} }."));
            return Optional.empty();
        }
        String typeName = orEmpty(text(node, "type", where, problems));
        Optional<StepKind> kind = ResourceType.of(typeName).flatMap(kinds::of);
        if (kind.isEmpty()) {
            problems.add(new TemplateProblem(where + ".type", "The type " + (typeName.isEmpty() ? "(none)" : typeName)
                    + " is not one a step can have: " + String.join(", ", kinds.typeKeys()) + "."));
            return Optional.empty();
        }
        String variant = kind.get().variant() == null ? null : text(node, kind.get().variant(), where, problems);
        Map<String, List<String>> values = new LinkedHashMap<>();
        JsonNode valueNodes = node.path("values");
        if (!valueNodes.isMissingNode() && !valueNodes.isObject()) {
            problems.add(new TemplateProblem(where + ".values", "The values are an object: { \"field\": \"value\" }."));
        }
        else {
            for (Map.Entry<String, JsonNode> value : valueNodes.properties()) {
                value(value.getValue(), where + ".values." + value.getKey(), problems)
                    .ifPresent(list -> values.put(value.getKey(), list));
            }
        }
        return Optional.of(new TemplateStep(kind.get().type(), variant, text(node, "project", where, problems),
                text(node, "environment", where, problems), values, strings(node, "open", where, problems)));
    }

    private static Optional<List<String>> value(JsonNode node, String where, List<TemplateProblem> problems) {
        if (node.isValueNode() && !node.isNull()) {
            return Optional.of(List.of(node.asString()));
        }
        if (node.isArray() && node.valueStream().allMatch(JsonNode::isValueNode)) {
            return Optional.of(node.valueStream().map(JsonNode::asString).toList());
        }
        problems.add(new TemplateProblem(where, "A value is text, a number, true or false, or a list of them."));
        return Optional.empty();
    }

    private static @Nullable String text(JsonNode node, String field, String where, List<TemplateProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(new TemplateProblem(path(where, field), "This is text, not a list or an object."));
            return null;
        }
        return value.asString();
    }

    private static JsonNode array(JsonNode node, String field, String where, List<TemplateProblem> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            problems.add(new TemplateProblem(path(where, field), "This is a list: [ ... ]."));
            return JsonNodeFactory.instance.arrayNode();
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field, String where, List<TemplateProblem> problems) {
        List<String> strings = new ArrayList<>();
        for (JsonNode value : array(node, field, where, problems)) {
            if (value.isValueNode() && !value.isNull()) {
                strings.add(value.asString());
            }
            else {
                problems.add(new TemplateProblem(path(where, field), "This is a list of text."));
            }
        }
        return strings;
    }

    private static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static Read problems(TemplateProblem problem) {
        return new Read.Problems(List.of(problem));
    }

}
