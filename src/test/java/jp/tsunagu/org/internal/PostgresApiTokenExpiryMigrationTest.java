package jp.tsunagu.org.internal;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jp.tsunagu.testsupport.PostgresTestDatabase;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** On PostgreSQL, in a schema of its own for each test in this run's database. */
@RequiresPostgres
class PostgresApiTokenExpiryMigrationTest extends ApiTokenExpiryMigrationTests {

    @Override
    DataSource freshDatabase() {
        String schema = "token_expiry_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        DriverManagerDataSource admin = new DriverManagerDataSource(PostgresTestDatabase.url(),
                PostgresTestDatabase.USER, "");
        JdbcClient.create(admin).sql("create schema " + schema).update();
        return new DriverManagerDataSource(PostgresTestDatabase.url() + "?currentSchema=" + schema,
                PostgresTestDatabase.USER, "");
    }

    @Override
    List<String> locations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/postgresql");
    }
}
