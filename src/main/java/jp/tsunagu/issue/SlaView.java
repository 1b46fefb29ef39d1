package jp.tsunagu.issue;

import java.time.OffsetDateTime;

public record SlaView(String calendar, OffsetDateTime acknowledgeBy, OffsetDateTime resolveBy, boolean ackBreached,
        boolean resolveBreached, boolean paused) {
}
