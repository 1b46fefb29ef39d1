package jp.tsunagu.sla.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.SlaDuration;
import jp.tsunagu.sla.SlaPolicyTable;
import jp.tsunagu.sla.internal.AuditedCalendarAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.context.annotation.Import;

@WebMvcTest(CalendarPageController.class)
@Import(AuditedCalendarAdministration.class) // the real service, on the mocked calendar and audit trail
@WithMockUser(username = "admin", roles = "ADMIN")
class CalendarPageControllerTest {

    static final LocalDate CLOSED = LocalDate.parse("2027-03-01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BusinessCalendar calendar;

    @MockitoBean
    SlaPolicyTable policies;

    @MockitoBean
    AuditTrail auditTrail;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void world() {
        given(clock.instant()).willReturn(Instant.parse("2027-10-15T01:00:00Z"));
        given(calendar.holidayDataCoversUntil()).willReturn(LocalDate.parse("2027-12-31"));
        given(calendar.addClosure(any(), any(), any())).willReturn(new BusinessCalendar.ClosureAdded(Optional.empty(), 0));
    }

    @Test
    void showsCoverageTheWarningAndTheClosures() throws Exception {
        given(calendar.holidayDataRunsOutWithin(LocalDate.parse("2027-10-15"), 90)).willReturn(true);
        given(calendar.addedClosures()).willReturn(List.of(new BusinessCalendar.Closure(CLOSED, "庁舎設備点検")));

        mvc.perform(get("/admin/calendar"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2027-12-31 までの分があります"),
                        containsString("id=\"holidays-warning\""), containsString("90日を切りました"),
                        containsString("庁舎設備点検"), containsString("action=\"/admin/calendar/closures/2027-03-01/remove\""),
                        containsString("enctype=\"multipart/form-data\""))));
        mvc.perform(get("/admin/calendar").param("lang", "en"))
                .andExpect(content().string(containsString("<td lang=\"ja\">庁舎設備点検</td>")));
    }

    @Test
    void noWarningWhileTheDataLasts() throws Exception {
        mvc.perform(get("/admin/calendar"))
                .andExpect(content().string(allOf(not(containsString("id=\"holidays-warning\"")),
                        containsString("臨時休庁日はありません。"))));
    }

