package jp.tsunagu.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The shipped configuration binds, and a wrong value stops the start with a message that names the property. */
class SlaPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class)
            .withPropertyValues(shippedSettings());

    @EnableConfigurationProperties({SlaProperties.class, CalendarProperties.class})
    static class Properties {
    }

    @Test
    void bindsTheShippedConfiguration() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SlaPolicy high = context.getBean(SlaProperties.class).policyFor("HIGH");
            assertThat(high).isEqualTo(new SlaPolicy(CalendarKind.BUSINESS, SlaDuration.parse("PT2H"),
                    SlaDuration.parse("P2D")));
            assertThat(context.getBean(SlaProperties.class).policyFor("CRITICAL").calendar())
                    .isEqualTo(CalendarKind.CONTINUOUS);
            CalendarProperties calendar = context.getBean(CalendarProperties.class);
            assertThat(calendar.opensAt()).hasToString("08:30");
            assertThat(calendar.recurringClosures()).hasSize(6);
            assertThat(calendar.extraClosures()).isEmpty();
            assertThat(calendar.holidayFile()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            tsunagu.sla.policies.HIGH.acknowledge  | PT2X     | tsunagu.sla.policies.HIGH.acknowledge: "PT2X" is not a supported SLA duration
            tsunagu.sla.policies.LOW.resolve       | P1DT2H   | tsunagu.sla.policies.LOW.resolve: "P1DT2H" is not a supported SLA duration
            tsunagu.sla.policies.MEDIUM.calendar   | office   | tsunagu.sla.policies.MEDIUM.calendar: calendar must be "business" or "continuous"
            tsunagu.sla.policies.HIHG.calendar     | business | tsunagu.sla.policies.HIHG: unknown severity
            tsunagu.calendar.opens-at              | 8:30     | tsunagu.calendar.opens-at: "8:30" is not a time of day as HH:mm
            tsunagu.calendar.closes-at             | 08:00    | tsunagu.calendar.opens-at (08:30) must be before tsunagu.calendar.closes-at
            tsunagu.calendar.extra-closures        | 2026-2-30 | tsunagu.calendar.extra-closures: "2026-2-30" is not a date as yyyy-MM-dd
            tsunagu.calendar.recurring-closures    | 12/29    | tsunagu.calendar.recurring-closures: "12/29" is not a day as MM-dd
            """)
    void aWrongValueStopsTheStart(String property, String value, String message) {
        runner.withPropertyValues(property + "=" + value).run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining(message));
    }

    @Test
    void aMissingSeverityStopsTheStart() {
        new ApplicationContextRunner().withUserConfiguration(Properties.class)
                .withPropertyValues("tsunagu.sla.policies.HIGH.calendar=business",
                        "tsunagu.sla.policies.HIGH.acknowledge=PT2H", "tsunagu.sla.policies.HIGH.resolve=P2D")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("tsunagu.sla.policies.CRITICAL is missing"));
    }

    private static String[] shippedSettings() {
        java.util.Properties shipped = new java.util.Properties();
        try (InputStream in = new ClassPathResource("application.properties").getInputStream()) {
            shipped.load(in);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return shipped.stringPropertyNames().stream()
                .filter(name -> name.startsWith("tsunagu."))
                .map(name -> name + "=" + shipped.getProperty(name))
                .toArray(String[]::new);
    }
}
