package jp.tsunagu.sla;

import java.time.Duration;
import java.time.Instant;

/** Applies the per-severity SLA policy ({@code tsunagu.sla.policies.*}) on the city's calendar. */
public interface SlaClock {

    /**
     * The targets of an issue that arrives at a level at {@code arrivedAt}. The reminder is at 50% of the acknowledge
     * target on the policy's clock: on the business clock, after half the opening time between arrival and
     * {@code acknowledgeBy}.
     *
     * @param severity {@code CRITICAL}, {@code HIGH}, {@code MEDIUM} or {@code LOW}
     * @throws IllegalArgumentException        for a severity without a policy
     * @throws HolidayDataNotCoveredException  when a business target reaches beyond the holiday data
     */
    SlaTargets targetsFor(String severity, Instant arrivedAt);

    /**
     * The targets of the severity's policy counted on {@code calendar} instead of the policy's clock: for an issue that
     * keeps the clock it entered its level with after an administrator switched the policy's clock (a fresh
     * acknowledge target at CITY).
     *
     * @throws IllegalArgumentException        for a severity without a policy
     * @throws HolidayDataNotCoveredException  when a business target reaches beyond the holiday data
     */
    SlaTargets targetsFor(String severity, Instant arrivedAt, CalendarKind calendar);

    /**
     * The time left until {@code due}, negative when overdue. On the business clock only opening time counts, so the
     * value stands still while the city hall is closed; in particular it is zero, not negative, between a due time at
     * closing and the next opening. Decide a breach by comparing instants, not by the sign of this value.
     * <p>
     * The value is for display only. Where the opening time between the two lies beyond the holiday data, it is the
     * wall-clock time instead, so that an issue stays readable after the data runs out; it never throws.
     */
    Duration remaining(Instant now, Instant due, CalendarKind kind);

    /**
     * Where {@code due} moves when an issue paused at {@code pausedAt} resumes at {@code resumedAt} (保留): by the time
     * the pause took on the target's clock, so that the time left at the pause is left again at the resumption. On the
     * business clock that is the opening time between the two, so a pause over a night or a weekend moves a due time
     * only by the opening hours it spanned, and the result is never inside a closed period.
     *
     * @throws HolidayDataNotCoveredException when the moved due time reaches beyond the holiday data
     */
    Instant afterPause(Instant due, Instant pausedAt, Instant resumedAt, CalendarKind kind);
}
