package jp.tsunagu.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The indexes the engine's schema lacks are there once the engine has started, and creating them again is harmless. */
class EngineIndexesTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    EngineIndexes indexes;

    @Test
    void theEngineTablesHaveTheExtraIndexesAndAcquisitionUsesDueDates() {
        assertThat(indexedColumns()).containsExactly("ACT_RU_JOB.DUEDATE_", "ACT_RU_JOB.LOCK_EXP_TIME_",
                "ACT_RU_TASK.PARENT_TASK_ID_");

        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    }

    @Test
    void anotherNodeStartingOnTheSameDatabaseLeavesOneOfEach() {
        indexes.postProcessEngineBuild(engine);

        assertThat(indexedColumns()).hasSize(EngineIndexes.INDEXES.size());
    }

    private List<String> indexedColumns() {
        return EngineIndexes.INDEXES.stream().flatMap(index -> jdbc.sql("""
                select table_name || '.' || column_name from information_schema.index_columns
                where index_name = upper(?)""").param(index.name()).query(String.class).list().stream()).toList();
    }
}
