package jp.tsunagu.audit.web;

import java.io.IOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditEventPage;
import jp.tsunagu.audit.AuditExport;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.audit.ChainVerifier;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.Paging;
import jp.tsunagu.common.web.ItemList;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' tools. Read-only; the security configuration lets only AUDITOR in, and every refusal is audited.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    private final ChainVerifier verifier;
    private final AuditQueries queries;
    private final IssueTimeline timeline;
    private final AuditExport export;

    AuditController(ChainVerifier verifier, AuditQueries queries, IssueTimeline timeline, AuditExport export) {
        this.verifier = verifier;
        this.queries = queries;
        this.timeline = timeline;
        this.export = export;
    }

    @GetMapping("/verify")
    ChainVerification verify() {
        return verifier.verify();
    }

    @GetMapping("/events")
    ItemList<AuditEventItem> events(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String issueId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.offset(page, size, MAX_PAGE_SIZE);
        AuditEventPage found = queries.search(filter(from, to, actor, action, issueId), page, size);
        return new ItemList<>(found.items().stream().map(AuditEventItem::of).toList(), found.total());
    }

    @GetMapping("/issues/{id}/timeline")
    ItemList<TimelineEntry> timeline(@PathVariable String id) {
        return ItemList.of(timeline.of(id));
    }

    /** Streamed straight to the response, so that an export of the whole trail needs no memory of its own. */
    @GetMapping("/export.csv")
    void exportCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String issueId, Principal auditor, HttpServletResponse response)
            throws IOException {
        AuditEventFilter filter = filter(from, to, actor, action, issueId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
        export.writeCsv(filter, auditor.getName(), response.getOutputStream());
    }

    private static AuditEventFilter filter(OffsetDateTime from, OffsetDateTime to, String actor, AuditAction action,
            String issueId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        // Longer values cannot match a stored event, and would only end up in the export's audit details.
        if (actor != null && actor.length() > 64) {
            problems.add(new FieldProblem("actor", "must be at most 64 characters"));
        }
        if (issueId != null && issueId.length() > 36) {
            problems.add(new FieldProblem("issueId", "must be at most 36 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AuditEventFilter(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                blankToNull(actor), action, blankToNull(issueId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
