package jp.tsunagu.org.internal;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2ApiTokenExpiryMigrationTest extends ApiTokenExpiryMigrationTests {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:token-expiry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    @Override
    List<String> locations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/h2");
    }
}
