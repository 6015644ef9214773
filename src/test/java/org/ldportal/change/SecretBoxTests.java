package org.ldportal.change;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void encryptThenDecryptGivesTheSecretBackAndNeverTheSameText() {
        SecretBox box = new SecretBox(new SecretsProperties(KEY));

        String once = box.encrypt("wk_live_123");
        String twice = box.encrypt("wk_live_123");

        assertThat(once).doesNotContain("wk_live_123").isNotEqualTo(twice);
        assertThat(box.decrypt(once)).isEqualTo("wk_live_123");
        assertThat(new SecretBox(new SecretsProperties(KEY)).decrypt(twice)).as("same key, another instance")
            .isEqualTo("wk_live_123");
    }

    @Test
    void decryptWhenChangedOrAnotherKeyThenRefused() {
        SecretBox box = new SecretBox(new SecretsProperties(KEY));
        String sealed = box.encrypt("wk_live_123");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> box.decrypt(Base64.getEncoder().encodeToString(bytes)))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties(null)).decrypt(sealed)).as("a random start-up key")
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyWhenNotThirtyTwoBytesOfBase64ThenStartUpSaysWhatToGive() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties(sixteenBytes)))
            .hasMessageContaining("must be 32 bytes")
            .hasMessageContaining("it is 16 bytes");
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties("not base64 !!")))
            .hasMessageContaining("is not base64");
    }

    @org.junit.jupiter.api.Test
    void decryptWhenSealedForAnotherContextThenRefused() {
        SecretBox box = new SecretBox(new SecretsProperties(null));
        String sealed = box.encrypt("the secret", "approval-request:a:destination");

        org.assertj.core.api.Assertions.assertThat(box.decrypt(sealed, "approval-request:a:destination"))
            .isEqualTo("the secret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.decrypt(sealed, "approval-request:b:destination"))
            .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.decrypt(sealed))
            .isInstanceOf(IllegalStateException.class);
    }

}
