package org.ldportal.change;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the AES key (256 bits, base64) that encrypts whatever secret the portal
 * keeps for later; without it a random key is made at start-up, so kept secrets do not
 * survive a restart and cannot be shared by several instances
 */
@ConfigurationProperties("portal.secrets")
public record SecretsProperties(@Nullable String key) {

    @Override
    public String toString() {
        // Records print every component; the key must never reach a log line.
        return "SecretsProperties[key=" + (key == null ? "none" : "set") + "]";
    }
}
