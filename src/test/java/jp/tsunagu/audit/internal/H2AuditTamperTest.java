package jp.tsunagu.audit.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import jp.tsunagu.testsupport.MigratedDatabase;

/** On H2 there is no trigger; the chain alone shows the tampering. */
class H2AuditTamperTest extends AuditTamperTests {

    private static DataSource database;

    @Override
    DataSource database() {
        if (database == null) {
            database = MigratedDatabase.h2("tamper");
        }
        return database;
    }

    @Override
    void bypassProtection(Connection connection) {
        // nothing to bypass
    }
}
