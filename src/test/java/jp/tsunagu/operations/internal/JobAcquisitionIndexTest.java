package jp.tsunagu.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tsunagu.AbstractIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The index the engine's schema lacks is there once the engine has started, and creating it again is harmless. */
class JobAcquisitionIndexTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JobAcquisitionIndex index;

    @Test
    void theEngineTablesHaveTheDueDateIndexAndAcquisitionUsesDueDates() {
        assertThat(indexColumns()).containsExactly("DUEDATE_");

        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    }

    @Test
    void anotherNodeStartingOnTheSameDatabaseLeavesTheOneIndex() {
        index.postProcessEngineBuild(engine);

        assertThat(indexColumns()).containsExactly("DUEDATE_");
    }

    private java.util.List<String> indexColumns() {
        return jdbc.sql("""
                select column_name from information_schema.index_columns
                where index_name = upper(?) order by ordinal_position""")
                .param(JobAcquisitionIndex.NAME).query(String.class).list();
    }
}
