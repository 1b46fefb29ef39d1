package jp.tsunagu.operations.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jp.tsunagu.common.Recent;
import jp.tsunagu.issue.Level;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the shared database at scrape time, at most once per {@link #MAX_AGE}: open issues by level,
 * the job executor's backlog (executable jobs) and its failures (jobs with no retries left). Every node reports the
 * same cluster-wide values, so dashboards take the max over nodes, never the sum.
 */
@Component
class StateGauges implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final Recent<Snapshot> snapshot = new Recent<>(MAX_AGE, this::take);

    StateGauges(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Level level : Level.values()) {
            Gauge.builder("tsunagu.issues.open", this, gauges -> gauges.current().openByLevel().getOrDefault(level, 0L))
                    .description("Issues not yet resolved, by their current level").tag("level", level.name())
                    .register(registry);
        }
        Gauge.builder("tsunagu.jobs.executable", this, gauges -> gauges.current().executableJobs())
                .description("Jobs due and with retries left: the job executor's backlog").register(registry);
        Gauge.builder("tsunagu.jobs.failed", this, gauges -> gauges.current().failedJobs())
                .description("Jobs with no retries left; each one has an incident").register(registry);
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot take() {
        Map<Level, Long> open = new EnumMap<>(Level.class);
        jdbc.sql("select level, count(*) from issue where status <> 'RESOLVED' group by level")
                .query((rs, i) -> open.put(Level.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return new Snapshot(open, management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count());
    }

    private record Snapshot(Map<Level, Long> openByLevel, long executableJobs, long failedJobs) {
    }
}
