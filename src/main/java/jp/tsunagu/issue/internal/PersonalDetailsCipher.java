package jp.tsunagu.issue.internal;

import jp.tsunagu.common.crypto.SealedText;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal details at rest ({@link SealedText}). The stored form is
 * {@code v1:<base64(iv || ciphertext+tag)>}; the version names the key, so a rotated key can be added beside the old
 * one.
 */
@Component
class PersonalDetailsCipher {

    private final SealedText sealed;

    PersonalDetailsCipher(PersonalDetailsKey key) {
        this.sealed = new SealedText(key.source(), "personal details");
    }

    String encrypt(String clearText) {
        return sealed.seal(clearText);
    }

    String decrypt(String stored) {
        return sealed.open(stored);
    }
}
