package jp.tsunagu.cluster;

import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.TsunaguApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Tsunagu node in this JVM: a whole application context on a random port, pointed at a shared database. Nodes
 * in one JVM share the engine's {@code ClockUtil}, which is what lets a test bring their timers due at once.
 */
public final class ClusterNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** A node with the demo organisation; {@code settings} are extra {@code key=value} pairs that win over all else. */
    public static ClusterNode start(String name, String databaseUrl, boolean jobExecution, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=demo,test",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + FreshDatabase.USER,
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.application.name=tsunagu-" + name,
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=" + jobExecution,
                // Wake within a second of a test moving the clock, and let a dead node's locks expire soon.
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=60000",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN",
                "--logging.level.org.camunda.bpm.engine.cmd=ERROR"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TsunaguApplication.class)
                .run(args.toArray(String[]::new));
        return new ClusterNode(name, context);
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Closes nodes and databases in the order given, skipping nulls; a failure does not stop the rest. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // best effort: the next run drops a leftover database
            }
        }
    }
}
