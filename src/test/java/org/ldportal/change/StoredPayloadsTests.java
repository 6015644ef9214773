package org.ldportal.change;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stored payloads name their format: read back whatever earlier format they have (none is
 * format 1), and refused when newer than this release reads.
 */
class StoredPayloadsTests {

    record Kept(String name, List<String> tags) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writeThenTheFormatIsNamedAndTheRecordReadsBack() {
        String stored = StoredPayloads.write(json, new Kept("Production", List.of("eu")), 2);

        assertThat(stored).contains("\"format\":2");
        assertThat(StoredPayloads.read(json, stored, Kept.class, 2)).isEqualTo(new Kept("Production", List.of("eu")));
    }

    @Test
    void readWhenWrittenWithoutAFormatThenFormatOneAndWhenNewerThenRefused() {
        assertThat(StoredPayloads.read(json, "{\"name\":\"Production\",\"tags\":[]}", Kept.class, 2))
            .isEqualTo(new Kept("Production", List.of()));
        assertThatIllegalStateException()
            .isThrownBy(() -> StoredPayloads.read(json, "{\"format\":3,\"name\":\"x\",\"tags\":[]}", Kept.class, 2))
            .withMessageContaining("format 3");
    }

}
