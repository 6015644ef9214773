package org.ldportal.launchdarkly;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of "generate warehouse destination key pair" (schema {@code GenerateWarehouseDestinationKeyPairPostRep}). */
public record WarehouseKeyPair(
        @JsonProperty("public_key") String publicKey,
        @JsonProperty("public_key_pkcs8") String publicKeyPkcs8) {
}
