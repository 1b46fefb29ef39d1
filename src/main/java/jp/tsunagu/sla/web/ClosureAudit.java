package jp.tsunagu.sla.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;

/**
 * How the page and the API audit a closure change, so that both write the same: a new closure, a new reason for a
 * closure (with the old reason), a removal. The same reason again, or removing a date that is no closure, is no
 * change and is not audited.
 */
final class ClosureAudit {

    private ClosureAudit() {
    }

    /** @return whether anything changed */
    static boolean added(AuditTrail auditTrail, LocalDate date, String reason, Optional<String> before,
            int issuesToMove) {
        if (before.filter(reason::equals).isPresent()) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", before.isEmpty() ? "closure added" : "closure reason changed");
        details.put("date", date.toString());
        before.ifPresent(old -> details.put("before.reason", old));
        details.put("reason", reason);
        if (before.isEmpty()) {
            details.put("issuesToMove", issuesToMove);
        }
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
        return true;
    }

    static void removed(AuditTrail auditTrail, LocalDate date, int issuesToMove) {
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "closure removed", "date", date.toString(), "issuesToMove", issuesToMove));
    }
}
