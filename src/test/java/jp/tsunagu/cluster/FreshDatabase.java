package jp.tsunagu.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL, for tests that start their own nodes and must not share state with
 * the cached test contexts. It carries the prefix of {@code PostgresTestDatabase}, so a run that dies before
 * {@link #drop()} leaves nothing that the next run does not clean up.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final String HOST = env("TSUNAGU_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TSUNAGU_TEST_PG_PORT", "5432");
    public static final String USER = env("TSUNAGU_TEST_PG_USER", "postgres");
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    public static FreshDatabase create(String purpose) {
        String name = "tsunagu_test_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin("create database " + name);
        return new FreshDatabase(name);
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    public void drop() {
        admin("drop database if exists " + name + " with (force)");
    }

    @Override
    public void close() {
        drop();
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
