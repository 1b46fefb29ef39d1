package jp.tsunagu.operations.internal;

import java.lang.reflect.Field;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * This node's job executor is active and its acquisition thread runs. Part of readiness: a node whose executor has
 * stopped would let its share of the timers wait for the other nodes. Only where job execution is enabled.
 */
@Component("jobExecutorHealthIndicator")
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    JobExecutorHealthIndicator(ProcessEngine engine) {
        super("The job executor could not be checked");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor();
        boolean active = executor != null && executor.isActive();
        Optional<Boolean> acquiring = active ? acquisitionThreadAlive(executor) : Optional.of(false);
        builder.status(active && acquiring.orElse(true) ? "UP" : "DOWN")
                .withDetail("active", active)
                .withDetail("acquiring", acquiring.map(Object::toString).orElse("unknown"));
        if (executor != null) {
            builder.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        }
    }

    /** The engine keeps the acquisition thread in a protected field; unknown if a later engine renames it. */
    private static Optional<Boolean> acquisitionThreadAlive(JobExecutor executor) {
        try {
            Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
            field.setAccessible(true);
            Thread thread = (Thread) field.get(executor);
            return Optional.of(thread != null && thread.isAlive());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