    @Test
    void loadsAHolidayFileAndAuditsIt() throws Exception {
        byte[] csv = "x".getBytes();
        mvc.perform(multipart("/admin/calendar/holidays").file(new MockMultipartFile("file", "syukujitsu.csv", "text/csv", csv))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("successKey", "admin.holidays.done"));
        verify(calendar).replaceHolidayData(csv);
        verify(auditTrail).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    void aBrokenHolidayFileIsRefusedWithItsLine() throws Exception {
        willThrow(new InvalidHolidayDataException(3, InvalidHolidayDataException.Problem.NOT_A_DATE, "2028/13/1,祝日"))
                .given(calendar).replaceHolidayData(any());

        mvc.perform(multipart("/admin/calendar/holidays").file(new MockMultipartFile("file", "x.csv", "text/csv", "x".getBytes()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("holidayErrorLine", 3))
                .andExpect(flash().attribute("holidayError", "NOT_A_DATE"))
                .andExpect(flash().attribute("holidayErrorArgs", new String[] {"2028/13/1,祝日"}));
        verify(auditTrail, never()).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    void aBrokenHolidayFileNamesItsLineOnThePage() throws Exception {
        mvc.perform(get("/admin/calendar").flashAttr("holidayError", "NOT_A_DATE")
                        .flashAttr("holidayErrorArgs", new String[] {"2028/13/1,祝日"}).flashAttr("holidayErrorLine", 3))
                .andExpect(content().string(allOf(containsString("祝日ファイルの3行目に誤りがあるため、読み込みませんでした。"),
                        containsString("<p id=\"holidays-problem\">「2028/13/1,祝日」は実在しない日付です。</p>"))));
    }

    @Test
    void aBrokenHolidayFileIsExplainedInEnglishToAnEnglishReader() throws Exception {
        mvc.perform(get("/admin/calendar").param("lang", "en").flashAttr("holidayError", "INCOMPLETE_YEAR")
                        .flashAttr("holidayErrorArgs", new String[] {"2028", "2028-11-23"}).flashAttr("holidayErrorLine", 0))
                .andExpect(content().string(containsString("<p id=\"holidays-problem\">The year 2028 is incomplete:"
                        + " 2028-11-23 is not listed. The file must hold whole years.</p>")));
    }

    @Test
    void addsAndRemovesAClosureAuditsBothAndSaysHowManyIssuesMove() throws Exception {
        given(calendar.addClosure(CLOSED, "庁舎設備点検", "admin"))
                .willReturn(new BusinessCalendar.ClosureAdded(Optional.empty(), 12));
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-03-01").param("reason", " 庁舎設備点検 "))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("successKey", "admin.closures.added"))
                .andExpect(flash().attribute("movingIssues", 12));
        verify(calendar).addClosure(CLOSED, "庁舎設備点検", "admin");
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure added", "date", "2027-03-01", "reason", "庁舎設備点検", "issuesToMove", 12));

        given(calendar.removeClosure(CLOSED)).willReturn(OptionalInt.of(12));
        mvc.perform(post("/admin/calendar/closures/2027-03-01/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("movingIssues", 12));
        verify(calendar).removeClosure(CLOSED);
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure removed", "date", "2027-03-01", "issuesToMove", 12));
    }

    /** Harmless, so accepted and audited; the administrator is told it changes no due time, in both languages. */
    @Test
    void aClosureOnADayClosedAnywayOrPastIsAddedAndSaidToMoveNothing() throws Exception {
        LocalDate saturday = LocalDate.parse("2027-10-16");
        given(calendar.isClosedOn(saturday)).willReturn(true);
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-10-16").param("reason", "庁舎設備点検"))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("successKey", "admin.closures.added.closedAnyway"));
        verify(calendar).addClosure(saturday, "庁舎設備点検", "admin");

        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-10-14").param("reason", "停電"))
                .andExpect(flash().attribute("successKey", "admin.closures.added.past"));
        verify(calendar).addClosure(LocalDate.parse("2027-10-14"), "停電", "admin");
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure added", "date", "2027-10-14", "reason", "停電", "issuesToMove", 0));

        mvc.perform(get("/admin/calendar").flashAttr("successKey", "admin.closures.added.closedAnyway"))
                .andExpect(content().string(containsString("この日はもともと閉庁日")));
        mvc.perform(get("/admin/calendar").param("lang", "en").flashAttr("successKey", "admin.closures.added.past"))
                .andExpect(content().string(containsString("This day has passed")));
    }

    /** A day the holiday data does not reach is no reason to refuse the closure, nor to guess what it was. */
    @Test
    void aClosureBeyondTheHolidayDataIsAddedAsUsual() throws Exception {
        given(calendar.isClosedOn(LocalDate.parse("2028-01-04")))
                .willThrow(new HolidayDataNotCoveredException(LocalDate.parse("2028-01-04"), LocalDate.parse("1955-01-01"),
                        LocalDate.parse("2027-12-31")));
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2028-01-04").param("reason", "庁舎移転"))
                .andExpect(flash().attribute("successKey", "admin.closures.added"));
    }

    @Test
    void removingADateThatIsNoClosureSaysSoAndAuditsNothing() throws Exception {
        mvc.perform(post("/admin/calendar/closures/2027-03-02/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("errorKey", "admin.closures.error.notAClosure"));
        verify(auditTrail, never()).record(any(), any(), any());
    }

    @Test
    void addingAClosureAgainChangesItsReasonAuditedWithTheOldOneOrNothingAtAll() throws Exception {
        given(calendar.addClosure(CLOSED, "停電を伴う設備工事", "admin")).willReturn(new BusinessCalendar.ClosureAdded(Optional.of("庁舎設備点検"), 0));
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-03-01")
                        .param("reason", "停電を伴う設備工事"))
                .andExpect(flash().attribute("successKey", "admin.closures.reasonChanged"));
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "closure reason changed",
                "date", "2027-03-01", "before.reason", "庁舎設備点検", "reason", "停電を伴う設備工事"));

        given(calendar.addClosure(CLOSED, "庁舎設備点検", "admin")).willReturn(new BusinessCalendar.ClosureAdded(Optional.of("庁舎設備点検"), 0));
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-03-01")
                        .param("reason", "庁舎設備点検"))
                .andExpect(flash().attribute("successKey", "admin.closures.unchanged"));
        verifyNoMoreInteractions(auditTrail);
    }

    @Test
    void aClosureWithoutAReasonIsRefused() throws Exception {
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-03-01"))
                .andExpect(flash().attribute("errorKey", "admin.closures.error.invalid"));
        verify(calendar, never()).addClosure(any(), any(), any());
    }

    /** A refused closure comes back as it was typed, the refused field marked and described: nothing is lost. */
    @Test
    void aRefusedClosureKeepsWhatWasTypedAndMarksTheField() throws Exception {
        Map<String, String> typed = Map.of("date", "2027-03-01", "reason", "   ");
        Map<String, String> errors = Map.of("reason", "admin.closures.error.reason");
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "2027-03-01").param("reason", "   "))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("closureValues", typed))
                .andExpect(flash().attribute("closureErrors", errors));
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("reason", "庁舎設備点検"))
                .andExpect(flash().attribute("closureValues", Map.of("date", "", "reason", "庁舎設備点検")))
                .andExpect(flash().attribute("closureErrors", Map.of("date", "admin.closures.error.date")));

        mvc.perform(get("/admin/calendar").flashAttr("closureValues", typed).flashAttr("closureErrors", errors))
                .andExpect(content().string(allOf(containsString("id=\"closure-date\" name=\"date\" value=\"2027-03-01\""),
                        containsString("<p class=\"field-error\" id=\"closure-reason-error\">理由を1〜200文字で入力してください。</p>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"closure-reason-error\""))));
    }

