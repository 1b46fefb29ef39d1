package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What users see once today lies past the end of the holiday data (2027-12-31 in the shipped file). */
class HolidayDataEndTest extends AbstractIntegrationTest {

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    EscalationService escalation;

    @Test
    void anOpenIssueCanStillBeReadAfterTheHolidayDataEnds() {
        at("2027-12-22T10:00:00+09:00");
        String id = intake.raise(new RaiseIssueRequest("窓口端末の故障", "年内に直らない", Category.SYSTEM,
                Severity.HIGH, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        assertThat(queries.view(id, SATO).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-12-24T10:00:00+09:00"));

        at("2028-01-05T10:00:00+09:00");
        IssueView late = queries.view(id, SATO);
        assertThat(late.sla().resolveBy()).as("the due time stands").isEqualTo(OffsetDateTime.parse("2027-12-24T10:00:00+09:00"));
        assertThat(late.sla().resolveRemaining()).as("overdue, on the wall clock since no opening time can be counted")
                .isEqualTo(Duration.between(OffsetDateTime.parse("2028-01-05T10:00:00+09:00"),
                        OffsetDateTime.parse("2027-12-24T10:00:00+09:00")));
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }
}
