package jp.tsunagu.sla.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.CalendarAdministration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each change runs in one transaction: the calendar stores it, the escalation module records the due times it moves
 * (it listens to {@link jp.tsunagu.sla.OpeningDaysChanged}), and the audit event is appended at commit. When that
 * transaction rolls back, the calendar reads itself again from the database.
 */
@Service
@Transactional
public class AuditedCalendarAdministration implements CalendarAdministration {

    private final BusinessCalendar calendar;
    private final AuditTrail auditTrail;

    AuditedCalendarAdministration(BusinessCalendar calendar, AuditTrail auditTrail) {
        this.calendar = calendar;
        this.auditTrail = auditTrail;
    }

    @Override
    public int replaceHolidayData(byte[] shiftJisCsv) {
        LocalDate before = calendar.holidayDataCoversUntil();
        int issuesToMove = calendar.replaceHolidayData(shiftJisCsv);
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "holiday data",
                "coveredUntilBefore", before.toString(), "coveredUntil", calendar.holidayDataCoversUntil().toString(),
                "issuesToMove", issuesToMove));
        return issuesToMove;
    }

    @Override
    public ClosureSaved addClosure(LocalDate date, String reason, String addedBy) {
        if (date == null) {
            throw new InvalidInputException("date", DATE_REQUIRED);
        }
        String stored = reason == null ? "" : reason.strip();
        if (stored.isEmpty() || stored.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", REASON_LENGTH);
        }
        BusinessCalendar.ClosureAdded added = calendar.addClosure(date, stored, addedBy);
        ClosureSaved saved = new ClosureSaved(stored, added.previousReason(), added.issuesToMove());
        if (!saved.isUnchanged()) {
            auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, closureDetails(date, saved));
        }
        return saved;
    }

    @Override
    public OptionalInt removeClosure(LocalDate date) {
        OptionalInt issuesToMove = calendar.removeClosure(date);
        issuesToMove.ifPresent(issues -> auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure removed", "date", date.toString(), "issuesToMove", issues)));
        return issuesToMove;
    }

    /** A new closure with the issues it moves; a new reason with the old one. */
    private static Map<String, Object> closureDetails(LocalDate date, ClosureSaved saved) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", saved.isNew() ? "closure added" : "closure reason changed");
        details.put("date", date.toString());
        saved.previousReason().ifPresent(old -> details.put("before.reason", old));
        details.put("reason", saved.reason());
        if (saved.isNew()) {
            details.put("issuesToMove", saved.issuesToMove());
        }
        return details;
    }
}
