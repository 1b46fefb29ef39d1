package jp.tsunagu.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.audit.TimelineSource;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;

/** Turns an audit event or a piece of the engine's history into timeline entries. */
final class TimelineEntries {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };

    private TimelineEntries() {
    }

    static TimelineEntry of(AuditEvent event) {
        Map<String, Object> details = parse(event.details());
        details.put("seq", event.seq());
        return new TimelineEntry(event.occurredAt(), TimelineSource.AUDIT_TRAIL, event.action(), event.actor(),
                details);
    }

    /** A started entry, and an ended entry once the activity has ended. */
    static List<TimelineEntry> of(HistoricActivityInstance activity) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activityId", activity.getActivityId());
        details.put("activityName", activity.getActivityName());
        details.put("activityType", activity.getActivityType());
        details.put("processDefinitionKey", activity.getProcessDefinitionKey());
        details.put("processInstanceId", activity.getProcessInstanceId());
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(instant(activity.getStartTime()), TimelineSource.ENGINE_ACTIVITY,
                "ACTIVITY_STARTED", activity.getAssignee(), details));
        if (activity.getEndTime() != null) {
            Map<String, Object> ended = new LinkedHashMap<>(details);
            ended.put("canceled", activity.isCanceled());
            entries.add(new TimelineEntry(instant(activity.getEndTime()), TimelineSource.ENGINE_ACTIVITY,
                    "ACTIVITY_ENDED", activity.getAssignee(), ended));
        }
        return entries;
    }

    static TimelineEntry of(HistoricJobLog job) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("jobId", job.getJobId());
        details.put("jobType", job.getJobDefinitionType());
        details.put("jobConfiguration", job.getJobDefinitionConfiguration());
        details.put("activityId", job.getActivityId());
        details.put("processDefinitionKey", job.getProcessDefinitionKey());
        details.put("processInstanceId", job.getProcessInstanceId());
        details.put("dueDate", job.getJobDueDate() == null ? null : instant(job.getJobDueDate()));
        details.put("hostname", job.getHostname());
        if (job.isFailureLog()) {
            details.put("exceptionMessage", job.getJobExceptionMessage());
        }
        return new TimelineEntry(instant(job.getTimestamp()), TimelineSource.ENGINE_JOB, jobState(job), null, details);
    }

    private static String jobState(HistoricJobLog job) {
        if (job.isCreationLog()) {
            return "JOB_CREATED";
        }
        if (job.isSuccessLog()) {
            return "JOB_SUCCEEDED";
        }
        if (job.isFailureLog()) {
            return "JOB_FAILED";
        }
        return "JOB_DELETED";
    }

    private static Map<String, Object> parse(String canonicalDetails) {
        try {
            return JSON.readValue(canonicalDetails, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not JSON", e);
        }
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
