package jp.tsunagu.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database migrated as the application migrates it (the common scripts and the vendor's), for JDBC tests that
 * need the schema without the application.
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** An in-memory H2 database of its own, kept until the JVM ends. */
    public static DataSource h2(String name) {
        DataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations(locations("h2")).load().migrate();
        return database;
    }

    /** A schema of its own in this run's PostgreSQL database ({@link PostgresTestDatabase}). */
    public static DataSource postgres(String name) {
        String schema = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(PostgresTestDatabase.url(), PostgresTestDatabase.USER, "")
                .schemas(schema).defaultSchema(schema).locations(locations("postgresql")).load().migrate();
        return new DriverManagerDataSource(PostgresTestDatabase.url() + "?currentSchema=" + schema,
                PostgresTestDatabase.USER, "");
    }

    private static String[] locations(String vendor) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }
}
