package jp.tsunagu.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.tsunagu.TsunaguApplication;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of concurrent {@code POST /api/issues}, then a restart on the same database: every
 * 201 has its issue, process instance and audit event; no failed request left half an issue; the chain verifies.
 * The app runs as a real child JVM from this build's classes, with the postgres and demo profiles.
 */
@RequiresPostgres
class CrashRecoveryTest {

    static final int CLIENTS = 8;
    static final int CREATED_BEFORE_KILL = 150;
    static final String TEST_KEY = "dGVzdC1rZXktb25seS1mb3ItdGVzdHMtMzItYnl0ZXM=";

    FreshDatabase database;
    Process app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            app.destroyForcibly();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void everyAnsweredIssueSurvivesAKillNineAndNoHalfIssueIsLeft() throws Exception {
        database = FreshDatabase.create("crash");
        int port = freePort();
        Http http = new Http("http://localhost:" + port);
        app = startApp(port, "first");
        awaitReady(http);

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = http.post("sato", "/api/issues", Http.MEDIUM_ONE_SECTION);
                        if (response.statusCode() == 201) {
                            answered.add(Http.idOf(response.body()));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception connectionLost) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= CREATED_BEFORE_KILL);
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close, requests cut mid-transaction
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> failed.get() > 0);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> answeredBeforeKill = Set.copyOf(answered);

        app = startApp(port, "restarted");
        awaitReady(http);
        assertThat(http.post("sato", "/api/issues", Http.MEDIUM_ONE_SECTION).statusCode()).as("serves again").isEqualTo(201);

        try (Connection db = database.connect()) {
            Set<String> issues = strings(db, "select id from issue");
            assertThat(issues).containsAll(answeredBeforeKill);
            assertThat(strings(db, "select id from issue where process_instance_id is null"))
                    .as("issues without a process").isEmpty();
            assertThat(strings(db, "select i.id from issue i where not exists (select 1 from act_hi_procinst p"
                    + " where p.id_ = i.process_instance_id and p.business_key_ = i.id)")).as("process ids that lead nowhere").isEmpty();
            assertThat(strings(db, "select i.id from issue i where not exists (select 1 from audit_event e"
                    + " where e.issue_id = i.id and e.action = 'ISSUE_RAISED')")).as("issues without ISSUE_RAISED").isEmpty();
            assertThat(strings(db, "select p.business_key_ from act_hi_procinst p where p.proc_def_key_ = 'issue-escalation'"
                    + " and not exists (select 1 from issue i where i.id = p.business_key_)")).as("processes without an issue").isEmpty();
            assertThat(strings(db, "select i.id from issue i where not exists (select 1 from work_item w where w.issue_id = i.id)"))
                    .as("every open issue is in a task list").isEmpty();
            assertThat(AuditChainCheck.firstBreak(db)).as("audit chain").isNull();
            System.out.printf("crash: %d answered 201 before kill -9, %d requests failed, %d issues in the database%n",
                    answeredBeforeKill.size(), failed.get(), issues.size());
        }
    }

    private Process startApp(int port, String run) throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "crash-test", run));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", childClassPath(),
                "-Dspring.profiles.active=postgres,demo",
                "-Dspring.datasource.url=" + database.url(),
                "-Dspring.datasource.username=" + FreshDatabase.USER,
                "-Dspring.datasource.password=",
                "-Dserver.port=" + port,
                "-Dtsunagu.personal-details.key=" + TEST_KEY,
                "-Dserver.servlet.session.cookie.secure=false",
                "-Dspring.jmx.enabled=false",
                TsunaguApplication.class.getName()));
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile())
                .start();
    }

    /** Surefire's class path, made absolute: the child runs in its own directory. */
    private static String childClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(new File(entry).getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }

    private void awaitReady(Http http) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    assertThat(app.isAlive()).as("the app is running; see target/crash-test/*/app.log").isTrue();
                    return http.get(null, "/actuator/health/readiness").statusCode() == 200;
                });
    }

    private static Set<String> strings(Connection db, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
