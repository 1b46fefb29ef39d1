package jp.tsunagu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    static final int ROUNDS = 5;
    static final int PER_ROUND = 200;
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
                    .issue("rpa-bot", java.util.Set.of("shimin-ka"), "benchmark", "admin").token();

            List<String> warm = Collections.synchronizedList(new ArrayList<>());
            rate(PER_ROUND, i -> warm.add(raise(intake, sato)));
            rate(PER_ROUND / 2, i -> startBare(runtime, warm.get(i)));
            rate(PER_ROUND / 2, i -> post(http));

            rounds("a fresh database", intake, runtime, sato, http, token);
            if (!Boolean.parseBoolean(System.getProperty("bench.intake.growth", "true"))) {
                return;
            }
            try (var db = database.connect()) {
                TaskListBenchmark.load(db, 1, 10_000);
                rounds("10k more open issues (bulk-loaded)", intake, runtime, sato, http, token);
                TaskListBenchmark.load(db, 10_001, 100_000);
                rounds("100k more open issues (bulk-loaded)", intake, runtime, sato, http, token);
            }
        }
    }

    private static void rounds(String label, IssueIntake intake, RuntimeService runtime, Person sato, Http http,
            String token) throws Exception {
        double[] service = new double[ROUNDS];
        double[] engine = new double[ROUNDS];
        double[] overHttp = new double[ROUNDS];
        double[] overHttpToken = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            service[round] = rate(PER_ROUND, i -> ids.add(raise(intake, sato)));
            List<String> fixed = List.copyOf(ids);
            // A second process for each issue of the round: the delegates find their issue row, as in intake.
            engine[round] = rate(PER_ROUND, i -> startBare(runtime, fixed.get(i)));
            overHttp[round] = rate(PER_ROUND, i -> post(http));
            overHttpToken[round] = rate(PER_ROUND, i -> post(http, token));
        }
        Bench.report("### intake on " + label);
        Bench.report("service (IssueIntake.raise, " + THREADS + " threads) issues/s: " + Bench.spread(service));
        Bench.report("HTTP (POST /api/issues, " + THREADS + " clients, Basic auth) issues/s: " + Bench.spread(overHttp));
        Bench.report("HTTP (POST /api/issues, " + THREADS + " clients, API token of a service account) issues/s: "
                + Bench.spread(overHttpToken));
        Bench.report("bare engine (startProcessInstanceByKey, same variables and delegates, " + THREADS
                + " threads) instances/s: " + Bench.spread(engine));
        Bench.report(String.format(java.util.Locale.ROOT,
                "ratio service/engine %.2f, HTTP Basic/engine %.2f, HTTP token/engine %.2f (medians)",
                Bench.percentile(service, 50) / Bench.percentile(engine, 50),
                Bench.percentile(overHttp, 50) / Bench.percentile(engine, 50),
                Bench.percentile(overHttpToken, 50) / Bench.percentile(engine, 50)));
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
