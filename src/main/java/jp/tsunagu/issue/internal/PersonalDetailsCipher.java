package jp.tsunagu.issue.internal;

import java.nio.file.Path;

import jp.tsunagu.common.crypto.KeySource;
import jp.tsunagu.common.crypto.SealedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for personal details at rest ({@link SealedText}): the stored form is
 * {@code v1:<base64(iv || ciphertext+tag)>}, and the version names the key, so a rotated key can be added beside the
 * old one. The key is 32 bytes, base64, from {@code tsunagu.personal-details.key} (environment
 * {@code TSUNAGU_PERSONAL_DETAILS_KEY}); without one, a key file is used, and created on first use when
 * {@code generate-key-if-missing} allows it (the embedded demo). The key never lives in the repository.
 */
@Component
class PersonalDetailsCipher {

    private final SealedText sealed;

    PersonalDetailsCipher(@Value("${tsunagu.personal-details.key:}") String configured,
            @Value("${tsunagu.personal-details.key-file:./data/personal-details.key}") Path keyFile,
            @Value("${tsunagu.personal-details.generate-key-if-missing:false}") boolean generateIfMissing) {
        this.sealed = new SealedText(new KeySource("personal-details", "TSUNAGU_PERSONAL_DETAILS_KEY", configured,
                keyFile, generateIfMissing), "personal details");
    }

    String encrypt(String clearText) {
        return sealed.seal(clearText);
    }

    String decrypt(String stored) {
        return sealed.open(stored);
    }
}
