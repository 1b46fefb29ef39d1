package jp.tsunagu.cluster;

import jp.tsunagu.PostgresProperties;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class PostgresConcurrentActionTest extends ConcurrentActionTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry);
    }
}
