package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jp.tsunagu.testsupport.MigratedDatabase;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The trigger refuses UPDATE, DELETE and TRUNCATE even to the superuser who owns the table; a superuser who switches
 * triggers off ({@code session_replication_role = replica}) is still caught by the chain.
 */
@RequiresPostgres
class PostgresAuditTamperTest extends AuditTamperTests {

    private static DataSource database;

    @Override
    DataSource database() {
        if (database == null) {
            database = MigratedDatabase.postgres("audit_tamper");
        }
        return database;
    }

    @Override
    void bypassProtection(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
        }
    }

    @Test
    void theTriggerRefusesUpdateDeleteAndTruncateEvenToTheOwner() {
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'suzuki' where seq = 3"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = 3"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: TRUNCATE refused");

        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(LENGTH);
        assertThat(verifier.verify().valid()).isTrue();
    }
}
