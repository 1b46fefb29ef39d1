package jp.tsunagu.issue.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.SlaView;
import org.springframework.stereotype.Component;

/** Turns rows into what the API shows: times in Asia/Tokyo, personal details masked. */
@Component
class IssueViews {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private final IssueRepository issues;
    private final AudienceRepository audience;

    IssueViews(IssueRepository issues, AudienceRepository audience) {
        this.issues = issues;
        this.audience = audience;
    }

    IssueView of(IssueRow row) {
        SlaView sla = new SlaView(row.slaCalendar(), local(row.acknowledgeBy()), local(row.resolveBy()),
                row.ackBreached(), row.resolveBreached(), row.pausedAt() != null);
        return new IssueView(row.id(), row.number(), row.title(), row.description(), row.category(), row.severity(),
                row.status(), row.level(), row.sectionCode(), row.departmentCode(), issues.relatedSections(row.id()),
                audience.sharedWith(row.id()), sla, row.personalInfo(),
                row.personalDetails() == null ? null : IssueView.MASK, row.resolution(), local(row.resolvedAt()),
                local(row.createdAt()), row.createdBy());
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(CITY_ZONE).toOffsetDateTime();
    }
}
