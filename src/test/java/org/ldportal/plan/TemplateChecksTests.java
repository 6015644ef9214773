package org.ldportal.plan;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading and checking a template against a kind of step with one form: the rules of
 * questions, values, answers and open fields, apart from any feature's form.
 */
class TemplateChecksTests {

    private static final FormSpec FORM = new FormSpec(List.of(
            FieldSpec.builder("name", "Name", FieldType.TEXT).required(true).maxLength(20).build(),
            FieldSpec.builder("size", "Size", FieldType.NUMBER).range(1L, 9L).build(),
            FieldSpec.builder("events", "Events", FieldType.MULTISELECT)
                .options(List.of(new FieldOption("a", "A"), new FieldOption("b", "B")))
                .build(),
            FieldSpec.builder("token", "Token", FieldType.TEXT).required(true).secret(true).build(),
            FieldSpec.builder("id", "Id", FieldType.READ_ONLY).build()));

    private static final StepKind KIND = new StepKind() {

        @Override
        public ResourceType type() {
            return ResourceType.ENVIRONMENT;
        }

        @Override
        public Target target() {
            return Target.PROJECT;
        }

        @Override
        public @Nullable String variant() {
            return null;
        }

        @Override
        public FormSpec fields(@Nullable String variant) {
            return FORM;
        }

        @Override
        public StepChange<?> prepare(Target.Where where, FormValues values, CurrentUser user) {
            throw new UnsupportedOperationException("Checking a template prepares nothing");
        }

        @Override
        public Optional<PreparedChange<?>> undo(Target.Where where, String made, CurrentUser user) {
            throw new UnsupportedOperationException("Checking a template undoes nothing");
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StepKinds kinds = new StepKinds(List.of(KIND));

    private final TemplateReader reader = new TemplateReader(JSON, kinds);

    private final TemplateChecks checks = new TemplateChecks(kinds, new FormValidator(JSON));

    @Test
    void checkWhenEveryValueFitsThenNoProblem() {
        assertThat(problems("""
                { "name": "Fine", "questions": [ { "key": "team", "label": "Team", "default": "core" } ],
                  "steps": [ { "type": "environment", "project": "p-${team}",
                    "values": { "name": "${team}", "size": 3, "events": [ "a", "b" ] }, "open": [ "token" ] } ] }
                """)).isEmpty();
    }

    @Test
    void checkWhenQuestionsAreWrongThenEachSaid() {
        assertThat(problems("""
                { "name": "Q", "questions": [
                    { "key": "team", "label": "Team" }, { "key": "team", "label": "Again" },
                    { "key": "1st", "label": "" },
                    { "key": "size", "label": "Size", "type": "number", "default": "many" },
                    { "key": "pick", "label": "Pick", "type": "select" },
                    { "key": "code", "label": "Code", "pattern": "[a-" } ],
                  "steps": [ { "type": "environment", "project": "p", "values": { "name": "x" },
                    "open": [ "token" ] } ] }
                """)).extracting(TemplateProblem::where)
            .containsExactly("questions[1].key", "questions[2].key", "questions[2].label", "questions[3].default",
                    "questions[4].options", "questions[5].pattern");
    }

    @Test
    void checkWhenValuesAreWrongThenEachSaidAtItsField() {
        assertThat(problems("""
                { "name": "V", "steps": [ { "type": "environment", "project": "p",
                    "values": { "name": "far too long for this field", "size": 12, "events": [ "c" ], "id": "x",
                                "token": "${token}" },
                    "open": [ "name", "colour" ] } ] }
                """)).extracting(TemplateProblem::toString)
            .contains("steps[0].values.name: Keep Name to 20 characters or fewer.")
            .contains("steps[0].values.size: Enter a whole number from 1 to 9.")
            .anyMatch(problem -> problem.startsWith("steps[0].values.events:"))
            .contains("steps[0].values.id: The form has no field id; its fields are name, size, events, token.")
            .anyMatch(problem -> problem.startsWith("steps[0].values.token: Token is a secret"))
            .contains("steps[0].open: name is both given a value and left to the person: choose one.")
            .anyMatch(problem -> problem.startsWith("steps[0].open: The form has no field colour"));
    }

    @Test
    void checkWhenForEachIsWrongThenSaid() {
        String step = "\"steps\": [ { \"type\": \"environment\", \"project\": \"${over}\", "
                + "\"values\": { \"name\": \"n\" }, \"open\": [ \"token\" ] } ]";
        assertThat(problems("{ \"name\": \"F\", \"forEach\": \"team\", \"questions\": [ { \"key\": \"team\", "
                + "\"label\": \"Team\" }, { \"key\": \"over\", \"label\": \"Over\", \"type\": \"projects\" } ], " + step
                + " }"))
            .extracting(TemplateProblem::where)
            .containsExactly("forEach", "questions[1].type");
        assertThat(problems("{ \"name\": \"F\", \"forEach\": \"over\", \"questions\": [ { \"key\": \"over\", "
                + "\"label\": \"Over\", \"type\": \"environments\" } ], " + step.replace("${over}", "${over.project}")
                + " }"))
            .isEmpty();
        assertThat(problems("{ \"name\": \"F\", \"forEach\": \"over\", \"questions\": [ { \"key\": \"over\", "
                + "\"label\": \"Over\", \"type\": \"projects\" } ], " + step.replace("${over}", "${over.project}")
                + " }"))
            .extracting(TemplateProblem::where)
            .containsExactly("steps[0].project");
    }

    @Test
    void checkWhenNoStepsOrTooManyThenSaid() {
        assertThat(problems("{ \"name\": \"Empty\" }")).extracting(TemplateProblem::where).containsExactly("steps");
        String step = "{ \"type\": \"environment\", \"project\": \"p\", \"values\": { \"name\": \"n\" }, "
                + "\"open\": [ \"token\" ] }";
        String many = "{ \"name\": \"Many\", \"steps\": [ " + String.join(", ", Collections.nCopies(21, step)) + " ] }";
        assertThat(problems(many)).extracting(TemplateProblem::message)
            .containsExactly("Keep a template to 20 steps or fewer.");
    }

    @Test
    void readWhenTheShapeIsWrongThenSaidWhere() {
        assertThat(problems("[]")).extracting(TemplateProblem::message)
            .containsExactly("A template is a JSON object: { \"name\": ..., \"steps\": [...] }.");
        assertThat(problems("{ \"steps\": {}, \"questions\": [ 3 ] }")).extracting(TemplateProblem::toString)
            .contains("name: Give the template a name.", "steps: This is a list: [ ... ].")
            .anyMatch(problem -> problem.startsWith("questions[0]: A question is an object"));
        assertThat(problems("{ \"name\": \"G\", \"groups\": \"platform\", \"projects\": { \"a\": 1 }, \"steps\": [] }"))
            .as("who may use it is never dropped for being written wrong")
            .extracting(TemplateProblem::where)
            .containsExactly("groups", "projects");
        assertThat(problems("{ \"name\": \"X\", \"steps\": [ { \"type\": \"environment\", \"values\": [] } ] }"))
            .extracting(TemplateProblem::where)
            .containsExactly("steps[0].values");
    }

    @Test
    void writtenSecretsWhenATokenIsTypedInThenFoundToBeTakenOut() {
        TemplateReader.Read read = reader.read("""
                { "name": "S", "steps": [ { "type": "environment", "project": "p",
                    "values": { "name": "n", "token": "tk-123" } } ] }
                """);
        assertThat(checks.writtenSecrets(((TemplateReader.Read.Document) read).document())).containsExactly("tk-123");
    }

    private List<TemplateProblem> problems(String text) {
        TemplateReader.Read read = reader.read(text);
        if (read instanceof TemplateReader.Read.Problems problems) {
            return problems.problems();
        }
        return checks.check(((TemplateReader.Read.Document) read).document());
    }

}
