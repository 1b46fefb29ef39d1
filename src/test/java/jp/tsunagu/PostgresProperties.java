package jp.tsunagu;

import jp.tsunagu.testsupport.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at this run's fresh PostgreSQL database. */
public final class PostgresProperties {

    private PostgresProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestDatabase::url);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
