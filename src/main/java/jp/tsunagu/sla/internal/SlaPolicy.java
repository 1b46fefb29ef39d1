package jp.tsunagu.sla.internal;

import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;

/** One severity's checked policy: the clock it runs on and its two targets. */
public record SlaPolicy(CalendarKind calendar, SlaDuration acknowledge, SlaDuration resolve) {
}
