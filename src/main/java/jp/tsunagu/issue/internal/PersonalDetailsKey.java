package jp.tsunagu.issue.internal;

import java.nio.file.Path;

import jp.tsunagu.common.crypto.KeySource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The personal-details key: 32 bytes, base64, from {@code tsunagu.personal-details.key} (environment
 * {@code TSUNAGU_PERSONAL_DETAILS_KEY}). Without one, a key file is used, and created on first use when
 * {@code generate-key-if-missing} allows it (the embedded demo). The key never lives in the repository.
 */
@Component
class PersonalDetailsKey {

    private final KeySource source;

    PersonalDetailsKey(@Value("${tsunagu.personal-details.key:}") String configured,
            @Value("${tsunagu.personal-details.key-file:./data/personal-details.key}") Path keyFile,
            @Value("${tsunagu.personal-details.generate-key-if-missing:false}") boolean generateIfMissing) {
        this.source = new KeySource("personal-details", "TSUNAGU_PERSONAL_DETAILS_KEY", configured, keyFile,
                generateIfMissing);
    }

    KeySource source() {
        return source;
    }
}
