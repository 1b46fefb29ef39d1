/**
 * The SLA clock and the city's business calendar (GitHub issue 3).
 * <p>
 * {@link jp.tsunagu.sla.BusinessCalendar} knows when the city hall is open: 08:30–17:15 on weekdays, closed on
 * weekends, national holidays (from the Cabinet Office's {@code syukujitsu.csv}), the year-end closure and one-off
 * closure days. It turns an ISO-8601 target such as {@code PT2H} or {@code P2D} into a due instant, counting only
 * opening time on the business clock and plain wall-clock time on the continuous clock. Asking about a year the
 * holiday data does not cover fails with {@link jp.tsunagu.sla.HolidayDataNotCoveredException}; it never guesses.
 * <p>
 * {@link jp.tsunagu.sla.SlaClock} applies the per-severity policy ({@code tsunagu.sla.policies.*}) to give the
 * acknowledge and resolve targets of an issue arriving at a level, and the 50% reminder instant.
 * <p>
 * See {@code docs/sla-and-calendar.md} for examples and for how the city edits its hours, closures and policies.
 */
package jp.tsunagu.sla;