    @Test
    void showsTheSlaPolicyTableWithWhoChangedWhatAndTheFormFilledFromIt() throws Exception {
        given(policies.rows()).willReturn(List.of(
                new SlaPolicyTable.Row("CRITICAL", CalendarKind.CONTINUOUS, SlaDuration.parse("PT1H"), SlaDuration.parse("PT8H"),
                        null, null),
                new SlaPolicyTable.Row("MEDIUM", CalendarKind.BUSINESS, SlaDuration.parse("PT4H"), SlaDuration.parse("P5D"),
                        "admin", Instant.parse("2027-10-14T06:30:00Z"))));

        mvc.perform(get("/admin/sla"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<th scope=\"row\">緊急</th>"), containsString("24時間"),
                        containsString("<code>PT1H</code>"), containsString("開庁時間"), containsString("<code>P5D</code>"),
                        containsString("既定値（設定ファイル）"),
                        containsString("admin が 2027年10月14日(木) 15:30 に変更"),
                        containsString("action=\"/admin/sla/MEDIUM/restore\""),
                        not(containsString("action=\"/admin/sla/CRITICAL/restore\"")),
                        containsString("data-fill-calendar=\"business\" data-fill-acknowledge=\"PT4H\" data-fill-resolve=\"P5D\""))));
    }

    @Test
    void theSlaPageAndItsRefusalsReadInEnglish() throws Exception {
        given(policies.rows()).willReturn(List.of(
                new SlaPolicyTable.Row("HIGH", CalendarKind.BUSINESS, SlaDuration.parse("PT1H"), SlaDuration.parse("P1D"),
                        "admin", Instant.parse("2027-10-14T06:30:00Z"))));
        mvc.perform(get("/admin/sla").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"),
                        containsString("Changed by admin at Thu 14 Oct 2027 15:30"),
                        containsString("Restore the default targets of High"), containsString("Change the targets"),
                        not(containsString("既定値")))));

        willThrow(new InvalidInputException("calendar", SlaPolicyTable.UNKNOWN_CALENDAR))
                .given(policies).change(any(), any(), any(), any(), any());
        mvc.perform(post("/admin/sla").param("lang", "en").with(csrf()).param("severity", "HIGH")
                        .param("calendar", "weekly").param("acknowledge", "PT1H").param("resolve", "P1D"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Choose opening hours or 24 hours."),
                        containsString("Some input is wrong; see the fields. Nothing was saved."))));
    }

    @Test
    void anAdministratorChangesAndRestoresAPolicy() throws Exception {
        mvc.perform(post("/admin/sla").with(csrf()).param("severity", "HIGH").param("calendar", "business")
                        .param("acknowledge", "PT1H").param("resolve", "P1D"))
                .andExpect(redirectedUrl("/admin/sla"))
                .andExpect(flash().attribute("successKey", "admin.sla.changed"));
        verify(policies).change("HIGH", "business", "PT1H", "P1D", "admin");

        mvc.perform(post("/admin/sla/HIGH/restore").with(csrf()))
                .andExpect(redirectedUrl("/admin/sla"))
                .andExpect(flash().attribute("successKey", "admin.sla.restored"));
        verify(policies).restoreDefault("HIGH");
    }

    @Test
    void aRefusedPolicyComesBackWithItsErrorsAtTheFields() throws Exception {
        willThrow(new InvalidInputException(List.of(
                new FieldProblem("acknowledge", SlaPolicyTable.NOT_SHORTER),
                new FieldProblem("resolve", SlaPolicyTable.BAD_DURATION))))
                .given(policies).change(any(), any(), any(), any(), any());

        mvc.perform(post("/admin/sla").with(csrf()).param("severity", "LOW").param("calendar", "business")
                        .param("acknowledge", "P3D").param("resolve", "10 days"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"sla-acknowledge-error\""),
                        containsString("受付期限は解決期限より短くしてください"),
                        containsString("id=\"sla-resolve-error\""),
                        containsString("PT30M、PT2H、PT1H30M、P2D のような期間で入力してください。"),
                        containsString("value=\"10 days\""),
                        containsString("入力内容に誤りがあります。"))));
    }
}
