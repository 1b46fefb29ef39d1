package jp.tsunagu.issue.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal details at rest. The stored form is {@code v1:<base64(iv || ciphertext+tag)>}; the version
 * names the key, so a rotated key can be added beside the old one.
 */
@Component
class PersonalDetailsCipher {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final PersonalDetailsKey key;

    PersonalDetailsCipher(PersonalDetailsKey key) {
        this.key = key;
    }

    String encrypt(String clearText) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal details could not be encrypted", e);
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("unknown personal-details key version");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal details could not be decrypted", e);
        }
    }

    private SecretKey secret() {
        return key.secretKey();
    }
}
