package jp.tsunagu.audit.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventPage;
import jp.tsunagu.audit.AuditExport;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.common.web.Pager;
import jp.tsunagu.common.web.WebPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 監査: event search with paging, and the same search as a CSV download. AUDITOR only (the page chain). */
@Controller
@WebPage
class AuditPageController {

    static final int PAGE_SIZE = 50;
    /** Beyond this, the offset would not fit an int anywhere down the line; no trail is that long. */
    static final int MAX_PAGE = Integer.MAX_VALUE / PAGE_SIZE;

    private final AuditQueries queries;
    private final AuditExport export;
    private final IssueTimeline timeline;

    AuditPageController(AuditQueries queries, AuditExport export, IssueTimeline timeline) {
        this.queries = queries;
        this.export = export;
        this.timeline = timeline;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String issueId, @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditSearchForm form = new AuditSearchForm(from, to, actor, action, issueId);
        int current = Math.min(Math.max(page, 0), MAX_PAGE);
        List<AuditSearchForm.Problem> problems = form.problems();
        model.addAttribute("form", form);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            return "audit-search";
        }
        AuditEventPage found = queries.search(form.toFilter(timeline::issueIdOf), current, PAGE_SIZE);
        // The page's issues by number, in one query rather than one an event.
        Map<String, String> numbers = timeline.numbersOf(found.items().stream().map(AuditEvent::issueId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        model.addAttribute("rows", found.items().stream().map(event -> AuditEventRow.of(event, numbers)).toList());
        model.addAttribute("pager", Pager.of(current, PAGE_SIZE, found.items().size(), found.total(),
                number -> form.link("/audit", number)));
        model.addAttribute("exportLink", form.link("/audit/export.csv", null));
        return "audit-search";
    }

    /** The page-side twin of {@code GET /api/audit/export.csv}, for a browser session; audited by the export itself. */
    @GetMapping("/audit/export.csv")
    void exportCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String issueId, Principal auditor, HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        AuditSearchForm form = new AuditSearchForm(from, to, actor, action, issueId);
        if (!form.problems().isEmpty()) {
            // The search page says what is wrong (a reversed range, say) next to the field.
            response.sendRedirect(request.getContextPath() + form.link("/audit", null));
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
        export.writeCsv(form.toFilter(timeline::issueIdOf), auditor.getName(), response.getOutputStream());
    }
}
