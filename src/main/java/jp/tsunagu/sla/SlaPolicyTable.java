package jp.tsunagu.sla;

import java.util.List;

/** The SLA policies as configured ({@code tsunagu.sla.policies.*}), read-only, for the administrators' page. */
public interface SlaPolicyTable {

    /** One line per severity, most severe first. */
    List<Row> rows();

    /** One severity's policy: the clock it runs on and its two targets. */
    record Row(String severity, CalendarKind calendar, SlaDuration acknowledge, SlaDuration resolve) {
    }
}
