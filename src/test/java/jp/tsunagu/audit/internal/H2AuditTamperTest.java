package jp.tsunagu.audit.internal;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** On H2 there is no trigger; the chain alone shows the tampering. */
class H2AuditTamperTest extends AuditTamperTests {

    private static DataSource database;

    @Override
    DataSource database() {
        if (database == null) {
            database = new DriverManagerDataSource("jdbc:h2:mem:tamper-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
            Flyway.configure().dataSource(database).locations(locations("h2").toArray(String[]::new)).load()
                    .migrate();
        }
        return database;
    }

    @Override
    void bypassProtection(Connection connection) {
        // nothing to bypass
    }
}
