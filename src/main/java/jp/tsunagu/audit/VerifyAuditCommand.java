package jp.tsunagu.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tsunagu.jar --verify-audit}: starts the application without an HTTP port, job executor or
 * checkpoint schedule, verifies the audit chain, prints the result as one JSON line and answers with the exit code
 * 0 (valid), 1 (broken) or 2 (could not verify, for example no database).
 * <p>
 * The context stays a servlet one ({@code server.port=-1} opens no port) because the security configuration needs
 * the servlet {@code HttpSecurity}; {@code web-application-type=none} would not start.
 */
public final class VerifyAuditCommand {

    public static final String ARGUMENT = "--verify-audit";
    public static final int VALID = 0;
    public static final int BROKEN = 1;
    public static final int FAILED = 2;

    private VerifyAuditCommand() {
    }

    public static boolean isRequested(String... args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    public static int run(Class<?> application, String... args) {
        // Command-line properties outrank application.properties: the verifier must not fire timers or write.
        List<String> quiet = new ArrayList<>(Arrays.asList(args));
        quiet.add("--camunda.bpm.job-execution.enabled=false");
        quiet.add("--tsunagu.audit.checkpoint-cron=-");
        quiet.add("--server.port=-1");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .properties("logging.level.root=WARN")
                .run(quiet.toArray(String[]::new))) {
            ChainVerification result = context.getBean(ChainVerifier.class).verify();
            System.out.println(context.getBean(ObjectMapper.class).writeValueAsString(result));
            return result.valid() ? VALID : BROKEN;
        } catch (Exception e) {
            System.err.println("The audit trail could not be verified: " + e);
            return FAILED;
        }
    }
}
