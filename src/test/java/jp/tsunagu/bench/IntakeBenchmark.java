package jp.tsunagu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import jp.tsunagu.cluster.ClusterNode;
import jp.tsunagu.cluster.FreshDatabase;
import jp.tsunagu.cluster.Http;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Issues raised per second through the service and through HTTP, next to the bare engine starting the same BPMN with
 * the same variables and the same Spring-bean delegates. Rounds alternate the three ways so that background load
 * falls on all of them alike.
 */
@RequiresPostgres
class IntakeBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.intake.rounds", 7);
    static final int PER_ROUND = Integer.getInteger("bench.intake.per-round", 500);
    static final int WARM_UP_ROUNDS = Integer.getInteger("bench.intake.warm-up-rounds", 10);
    static final int THREADS = 4;

    @Test
    void intake() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("bench_intake");
                ClusterNode node = ClusterNode.start("bench-intake", database.url(), false)) {
            Bench.report("## Intake " + java.time.Instant.now());
            try (var db = database.connect()) {
                Bench.report(Bench.environment(db));
            }
            IssueIntake intake = node.bean(IssueIntake.class);
            RuntimeService runtime = node.bean(RuntimeService.class);
            Person sato = node.bean(Organisation.class).findPerson("sato").orElseThrow();
            Http http = new Http(node.baseUrl());
            String token = node.bean(jp.tsunagu.org.ApiTokens.class)
                    .issue("rpa-bot", java.util.Set.of("shimin-ka"), "benchmark", null, "admin").token();

            // Until the JIT has compiled all four ways: before that, its compiler threads take a large share of the
            // two cores, and most of it in the first rounds of the way with the most code (HTTP). The HTTP path's own
            // code runs only twice a round; after 3 rounds it still cost 1 ms more per issue than after 10.
            rounds(null, WARM_UP_ROUNDS, intake, runtime, sato, http, token);
            // The warm-up filled tables that were empty: in a running system autovacuum would analyze them now. This
            // server runs with autovacuum off, and without statistics PostgreSQL keeps the plans it made for empty
            // tables (a sequential read of notification_key for every key handed out, for one).
            try (var db = database.connect(); var statement = db.createStatement()) {
                statement.execute("analyze");
            }
            rounds("a fresh database", ROUNDS, intake, runtime, sato, http, token);
            if (!Boolean.parseBoolean(System.getProperty("bench.intake.growth", "true"))) {
                return;
            }
            try (var db = database.connect()) {
                TaskListBenchmark.load(db, 1, 10_000);
                rounds("10k more open issues (bulk-loaded)", ROUNDS, intake, runtime, sato, http, token);
                TaskListBenchmark.load(db, 10_001, 100_000);
                rounds("100k more open issues (bulk-loaded)", ROUNDS, intake, runtime, sato, http, token);
            }
        }
    }

    /** Runs the four ways in turn, {@code rounds} times; reports them unless {@code label} is null (a warm-up). */
    private static void rounds(String label, int rounds, IssueIntake intake, RuntimeService runtime, Person sato,
            Http http, String token) throws Exception {
        Way service = new Way(rounds, "service (IssueIntake.raise, " + THREADS + " threads) issues/s");
        Way engine = new Way(rounds, "bare engine (startProcessInstanceByKey, same variables and delegates, " + THREADS
                + " threads) instances/s");
        Way overHttp = new Way(rounds, "HTTP (POST /api/issues, " + THREADS + " clients, Basic auth) issues/s").overHttp();
        Way overHttpToken = new Way(rounds, "HTTP (POST /api/issues, " + THREADS
                + " clients, API token of a service account) issues/s").overHttp();
        Way overHttpMinimal = new Way(rounds, "HTTP (POST /api/issues, " + THREADS
                + " clients, API token, Prefer: return=minimal) issues/s").overHttp();
        for (int round = 0; round < rounds; round++) {
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            service.run(round, i -> ids.add(raise(intake, sato)));
            List<String> fixed = List.copyOf(ids);
            // A second process for each issue of the round: the delegates find their issue row, as in intake.
            engine.run(round, i -> startBare(runtime, fixed.get(i)));
            overHttp.run(round, i -> post(http));
            overHttpToken.run(round, i -> post(http, token));
            overHttpMinimal.run(round, i -> postMinimal(http, token));
        }
        if (label == null) {
            return;
        }
        Bench.report("### intake on " + label + " (" + rounds + " rounds of " + PER_ROUND + ", after " + WARM_UP_ROUNDS
                + " rounds of warm-up)");
        for (Way way : List.of(service, overHttp, overHttpToken, overHttpMinimal, engine)) {
            Bench.report(way.summary());
        }
        double bare = Bench.percentile(engine.rates, 50);
        Bench.report(String.format(java.util.Locale.ROOT,
                "ratio service/engine %.2f, HTTP Basic/engine %.2f, HTTP token/engine %.2f, HTTP token minimal/engine"
                        + " %.2f (medians)",
                Bench.percentile(service.rates, 50) / bare, Bench.percentile(overHttp.rates, 50) / bare,
                Bench.percentile(overHttpToken.rates, 50) / bare, Bench.percentile(overHttpMinimal.rates, 50) / bare));
    }

    /**
     * One way of raising issues: its rate in each round, and the CPU time all its rounds cost the JVM (server, clients
     * and harness) and PostgreSQL, per issue, and for HTTP the part of the JVM's that the clients took (the calling
     * threads and the HTTP client's own). CPU per issue varies less than a rate on two shared cores.
     */
    private static final class Way {

        final String name;
        final double[] rates;
        boolean overHttp;
        long jvmCpu;
        long jvmSystemCpu;
        long postgresCpu;
        long clientCpu;

        Way(int rounds, String name) {
            this.rates = new double[rounds];
            this.name = name;
        }

        Way overHttp() {
            overHttp = true;
            return this;
        }

        void run(int round, IntConsumer operation) throws Exception {
            long jvmBefore = Bench.jvmCpuNanos();
            long jvmSystemBefore = Bench.jvmSystemCpuNanos();
            long postgresBefore = Bench.postgresCpuNanos();
            long clientThreadsBefore = httpClientThreadsCpu();
            AtomicLong callers = new AtomicLong();
            rates[round] = rate(PER_ROUND, i -> {
                long before = THREADS_CPU.getCurrentThreadCpuTime();
                operation.accept(i);
                callers.addAndGet(THREADS_CPU.getCurrentThreadCpuTime() - before);
            });
            jvmCpu += Bench.jvmCpuNanos() - jvmBefore;
            jvmSystemCpu += Bench.jvmSystemCpuNanos() - jvmSystemBefore;
            postgresCpu += Bench.postgresCpuNanos() - postgresBefore;
            if (overHttp) {
                clientCpu += callers.get() + httpClientThreadsCpu() - clientThreadsBefore;
            }
        }

        String summary() {
            double issues = (double) rates.length * PER_ROUND;
            return String.format(java.util.Locale.ROOT,
                    "%s: %s; CPU per issue %.2f ms JVM (%.2f ms of it in the kernel) + %.2f ms PostgreSQL%s", name,
                    Bench.spread(rates), jvmCpu / 1e6 / issues, jvmSystemCpu / 1e6 / issues, postgresCpu / 1e6 / issues,
                    overHttp ? String.format(java.util.Locale.ROOT, " (of the JVM's, %.2f ms in the HTTP clients)",
                            clientCpu / 1e6 / issues) : "");
        }
    }

    private static final ThreadMXBean THREADS_CPU = ManagementFactory.getThreadMXBean();

    /** CPU time of the JDK HTTP client's own threads (selector and workers), which live as long as the client. */
    private static long httpClientThreadsCpu() {
        long total = 0;
        for (ThreadInfo thread : THREADS_CPU.getThreadInfo(THREADS_CPU.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("HttpClient-")) {
                total += Math.max(0, THREADS_CPU.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static String raise(IssueIntake intake, Person sato) {
        return intake.raise(new RaiseIssueRequest("窓口の待ち時間が長い", "午前中の待ち時間が90分を超えた。",
                Category.CITIZEN_SERVICE, Severity.MEDIUM, "shimin-ka", List.of(), false, null), sato, Optional.empty()).id();
    }

    private static void startBare(RuntimeService runtime, String issueId) {
        runtime.startProcessInstanceByKey("issue-escalation", issueId, Variables.createVariables()
                .putValue("issueId", issueId).putValue("severity", "MEDIUM").putValue("category", "CITIZEN_SERVICE")
                .putValue("personalInfo", false).putValue("relatedSectionCount", 0));
    }

    private static void post(Http http) {
        post(http, "sato");
    }

    private static void post(Http http, String userOrToken) {
        try {
            http.raise(userOrToken);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void postMinimal(Http http, String token) {
        try {
            http.raise(token, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code count} operations on {@link #THREADS} threads; returns operations per second. */
    static double rate(int count, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                work.add(() -> {
                    operation.accept(index);
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
