package jp.tsunagu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaDurationTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            PT2H,    0,  PT2H,    PT2H
            PT30M,   0,  PT30M,   PT30M
            PT1H30M, 0,  PT1H30M, PT1H30M
            PT90M,   0,  PT1H30M, PT1H30M
            pt8h,    0,  PT8H,    PT8H
            P1D,     1,  PT0S,    P1D
            P10D,    10, PT0S,    P10D
            """)
    void readsTheSupportedForms(String iso, int days, Duration time, String canonical) {
        SlaDuration duration = SlaDuration.parse(iso);
        assertThat(duration).isEqualTo(new SlaDuration(days, time));
        assertThat(duration.isWholeDays()).isEqualTo(days > 0);
        assertThat(duration).hasToString(canonical);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"PT", "P", "PT0M", "P0D", "PT-1H", "P1DT2H", "P1W", "P1M", "PT30S", "PT1.5H", "2H",
            " PT2H", "PT2H ", "P1Y", "PT1234567H"})
    void refusesEverythingElse(String iso) {
        assertThatThrownBy(() -> SlaDuration.parse(iso))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + iso + "\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            business,   BUSINESS
            Continuous, CONTINUOUS
            CONTINUOUS, CONTINUOUS
            """)
    void readsTheCalendarKind(String text, CalendarKind kind) {
        assertThat(CalendarKind.from(text)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"office", "24/7", "businesss"})
    void refusesAnUnknownCalendarKind(String text) {
        assertThatThrownBy(() -> CalendarKind.from(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("calendar must be \"business\" or \"continuous\"");
    }
}
