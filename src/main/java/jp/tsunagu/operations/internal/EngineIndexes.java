package jp.tsunagu.operations.internal;

import java.util.List;

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
 * Indexes the engine's own schema lacks, without which a storm of due timers costs time that grows with the number of
 * open issues (each found with PostgreSQL's statistics in the timer-storm benchmark, docs/benchmarks.md):
 *
 * <ul>
 *   <li>{@code ACT_RU_JOB (DUEDATE_)}: with {@code jobExecutorAcquireByDueDate} and {@code ensureJobDueDateNotNull}
 *       (application.properties), acquisition walks the due jobs in order and stops after a page, instead of reading
 *       and sorting all of them each time.</li>
 *   <li>{@code ACT_RU_JOB (LOCK_EXP_TIME_)}: acquisition leaves out jobs of a process instance that has a job running
 *       right now; this finds the running ones without reading the whole table.</li>
 *   <li>{@code ACT_RU_TASK (PARENT_TASK_ID_)}: the engine looks for sub-tasks whenever a task ends (a breach ends
 *       one), by a column with no index: a full read of the task table, which holds a task per open issue.</li>
 * </ul>
 *
 * <p>Flyway cannot create them: it runs before the engine creates its tables on a new database. This plugin runs once
 * the engine has built (created or updated) its schema and before the job executor starts. Creating is idempotent,
 * and a node that loses the race with another node starting at the same moment only logs it.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    record EngineIndex(String name, String table, String column) {
    }

    static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex("tsu_idx_job_acquisition", "ACT_RU_JOB", "DUEDATE_"),
            new EngineIndex("tsu_idx_job_lock_expiry", "ACT_RU_JOB", "LOCK_EXP_TIME_"),
            new EngineIndex("tsu_idx_task_parent", "ACT_RU_TASK", "PARENT_TASK_ID_"));

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final DataSource dataSource;
    private final boolean enabled;

    EngineIndexes(DataSource dataSource, @Value("${tsunagu.engine.extra-indexes:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!enabled) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (EngineIndex index : INDEXES) {
            try {
                jdbc.execute("create index if not exists " + index.name() + " on " + index.table() + " ("
                        + index.column() + ")");
            } catch (DataAccessException e) {
                // Two nodes starting together may both try; the loser sees a duplicate and the index is there.
                log.info("Index {} on {} not created by this node: {}", index.name(), index.table(),
                        e.getMostSpecificCause().getMessage());
            }
        }
    }
}
