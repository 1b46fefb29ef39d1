package jp.tsunagu;

import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The escalation scenario on a fresh database of the local PostgreSQL. */
@RequiresPostgres
class PostgresEscalationScenarioTest extends EscalationScenarioTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry);
    }
}
