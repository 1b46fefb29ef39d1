package jp.tsunagu.sla;

import java.time.LocalDate;
import java.util.Set;

/**
 * The days a calendar counted as closed besides the configured ones, as stored: the administrator's closure days and
 * the holiday file (the Cabinet Office's Shift_JIS bytes). Enough to build that calendar again on any node, so that a
 * change of the opening days can still be applied to the open issues after a restart.
 */
public record CalendarDays(Set<LocalDate> closures, byte[] holidayData) {

    public CalendarDays {
        closures = Set.copyOf(closures);
        holidayData = holidayData.clone();
    }

    @Override
    public byte[] holidayData() {
        return holidayData.clone();
    }
}
