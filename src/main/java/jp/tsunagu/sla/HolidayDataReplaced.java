package jp.tsunagu.sla;

import java.time.LocalDate;

/**
 * An administrator loaded newer holiday data on this node: due times up to {@code coveredUntil} can be computed now,
 * including those that failed before with {@link HolidayDataNotCoveredException}.
 */
public record HolidayDataReplaced(LocalDate coveredUntil) {
}
