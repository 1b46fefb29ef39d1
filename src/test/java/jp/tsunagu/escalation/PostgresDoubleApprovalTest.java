package jp.tsunagu.escalation;

import jp.tsunagu.PostgresProperties;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class PostgresDoubleApprovalTest extends DoubleApprovalTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry);
    }
}
