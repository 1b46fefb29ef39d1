package jp.tsunagu;

import jp.tsunagu.audit.VerifyAuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tsunagu: routes a city-hall issue from the owning section to department-wide and city-wide sharing.
 * {@code --verify-audit} runs the audit chain verifier instead of the server (see docs/audit.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TsunaguApplication {

    public static void main(String[] args) {
        if (VerifyAuditCommand.isRequested(args)) {
            System.exit(VerifyAuditCommand.run(TsunaguApplication.class, args));
        }
        SpringApplication.run(TsunaguApplication.class, args);
    }
}
