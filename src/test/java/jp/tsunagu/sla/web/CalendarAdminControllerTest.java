package jp.tsunagu.sla.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.internal.AuditedCalendarAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.context.annotation.Import;

/**
 * The controller alone; that only ADMIN reaches {@code /api/admin/**}, and a real holiday file, are tested on the
 * whole application ({@code AccessMatrixTest}, {@code CalendarAdminTest}).
 */
@WebMvcTest(CalendarAdminController.class)
@Import(AuditedCalendarAdministration.class) // the real service, on the mocked calendar and audit trail
@WithMockUser(username = "admin", roles = "ADMIN")
class CalendarAdminControllerTest {

    static final LocalDate CLOSED = LocalDate.parse("2027-03-01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BusinessCalendar calendar;

    @MockitoBean
    AuditTrail auditTrail;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void world() {
        // 01:00 on 16 October in the city, still the 15th in UTC.
        given(clock.instant()).willReturn(Instant.parse("2027-10-15T16:00:00Z"));
        given(calendar.holidayDataCoversUntil()).willReturn(LocalDate.parse("2027-12-31"));
        given(calendar.addClosure(any(), any(), any())).willReturn(new BusinessCalendar.ClosureAdded(Optional.empty(), 0));
    }

    @Test
    void saysHowFarTheHolidayDataReachesAndWarnsCountingFromTodayInTheCity() throws Exception {
        given(calendar.holidayDataRunsOutWithin(LocalDate.parse("2027-10-16"), 90)).willReturn(true);

        mvc.perform(get("/api/admin/calendar"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coversUntil").value("2027-12-31"))
                .andExpect(jsonPath("$.runsOutWithin90Days").value(true));
    }

    @Test
    void loadsAHolidayFileAndAuditsHowFarTheDataReachedBeforeAndNow() throws Exception {
        byte[] csv = {(byte) 0x8d, (byte) 0x91, 0x0d, 0x0a};
        given(calendar.holidayDataCoversUntil()).willReturn(LocalDate.parse("2027-12-31"), LocalDate.parse("2028-12-31"));
        given(calendar.replaceHolidayData(csv)).willReturn(7);

        mvc.perform(put("/api/admin/calendar/holidays").with(csrf()).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coversUntil").value("2028-12-31"))
                .andExpect(jsonPath("$.movingDueTimes.issues").value(7))
                .andExpect(jsonPath("$.movingDueTimes.auditTrail").value("/api/audit/events?action=SLA_TARGETS_MOVED"));
        verify(calendar).replaceHolidayData(csv);
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "holiday data",
                "coveredUntilBefore", "2027-12-31", "coveredUntil", "2028-12-31", "issuesToMove", 7));
    }

    @Test
    void aBrokenHolidayFileIsRefusedWithItsLineAndNotAudited() throws Exception {
        willThrow(new InvalidHolidayDataException(3, InvalidHolidayDataException.Problem.NOT_A_DATE, "2028/13/1,祝日"))
                .given(calendar).replaceHolidayData(any());

        mvc.perform(put("/api/admin/calendar/holidays").with(csrf()).contentType("text/csv").content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("line 3: \"2028/13/1,祝日\" does not name a real date"));
        verify(auditTrail, never()).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    void listsTheClosures() throws Exception {
        given(calendar.addedClosures()).willReturn(List.of(new BusinessCalendar.Closure(CLOSED, "庁舎設備点検")));

        mvc.perform(get("/api/admin/calendar/closures"))
                .andExpect(jsonPath("$.items[0].date").value("2027-03-01"))
                .andExpect(jsonPath("$.items[0].reason").value("庁舎設備点検"));
    }

    @Test
    void addsAClosureAuditsItAndAnswersWithItAsStoredAndTheIssuesItMoves() throws Exception {
        given(calendar.addClosure(CLOSED, "庁舎設備点検", "admin"))
                .willReturn(new BusinessCalendar.ClosureAdded(Optional.empty(), 12));

        mvc.perform(addClosure("{\"date\": \"2027-03-01\", \"reason\": \" 庁舎設備点検 \"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/admin/calendar/closures/2027-03-01"))
                .andExpect(jsonPath("$.date").value("2027-03-01"))
                .andExpect(jsonPath("$.reason").value("庁舎設備点検"))
                .andExpect(jsonPath("$.movingDueTimes.issues").value(12))
                .andExpect(jsonPath("$.movingDueTimes.auditTrail").value("/api/audit/events?action=SLA_TARGETS_MOVED"));
        verify(calendar).addClosure(CLOSED, "庁舎設備点検", "admin");
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure added", "date", "2027-03-01", "reason", "庁舎設備点検", "issuesToMove", 12));
    }

    @Test
    void aDateThatWasAClosureAlreadyAnswers200WithoutCreatingAnything() throws Exception {
        given(calendar.addClosure(CLOSED, "庁舎設備点検", "admin"))
                .willReturn(new BusinessCalendar.ClosureAdded(Optional.of("点検"), 0));

        mvc.perform(addClosure("{\"date\": \"2027-03-01\", \"reason\": \"庁舎設備点検\"}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.reason").value("庁舎設備点検"));
    }

    @Test
    void readsOneClosureAtItsAddressAndADayThatIsNoneIsNotFound() throws Exception {
        given(calendar.addedClosures()).willReturn(List.of(new BusinessCalendar.Closure(CLOSED, "庁舎設備点検")));

        mvc.perform(get("/api/admin/calendar/closures/2027-03-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2027-03-01"))
                .andExpect(jsonPath("$.reason").value("庁舎設備点検"));
        mvc.perform(get("/api/admin/calendar/closures/2027-03-02"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("2027-03-02 is not a closure day"));
        mvc.perform(get("/api/admin/calendar/closures/2027-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
    }

    @Test
    void aReasonIsMeasuredWithoutTheSpaceAroundIt() throws Exception {
        String reason = "点".repeat(200);

        mvc.perform(addClosure("{\"date\": \"2027-03-01\", \"reason\": \" " + reason + " \"}"))
                .andExpect(status().isCreated());
        verify(calendar).addClosure(CLOSED, reason, "admin");
    }

    static Stream<Arguments> refusedClosures() {
        return Stream.of(
                Arguments.of("{\"reason\": \"庁舎設備点検\"}", "date"),
                Arguments.of("{\"date\": \"2027-02-30\", \"reason\": \"庁舎設備点検\"}", "date"),
                Arguments.of("{\"date\": \"2027-03-01\"}", "reason"),
                Arguments.of("{\"date\": \"2027-03-01\", \"reason\": \"  \"}", "reason"),
                Arguments.of("{\"date\": \"2027-03-01\", \"reason\": \"" + "点".repeat(201) + "\"}", "reason"));
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @MethodSource("refusedClosures")
    void aClosureWithoutARealDateOrAReasonIsRefusedAndNothingChanges(String body, String field) throws Exception {
        mvc.perform(addClosure(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verify(calendar, never()).addClosure(any(), any(), any());
        verify(auditTrail, never()).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    void removesAClosureAuditsItAndAnswersWithTheIssuesItMoves() throws Exception {
        given(calendar.removeClosure(CLOSED)).willReturn(OptionalInt.of(3));
        mvc.perform(delete("/api/admin/calendar/closures/2027-03-01").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2027-03-01"))
                .andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.movingDueTimes.issues").value(3));
        verify(calendar).removeClosure(CLOSED);
        verify(auditTrail).record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure removed", "date", "2027-03-01", "issuesToMove", 3));
    }

    @Test
    void aDayThatIsNoClosureIsNotFoundAndNothingIsAudited() throws Exception {
        given(calendar.removeClosure(CLOSED)).willReturn(OptionalInt.empty());
        mvc.perform(delete("/api/admin/calendar/closures/2027-03-01").with(csrf())).andExpect(status().isNotFound());
        verify(auditTrail, never()).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    void aPathThatIsNotADateIsBadInputAndRemovesNothing() throws Exception {
        mvc.perform(delete("/api/admin/calendar/closures/2027-13-01").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        verify(calendar, never()).removeClosure(any());
        verify(auditTrail, never()).record(any(AuditAction.class), any(), anyMap());
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsUnauthorised() throws Exception {
        mvc.perform(get("/api/admin/calendar")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/admin/calendar/closures/2027-03-01").with(csrf())).andExpect(status().isUnauthorized());
        verify(calendar, never()).removeClosure(any());
    }

    private static MockHttpServletRequestBuilder addClosure(String json) {
        return post("/api/admin/calendar/closures").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
