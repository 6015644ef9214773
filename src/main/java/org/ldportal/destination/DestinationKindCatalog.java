package org.ldportal.destination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The nine destination kinds, read at start-up from {@code destinations/kinds.json}:
 * adding a field or a kind is a change of data, not of code.
 */
@Component
class DestinationKindCatalog {

    static final String RESOURCE = "destinations/kinds.json";

    private final Map<String, DestinationKind> kinds;

    private final List<String> order;

    @Autowired
    DestinationKindCatalog(ObjectMapper json) {
        this(read(json));
    }

    DestinationKindCatalog(JsonNode document) {
        List<FieldOption> regions = options(document.get("awsRegions"));
        Map<String, DestinationKind> parsed = new LinkedHashMap<>();
        for (JsonNode kind : document.get("kinds")) {
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode field : kind.get("fields")) {
                fields.add(field(field, regions));
            }
            String key = kind.get("kind").asString();
            parsed.put(key, new DestinationKind(key, kind.get("title").asString(), kind.path("summary").asString(null),
                    DestinationKind.Flow.valueOf(kind.get("flow").asString()), kind.path("notice").asString(null),
                    new FormSpec(fields), nonSecretKeys(kind.get("nonSecretKeys"))));
        }
        this.kinds = Map.copyOf(parsed);
        this.order = List.copyOf(parsed.keySet());
    }

    List<DestinationKind> all() {
        return order.stream().map(kinds::get).toList();
    }

    Optional<DestinationKind> find(String kind) {
        return Optional.ofNullable(kind == null ? null : kinds.get(kind));
    }

    private static FieldSpec field(JsonNode field, List<FieldOption> regions) {
        FieldSpec.Builder spec = FieldSpec
            .builder(field.get("key").asString(), field.get("label").asString(),
                    FieldType.valueOf(field.path("type").asString("TEXT")))
            .required(field.path("required").asBoolean(false))
            .secret(field.path("secret").asBoolean(false))
            .help(field.path("help").asString(null))
            .placeholder(field.path("placeholder").asString(null))
            .defaultValue(field.path("default").asString(null));
        if (field.has("pattern")) {
            spec.pattern(field.get("pattern").asString(), field.path("patternMessage").asString(null));
        }
        if (field.has("maxLength")) {
            spec.maxLength(field.get("maxLength").asInt());
        }
        JsonNode options = field.get("options");
        if (options != null) {
            spec.options(options.isString() && options.asString().equals("aws-regions") ? regions : options(options));
        }
        return spec.build();
    }

    /**
     * For a kind whose config is free-form JSON: the keys whose values are not secret;
     * every other value is.
     */
    private static Set<String> nonSecretKeys(JsonNode array) {
        Set<String> keys = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(key -> keys.add(key.asString()));
        }
        return Collections.unmodifiableSet(keys);
    }

    private static List<FieldOption> options(JsonNode array) {
        List<FieldOption> options = new ArrayList<>();
        array.forEach(
                option -> options.add(new FieldOption(option.get("value").asString(), option.get("label").asString())));
        return options;
    }

    private static JsonNode read(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the destination kinds from " + RESOURCE, e);
        }
    }

}
