package jp.tsunagu.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaDuration;
import jp.tsunagu.sla.SlaPolicyTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SLA policy in force per severity: an administrator's change from the {@code sla_policy} table where there is
 * one, else the configured default. The changes are kept in memory, because the SLA clock asks at every level an
 * issue enters; a change made through another node arrives with the next refresh, every
 * {@code tsunagu.calendar.refresh} (a minute), as the calendar's changes do.
 */
@Component
public class AdministeredSlaPolicies implements SlaPolicyTable {

    private static final Logger log = LoggerFactory.getLogger(AdministeredSlaPolicies.class);
    private static final String SELECT =
            "select severity, calendar, acknowledge, resolve, changed_by, changed_at from sla_policy";

    private final SlaProperties defaults;
    private final CalendarProperties calendar;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    private volatile Map<String, Row> changes;

    AdministeredSlaPolicies(SlaProperties defaults, CalendarProperties calendar, JdbcClient jdbc, AuditTrail auditTrail,
            Clock clock) {
        this.defaults = defaults;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.changes = stored();
    }

    /** @throws IllegalArgumentException for a severity other than CRITICAL, HIGH, MEDIUM or LOW */
    public SlaPolicy policyFor(String severity) {
        Row changed = severity == null ? null : changes.get(severity.toUpperCase(Locale.ROOT));
        return changed == null ? defaults.policyFor(severity)
                : new SlaPolicy(changed.calendar(), changed.acknowledge(), changed.resolve());
    }

    @Override
    public List<Row> rows() {
        Map<String, Row> current = changes;
        return SlaProperties.SEVERITIES.stream().map(severity -> {
            Row changed = current.get(severity);
            if (changed != null) {
                return changed;
            }
            SlaPolicy policy = defaults.policyFor(severity);
            return new Row(severity, policy.calendar(), policy.acknowledge(), policy.resolve(), null, null);
        }).toList();
    }

    @Override
    @Transactional
    public synchronized void change(String severity, String calendarText, String acknowledgeText, String resolveText,
            String changedBy) {
        String key = SlaPolicyInput.severity(severity);
        SlaPolicy after = SlaPolicyInput.read(calendarText, acknowledgeText, resolveText, calendar);
        SlaPolicy before = inForce(key);
        if (after.equals(before)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("delete from sla_policy where severity = ?").param(key).update();
        try {
            jdbc.sql("""
                    insert into sla_policy (severity, calendar, acknowledge, resolve, changed_by, changed_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(key, after.calendar().toString(), after.acknowledge().toString(),
                            after.resolve().toString(), changedBy,
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another administrator changed the " + key + " policy at the same moment");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "SLA policy changed");
        details.put("severity", key);
        describe("before.", before, details);
        describe("", after, details);
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
        refreshAfterCommit();
    }

    @Override
    @Transactional
    public synchronized void restoreDefault(String severity) {
        String key = SlaPolicyInput.severity(severity);
        SlaPolicy before = inForce(key);
        if (jdbc.sql("delete from sla_policy where severity = ?").param(key).update() == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "SLA policy restored to the default");
        details.put("severity", key);
        describe("before.", before, details);
        describe("", defaults.policyFor(key), details);
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
        refreshAfterCommit();
    }

    /** The clock uses a change once it has committed, never one that rolled back. */
    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    /** Reads the changes again: after this node's own change, and for those made through another node. */
    @Scheduled(fixedDelayString = "${tsunagu.calendar.refresh:PT1M}",
            initialDelayString = "${tsunagu.calendar.refresh:PT1M}")
    public synchronized void refresh() {
        Map<String, Row> stored = stored();
        if (!stored.equals(changes)) {
            changes = stored;
            log.info("SLA policy read from the database: {} of the severities differ from the defaults",
                    stored.size());
        }
    }

    /** The policy in force as the database says, not this node's memory, which may be a refresh behind. */
    private SlaPolicy inForce(String severity) {
        Row row = read(jdbc.sql(SELECT + " where severity = ?").param(severity)).get(severity);
        return row == null ? defaults.policyFor(severity)
                : new SlaPolicy(row.calendar(), row.acknowledge(), row.resolve());
    }

    private Map<String, Row> stored() {
        return read(jdbc.sql(SELECT));
    }

    /** A stored row that no longer reads (edited by hand) is logged and left out: its severity runs on the default. */
    private Map<String, Row> read(JdbcClient.StatementSpec statement) {
        Map<String, Row> rows = new LinkedHashMap<>();
        statement.query(rs -> {
            String severity = rs.getString("severity");
            try {
                rows.put(severity, new Row(severity, CalendarKind.from(rs.getString("calendar")),
                        SlaDuration.parse(rs.getString("acknowledge")), SlaDuration.parse(rs.getString("resolve")),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()));
            } catch (IllegalArgumentException e) {
                log.error("The stored SLA policy of {} does not read; using the default: {}", severity, e.getMessage());
            }
        });
        rows.keySet().retainAll(SlaProperties.SEVERITIES);
        return Map.copyOf(rows);
    }

    private static void describe(String prefix, SlaPolicy policy, Map<String, Object> details) {
        details.put(prefix + "calendar", policy.calendar().toString());
        details.put(prefix + "acknowledge", policy.acknowledge().toString());
        details.put(prefix + "resolve", policy.resolve().toString());
    }
}
