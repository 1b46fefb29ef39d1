package jp.tsunagu.sla.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneOffset;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.internal.CalendarProperties;
import jp.tsunagu.sla.internal.TestCalendars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CalendarController.class)
@Import(CalendarControllerTests.RealCalendar.class)
@WithMockUser
class CalendarControllerTests {

    /** The real calendar on the shipped holiday file, a fixed "now", and the city's configured zone. */
    @TestConfiguration
    @EnableConfigurationProperties(CalendarProperties.class)
    static class RealCalendar {

        @Bean
        BusinessCalendar businessCalendar() {
            return TestCalendars.tokyo();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(TestCalendars.tokyo("2026-11-27T16:30"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "from={0} duration={1} calendar={2} -> {3}")
    @CsvSource(textBlock = """
            2026-11-27T16:30:00+09:00, PT2H,  business,   2026-11-30T09:45:00+09:00
            2026-11-27T07:30:00Z,      PT2H,  business,   2026-11-30T09:45:00+09:00
            2026-11-27T16:30:00 09:00, PT2H,  business,   2026-11-30T09:45:00+09:00
            2026-11-27T16:30:00+09:00, P1D,   Business,   2026-11-30T16:30:00+09:00
            2026-11-27T16:30:00+09:00, PT2H,  continuous, 2026-11-27T18:30:00+09:00
            2026-11-26T08:30:00+09:00, PT8H45M, business, 2026-11-26T17:15:00+09:00
            """)
    void answersTheDueTimeWithTheCityOffset(String from, String duration, String calendar, String due)
            throws Exception {
        mvc.perform(get("/api/calendar/due").param("from", from).param("duration", duration)
                        .param("calendar", calendar))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.due").value(due));
    }

    @Test
    void startsNowOnTheBusinessClockByDefault() throws Exception {
        mvc.perform(get("/api/calendar/due").param("duration", "PT2H"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-11-30T09:45:00+09:00"));
    }

    @ParameterizedTest(name = "from={0} duration={1} calendar={2}: 400 on {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-27T16:30:00+09:00 | PT2X | business   | duration | is not a supported SLA duration
            2026-11-27T16:30:00+09:00 | P1W  | business   | duration | is not a supported SLA duration
            2026-11-27T16:30:00+09:00 |      | business   | duration | is required
            2026-11-27T16:30:00+09:00 | PT2H | office     | calendar | calendar must be "business" or "continuous"
            2026-11-27T16:30          | PT2H | business   | from     | must be an ISO-8601 date-time with offset
            yesterday                 | PT2H | business   | from     | must be an ISO-8601 date-time with offset
            2028-01-04T10:00:00+09:00 | PT2H | business   | from     | covers 2022-01-01 to 2027-12-31, not 2028-01-04
            2027-12-28T17:00:00+09:00 | PT1H | business   | duration | covers 2022-01-01 to 2027-12-31, not 2028-01-01
            """)
    void refusesBadInputAsProblemDetails(String from, String duration, String calendar, String field,
            String message) throws Exception {
        mvc.perform(get("/api/calendar/due").param("from", from).param("duration", duration == null ? "" : duration)
                        .param("calendar", calendar))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
    }

    @Test
    void aContinuousTargetNeedsNoHolidayData() throws Exception {
        mvc.perform(get("/api/calendar/due").param("from", "2031-01-01T00:00:00+09:00").param("duration", "P1D")
                        .param("calendar", "continuous"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2031-01-02T00:00:00+09:00"));
    }

    @Test
    @WithAnonymousUser
    void needsALoggedInUser() throws Exception {
        mvc.perform(get("/api/calendar/due").param("duration", "PT2H"))
                .andExpect(status().isUnauthorized());
    }
}
