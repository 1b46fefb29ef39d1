package jp.tsunagu.issue;

import java.time.Instant;

/**
 * The level's targets of an open issue, as stored, for moving them when the city's calendar changes.
 *
 * @param levelEnteredAt when the issue reached its level, and the level's targets were computed
 * @param pausedAt       when the issue's clock stopped, null unless it is paused
 */
public record IssueDueTimes(String id, String processInstanceId, Level level, Instant levelEnteredAt,
        Instant pausedAt, Instant acknowledgeBy, Instant resolveBy) {
}
