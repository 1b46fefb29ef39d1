package jp.tsunagu.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test run on the local server (127.0.0.1:5432, user postgres, trust auth;
 * override with TSUNAGU_TEST_PG_HOST, _PORT, _USER). It is dropped when the JVM ends.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("TSUNAGU_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TSUNAGU_TEST_PG_PORT", "5432");
    public static final String USER = env("TSUNAGU_TEST_PG_USER", "postgres");
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private static String url;

    private PostgresTestDatabase() {
    }

    public static boolean serverAnswers() {
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL + "?connectTimeout=3", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static String describeServer() {
        return ADMIN_URL + " as " + USER;
    }

    /** The JDBC URL of this run's database, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            String name = "tsunagu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
            url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
        }
        return url;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + describeServer() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
