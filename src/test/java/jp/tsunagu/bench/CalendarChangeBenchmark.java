package jp.tsunagu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.cluster.ClusterNode;
import jp.tsunagu.cluster.FreshDatabase;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator adds a closure day that every open issue's time left runs through, with 1,000 and then 5,000 open
 * MEDIUM issues raised through the service (so each has its process, its timers and its task), on one node against a
 * fresh database, with the background worker as shipped (it looks for changes every 5 seconds): the time from the
 * request to the answer, and until every issue's due times have moved (which includes the wait for the worker's next
 * look, up to 5 seconds; the log's two "Calendar changed" lines give the worker's own time). Then the closure is removed again (everything moves back), and a closure on a Saturday,
 * which moves nothing, shows what reading and checking the open issues alone costs the request.
 */
@RequiresPostgres
class CalendarChangeBenchmark {

    /** Monday 2027-03-08 10:00 in Tokyo: MEDIUM is due Tuesday 10:00 (P1D) and resolved by Monday 3/15 (P5D). */
    static final Instant RAISED_AT = Instant.parse("2027-03-08T01:00:00Z");
    static final Instant CHANGED_AT = Instant.parse("2027-03-08T02:00:00Z");
    static final String TUESDAY = "2027-03-09";
    static final String SATURDAY = "2027-03-13";
    static final List<Integer> SIZES = List.of(1_000, 5_000);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void addingAClosureDay() throws Exception {
        Bench.report("## Calendar change " + Instant.now() + ", closure day with " + SIZES + " open issues");
        try (FreshDatabase database = FreshDatabase.create("bench_calendar")) {
            ClusterNode node = ClusterNode.start("calendar", database.url(), false,
                    "tsunagu.calendar.move-worker.enabled=true");
            try {
                JdbcClient jdbc = node.bean(JdbcClient.class);
                int open = 0;
                for (int size : SIZES) {
                    ClockUtil.setCurrentTime(Date.from(RAISED_AT));
                    raise(node, size - open);
                    open = size;
                    jdbc.sql("analyze").update();
                    ClockUtil.setCurrentTime(Date.from(CHANGED_AT));
                    change(node, jdbc, open, "add " + TUESDAY, "POST", "/api/admin/calendar/closures",
                            "{\"date\": \"" + TUESDAY + "\", \"reason\": \"台風による臨時閉庁\"}", open);
                    change(node, jdbc, open, "remove " + TUESDAY, "DELETE", "/api/admin/calendar/closures/" + TUESDAY,
                            null, open);
                    change(node, jdbc, open, "add " + SATURDAY + " (a Saturday: nothing moves)", "POST",
                            "/api/admin/calendar/closures",
                            "{\"date\": \"" + SATURDAY + "\", \"reason\": \"庁舎設備点検\"}", 0);
                    change(node, jdbc, open, "remove " + SATURDAY, "DELETE", "/api/admin/calendar/closures/" + SATURDAY,
                            null, 0);
                }
            } finally {
                ClockUtil.reset();
                ClusterNode.closeAll(node);
            }
        }
    }

    /**
     * One administrator's change over HTTP: the time until the answer and until no change is left to apply; per moved
     * issue the database's scans and rows written, and the CPU.
     */
    private void change(ClusterNode node, JdbcClient jdbc, int open, String label, String method, String path,
            String json, int expectedMoves) throws Exception {
        long seqBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        Map<String, long[]> before = TimerStormBenchmark.tableActivity(jdbc);
        long jvmCpuBefore = Bench.jvmCpuNanos();
        long postgresCpuBefore = Bench.postgresCpuNanos();
        long start = System.nanoTime();
        HttpResponse<String> answer = send(node, method, path, json);
        double answered = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(label + ": " + answer.statusCode() + " " + answer.body());
        }
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from calendar_change where finished_at is null")
                        .query(Long.class).single() == 0);
        double done = (System.nanoTime() - start) / 1e9;
        long jvmCpu = Bench.jvmCpuNanos() - jvmCpuBefore;
        long postgresCpu = Bench.postgresCpuNanos() - postgresCpuBefore;
        long[] activity = total(before, TimerStormBenchmark.tableActivity(jdbc));
        // Counted, not timed: the audit events carry the engine's clock, which the benchmark holds still.
        long moved = jdbc.sql("select count(*) from audit_event where action = 'SLA_TARGETS_MOVED' and seq > ?")
                .param(seqBefore).query(Long.class).single();
        if (moved != expectedMoves) {
            throw new IllegalStateException(label + ": " + moved + " moved, " + expectedMoves + " expected");
        }
        String worker = moved == 0 ? "nothing to move" : String.format(Locale.ROOT,
                "per moved issue %.1f scans (sequential+index), %.1f rows written, CPU %.1f ms in the JVM and %.1f ms"
                        + " in PostgreSQL", (activity[3] + activity[4]) / (double) moved,
                (activity[0] + activity[1] + activity[2]) / (double) moved, jvmCpu / 1e6 / moved,
                postgresCpu / 1e6 / moved);
        Bench.report(String.format(Locale.ROOT, "%d open issues, %s: answered %d in %.2f s, %d moved %.2f s after the"
                + " request; %s; answer %s", open, label, answer.statusCode(), answered, moved, done, worker,
                answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
    }

    private HttpResponse<String> send(ClusterNode node, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long[] total(Map<String, long[]> before, Map<String, long[]> after) {
        long[] total = new long[6];
        after.forEach((table, values) -> {
            long[] earlier = before.getOrDefault(table, new long[6]);
            for (int i = 0; i < total.length; i++) {
                total[i] += values[i] - earlier[i];
            }
        });
        return total;
    }

    private static void raise(ClusterNode node, int count) throws Exception {
        Person sato = node.bean(Organisation.class).findPerson("sato").orElseThrow();
        IssueIntake intake = node.bean(IssueIntake.class);
        double rate = IntakeBenchmark.rate(count, i -> intake.raise(new RaiseIssueRequest("臨時閉庁の検証 " + i,
                "期限の再計算", Category.FACILITY, Severity.MEDIUM, "shimin-ka", List.of(), false, null), sato,
                Optional.empty()));
        Bench.report(String.format(Locale.ROOT, "raised %d issues through the service at %.0f/s", count, rate));
    }
}
