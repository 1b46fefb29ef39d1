package jp.tsunagu.audit;

import jp.tsunagu.PostgresProperties;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The concurrency test on a fresh database of the local PostgreSQL. */
@RequiresPostgres
class PostgresConcurrentAuditTest extends ConcurrentAuditTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry);
    }
}
