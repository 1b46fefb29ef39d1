package jp.tsunagu.escalation.internal;

import javax.sql.DataSource;

import jp.tsunagu.testsupport.MigratedDatabase;

class H2TaskListQueryTest extends TaskListQueryTests {

    @Override
    DataSource migrate() {
        return MigratedDatabase.h2("task-list");
    }
}
