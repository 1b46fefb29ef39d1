package jp.tsunagu.escalation.internal;

import javax.sql.DataSource;

import jp.tsunagu.testsupport.MigratedDatabase;
import jp.tsunagu.testsupport.RequiresPostgres;

@RequiresPostgres
class PostgresTaskListQueryTest extends TaskListQueryTests {

    @Override
    DataSource migrate() {
        return MigratedDatabase.postgres("task_list");
    }
}
