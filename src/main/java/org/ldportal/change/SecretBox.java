package org.ldportal.change;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one facility that encrypts secrets the portal keeps for later (a form's typed
 * secrets): AES-GCM, a fresh nonce for every value, the key from
 * {@code portal.secrets.key}.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(SecretsProperties properties) {
        this.key = properties.key() == null || properties.key().isBlank() ? generated() : given(properties.key());
    }

    public String encrypt(String plain) {
        return encrypt(plain, null);
    }

    /**
     * Seals a value bound to its context (associated data, for example the record it
     * belongs to): it opens only with the same context, so a sealed value copied to
     * another record does not.
     */
    public String encrypt(String plain, @Nullable String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (context != null) {
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            }
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    /**
     * The plain text, or throws when the value was not sealed with this key (or was
     * changed).
     */
    public String decrypt(String sealed) {
        return decrypt(sealed, null);
    }

    /** As {@link #decrypt(String)}, for a value sealed with this context. */
    public String decrypt(String sealed, @Nullable String context) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(sealed));
            byte[] nonce = new byte[NONCE_BYTES];
            bytes.get(nonce);
            byte[] rest = new byte[bytes.remaining()];
            bytes.get(rest);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (context != null) {
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            }
            return new String(cipher.doFinal(rest), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException | BufferUnderflowException e) {
            throw new IllegalStateException("Could not decrypt a kept secret");
        }
    }

    private static SecretKey given(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.secrets.key is not base64: give 32 random bytes, base64-encoded "
                    + "(for example: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "portal.secrets.key must be 32 bytes (256 bits), base64-encoded; it is " + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey generated() {
        log.warn("portal.secrets.key is not set: secrets kept for a form are encrypted with a key made at start-up, so "
                + "they do not survive a restart and cannot be read by another instance. Set PORTAL_SECRETS_KEY.");
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES on this JVM", e);
        }
    }

}
