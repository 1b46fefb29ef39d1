package jp.tsunagu.operations.internal;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on {@code ACT_RU_JOB (DUEDATE_)}, which the engine's own schema does not have.
 *
 * <p>With {@code jobExecutorAcquireByDueDate} and {@code ensureJobDueDateNotNull} (see application.properties), job
 * acquisition asks for the first few due jobs in due-date order. Without this index PostgreSQL reads and sorts every
 * due job each time, and checks each one against the exclusive-job rule, so a storm of N due timers costs about N
 * probes per acquisition, N squared in all. With it, acquisition walks the index and stops after a page.
 *
 * <p>Flyway cannot create it: Flyway runs before the engine creates its tables on a new database. This plugin runs
 * once the engine has built (and created or updated) its schema, and before the job executor starts. Creating it is
 * idempotent, and a node that loses the race with another node starting at the same moment just logs it.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String NAME = "tsu_idx_job_acquisition";
    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final DataSource dataSource;
    private final boolean enabled;

    JobAcquisitionIndex(DataSource dataSource,
            @Value("${tsunagu.engine.job-acquisition-index:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!enabled) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            jdbc.execute("create index if not exists " + NAME + " on ACT_RU_JOB (DUEDATE_)");
        } catch (DataAccessException e) {
            // Two nodes starting together may both try; the loser sees a duplicate and the index is there.
            log.info("Index {} on ACT_RU_JOB not created by this node: {}", NAME, e.getMostSpecificCause().getMessage());
        }
    }
}
