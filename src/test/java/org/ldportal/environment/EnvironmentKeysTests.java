package org.ldportal.environment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentKeysTests {

    @Test
    void deriveWhenNameHasSpacesAndCapitalsThenLowerCaseWithHyphens() {
        assertThat(EnvironmentKeys.derive("QA Europe")).isEqualTo("qa-europe");
        assertThat(EnvironmentKeys.derive("  Staging   2  ")).isEqualTo("staging-2");
    }

    @Test
    void deriveWhenNameHasAccentsAndSymbolsThenOnlyAllowedCharactersRemain() {
        assertThat(EnvironmentKeys.derive("Café – Préprod (v1.2)!")).isEqualTo("cafe-preprod-v1.2");
        assertThat(EnvironmentKeys.derive("dev_team.one")).isEqualTo("dev_team.one");
    }

    @Test
    void deriveWhenNameStartsWithSymbolsThenKeyStartsWithLetterOrDigit() {
        assertThat(EnvironmentKeys.derive("--_.Prod")).isEqualTo("prod");
        assertThat(EnvironmentKeys.derive("#1 env")).isEqualTo("1-env");
    }

    @Test
    void deriveWhenNothingUsableThenEmpty() {
        assertThat(EnvironmentKeys.derive("!!! ???")).isEmpty();
        assertThat(EnvironmentKeys.derive(null)).isEmpty();
    }

    @Test
    void deriveWhenVeryLongThenCutTo255() {
        assertThat(EnvironmentKeys.derive("a".repeat(300))).hasSize(255);
    }

    @Test
    void apiPatternAndMaxLengthThenFollowLaunchDarklysRule() {
        assertThat(accepted("qa-europe")).isTrue();
        assertThat(accepted("Prod.2_x")).isTrue();
        assertThat(accepted("-qa")).isFalse();
        assertThat(accepted("qa europe")).isFalse();
        assertThat(accepted("")).isFalse();
        assertThat(accepted("a".repeat(257))).isFalse();
    }

    @Test
    void derivedKeysThenAlwaysValid() {
        for (String name : new String[] { "QA", "Ünïcödé Ënv", "x y z", "1", "Prod (EU) / blue" }) {
            assertThat(accepted(EnvironmentKeys.derive(name))).as(name).isTrue();
        }
    }

    @Test
    void formTagListThenSplitOnCommasOnlyNeverOnSpaces() {
        EnvironmentForm form = new EnvironmentForm();
        form.setTags("team-a, mobile  beta,team-a, ,");
        // "mobile beta" stays one (invalid) tag, which validation then names, instead of
        // silently becoming two.
        assertThat(form.tagList()).containsExactly("team-a", "mobile  beta");
    }

    @Test
    void formColorWithHashThenHashDropped() {
        EnvironmentForm form = new EnvironmentForm();
        form.setColor("#A1B2C3");
        assertThat(form.getColor()).isEqualTo("A1B2C3");
    }

    /**
     * LaunchDarkly's rule as the portal states it; the environment form checks a typed
     * key against both parts.
     */
    private static boolean accepted(String key) {
        return key.length() <= EnvironmentKeys.MAX_LENGTH && key.matches(EnvironmentKeys.API_PATTERN);
    }

}
