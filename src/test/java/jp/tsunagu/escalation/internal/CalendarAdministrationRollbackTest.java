package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarAdministration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * {@link CalendarAdministration} owns a change's transaction: when recording the due times it moves fails, the change
 * is not stored, not audited and not in use on this node, whichever change it is. Here rather than in the sla module's
 * tests because the record is the escalation module's. August 2027, which no other test uses: Monday 8/16 and
 * Tuesday 8/17 are business days, and the issue raised on Monday is due on Tuesday.
 */
class CalendarAdministrationRollbackTest extends AbstractIntegrationTest {

    private static final LocalDate TUESDAY = LocalDate.parse("2027-08-17");
    private static final Instant TUESDAY_MORNING = Instant.parse("2027-08-17T01:00:00Z");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final String REFUSED = "the database refused the record";

    @Autowired
    CalendarAdministration administration;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    IssueIntake intake;

    @Autowired
    CalendarChangeWorker worker;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    CalendarChanges changes;

    @BeforeEach
    void anIssueDueOnTuesday() {
        worker.moveDue();
        at("2027-08-16T10:00:00+09:00");
        intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM, Severity.MEDIUM,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty());
        at("2027-08-16T11:00:00+09:00");
    }

    @AfterEach
    void openOnTuesdayAgain() {
        doCallRealMethod().when(changes).record(any(), anyInt());
        calendar.removeClosure(TUESDAY);
        worker.moveDue();
    }

    @Test
    void aClosureWhoseMoveCannotBeRecordedIsNeitherStoredNorAuditedNorInUse() {
        long audited = audited("%2027-08-17%");
        long recorded = changesRecorded();
        failToRecordTheMove();

        assertThatThrownBy(() -> administration.addClosure(TUESDAY, "臨時閉庁", "admin")).hasMessage(REFUSED);
        assertThat(closuresStoredOnTuesday()).as("the closure rolled back").isZero();
        assertThat(audited("%2027-08-17%")).as("and its audit event").isEqualTo(audited);
        assertThat(changesRecorded()).isEqualTo(recorded);
        assertThat(calendar.isOpen(TUESDAY_MORNING)).as("this node's calendar follows the database").isTrue();
        assertThat(calendar.addedClosures()).extracting(BusinessCalendar.Closure::date).doesNotContain(TUESDAY);
    }

    @Test
    void aRemovalWhoseMoveCannotBeRecordedLeavesTheClosureAndAuditsNothing() {
        assertThat(administration.addClosure(TUESDAY, "臨時閉庁", "admin").issuesToMove()).isPositive();
        worker.moveDue();
        long audited = audited("%closure removed%2027-08-17%");
        failToRecordTheMove();

        assertThatThrownBy(() -> administration.removeClosure(TUESDAY)).hasMessage(REFUSED);
        assertThat(closuresStoredOnTuesday()).as("the closure stands").isOne();
        assertThat(audited("%closure removed%2027-08-17%")).isEqualTo(audited);
        assertThat(calendar.isOpen(TUESDAY_MORNING)).as("still closed on this node").isFalse();
    }

    @Test
    void holidayDataWhoseMoveCannotBeRecordedIsNeitherStoredNorAuditedNorInUse() throws IOException {
        byte[] inUse = holidayDataInUse();
        String text = new String(inUse, SHIFT_JIS);
        String withTuesday = text.replaceFirst("(2027/8/11,[^\r\n]*\r?\n)", "$12027/8/17,休日\r\n");
        assertThat(withTuesday).as("a holiday added on Tuesday").isNotEqualTo(text);
        Optional<byte[]> storedBefore = storedHolidayData();
        long audited = audited("%holiday data%");
        failToRecordTheMove();

        assertThatThrownBy(() -> administration.replaceHolidayData(withTuesday.getBytes(SHIFT_JIS))).hasMessage(REFUSED);
        assertThat(storedHolidayData().orElse(null)).as("the file rolled back").isEqualTo(storedBefore.orElse(null));
        assertThat(audited("%holiday data%")).as("and its audit event").isEqualTo(audited);
        assertThat(calendar.holidayName(TUESDAY)).as("this node's calendar follows the database").isEmpty();
        assertThat(calendar.isOpen(TUESDAY_MORNING)).isTrue();
    }

    private void failToRecordTheMove() {
        doThrow(new IllegalStateException(REFUSED)).when(changes).record(any(), anyInt());
    }

    private long closuresStoredOnTuesday() {
        return jdbc.sql("select count(*) from calendar_closure where closure_date = ?").param(Date.valueOf(TUESDAY))
                .query(Long.class).single();
    }

    private long audited(String detailsLike) {
        return jdbc.sql("select count(*) from audit_event where action = 'ADMINISTRATION_CHANGED' and details like ?")
                .param(detailsLike).query(Long.class).single();
    }

    private long changesRecorded() {
        return jdbc.sql("select count(*) from calendar_change").query(Long.class).single();
    }

    private Optional<byte[]> storedHolidayData() {
        return jdbc.sql("select csv from holiday_data where id = 1").query(byte[].class).optional();
    }

    private byte[] holidayDataInUse() throws IOException {
        Optional<byte[]> stored = storedHolidayData();
        if (stored.isPresent()) {
            return stored.get();
        }
        try (InputStream shipped = getClass().getResourceAsStream("/holidays/syukujitsu.csv")) {
            return shipped.readAllBytes();
        }
    }
}
