package jp.tsunagu.sla.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SLA policy per severity, {@code tsunagu.sla.policies.<SEVERITY>.{calendar,acknowledge,resolve}}. Every
 * severity needs a policy and every value is checked here, so that a typo stops the start instead of a timer.
 */
@ConfigurationProperties("tsunagu.sla")
public class SlaProperties {

    static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    /** One severity's policy as written in the configuration. */
    public record Policy(String calendar, String acknowledge, String resolve) {
    }

    private final Map<String, SlaPolicy> policies = new LinkedHashMap<>();

    public SlaProperties(@DefaultValue Map<String, Policy> policies) {
        policies.forEach((severity, policy) -> {
            String key = severity.toUpperCase(Locale.ROOT);
            if (!SEVERITIES.contains(key)) {
                throw new IllegalArgumentException("tsunagu.sla.policies." + severity
                        + ": unknown severity; expected one of " + SEVERITIES);
            }
            this.policies.put(key, check(key, policy));
        });
        for (String severity : SEVERITIES) {
            if (!this.policies.containsKey(severity)) {
                throw new IllegalArgumentException("tsunagu.sla.policies." + severity + " is missing;"
                        + " every severity needs calendar, acknowledge and resolve");
            }
        }
    }

    /** @throws IllegalArgumentException for a severity other than CRITICAL, HIGH, MEDIUM or LOW */
    public SlaPolicy policyFor(String severity) {
        SlaPolicy policy = severity == null ? null : policies.get(severity.toUpperCase(Locale.ROOT));
        if (policy == null) {
            throw new IllegalArgumentException("No SLA policy for severity \"" + severity + "\"; expected one of "
                    + SEVERITIES);
        }
        return policy;
    }

    private static SlaPolicy check(String severity, Policy policy) {
        String prefix = "tsunagu.sla.policies." + severity + ".";
        return new SlaPolicy(
                read(prefix + "calendar", policy.calendar(), CalendarKind::from),
                read(prefix + "acknowledge", policy.acknowledge(), SlaDuration::parse),
                read(prefix + "resolve", policy.resolve(), SlaDuration::parse));
    }

    private static <T> T read(String property, String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(property + " is missing");
        }
        try {
            return parser.apply(text.trim());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}
