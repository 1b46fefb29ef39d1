package jp.tsunagu.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test run on the local server (127.0.0.1:5432, user postgres, trust auth;
 * override with TSUNAGU_TEST_PG_HOST, _PORT, _USER). Databases of earlier runs are dropped when the next run starts;
 * one still in use by a concurrent run is left alone.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("TSUNAGU_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TSUNAGU_TEST_PG_PORT", "5432");
    public static final String USER = env("TSUNAGU_TEST_PG_USER", "postgres");
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    private static final String PREFIX = "tsunagu_test_";

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
            dropIdleLeftovers();
            String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
        }
        return url;
    }

    private static void dropIdleLeftovers() {
        List<String> leftovers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("select datname from pg_database d where starts_with(datname, '"
                        + PREFIX + "') and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + describeServer() + ": " + e.getMessage(), e);
        }
        for (String leftover : leftovers) {
            try {
                execute("drop database if exists " + leftover);
            } catch (IllegalStateException inUseMeanwhile) {
                // another run connected to it in the meantime; it stays until a later run
            }
        }
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
