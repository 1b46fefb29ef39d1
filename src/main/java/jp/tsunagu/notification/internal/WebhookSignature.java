package jp.tsunagu.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Tsunagu-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">}. The timestamp (epoch seconds, also sent
 * as {@code X-Tsunagu-Timestamp}) is part of the signed text, so a receiver that refuses old timestamps refuses
 * replays.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Tsunagu-Signature";
    public static final String TIMESTAMP_HEADER = "X-Tsunagu-Timestamp";
    public static final String DEDUP_KEY_HEADER = "X-Tsunagu-Dedup-Key";

    private WebhookSignature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
