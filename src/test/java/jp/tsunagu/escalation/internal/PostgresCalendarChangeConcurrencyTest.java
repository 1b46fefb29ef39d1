package jp.tsunagu.escalation.internal;

import jp.tsunagu.PostgresProperties;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class PostgresCalendarChangeConcurrencyTest extends CalendarChangeConcurrencyTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry);
    }
}
