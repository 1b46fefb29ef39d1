package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.Map;

import jp.tsunagu.sla.DueTimeShift;

/**
 * A change of the city's calendar whose open issues' due times are being moved.
 *
 * @param changedAt when the new calendar came into force: targets computed since count on it already
 */
record PendingCalendarChange(long id, Map<String, String> reason, Instant changedAt, DueTimeShift shift) {
}
