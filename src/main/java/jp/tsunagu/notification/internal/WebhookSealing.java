package jp.tsunagu.notification.internal;

import java.nio.file.Path;

import jp.tsunagu.common.crypto.KeySource;
import jp.tsunagu.common.crypto.SealedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook addresses and secrets at rest, sealed with the webhook key: 32 bytes, base64, from
 * {@code tsunagu.webhooks.key} (environment {@code TSUNAGU_WEBHOOKS_KEY}), else a key file, created on first use when
 * {@code generate-key-if-missing} allows it (the embedded demo). A city without webhooks needs no key. It is not the
 * personal-details key, so that each can be rotated, or given to a person, on its own.
 */
@Component
class WebhookSealing {

    private final SealedText sealed;

    WebhookSealing(@Value("${tsunagu.webhooks.key:}") String configured,
            @Value("${tsunagu.webhooks.key-file:./data/webhooks.key}") Path keyFile,
            @Value("${tsunagu.webhooks.generate-key-if-missing:false}") boolean generateIfMissing) {
        this.sealed = new SealedText(new KeySource("webhook", "TSUNAGU_WEBHOOKS_KEY", configured, keyFile,
                generateIfMissing), "a webhook address or secret");
    }

    String seal(String clearText) {
        return sealed.seal(clearText);
    }

    /**
     * A row written before V12 holds clear text until the start-up pass seals it. Null (no row, as in an outer join)
     * stays null.
     */
    String open(String stored, boolean isSealed) {
        return stored == null || !isSealed ? stored : sealed.open(stored);
    }
}
