package jp.tsunagu.audit.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.ChainVerifier;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.audit.TimelineSource;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.WebPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 監査: one issue's full timeline (audit trail and engine history, each line marked with its source) and the chain
 * verification. Verification reads the whole chain, so it runs on an explicit POST, never on a page load.
 */
@Controller
@WebPage
class AuditToolsPageController {

    private static final String RAISED = AuditAction.ISSUE_RAISED.name();

    private final IssueTimeline timeline;
    private final ChainVerifier verifier;

    AuditToolsPageController(IssueTimeline timeline, ChainVerifier verifier) {
        this.timeline = timeline;
        this.verifier = verifier;
    }

    /**
     * The timeline of an issue given by its number (as users see it everywhere, {@code 2026-000002}) or its id. An
     * issue nobody knows keeps the form, with a message at the field (404).
     */
    @GetMapping("/audit/timeline")
    String timeline(@RequestParam(required = false) String issueId, Model model, HttpServletResponse response) {
        String asked = issueId == null || issueId.isBlank() ? null : issueId.strip();
        boolean tooLong = asked != null && asked.length() > AuditSearchForm.MAX_ISSUE_ID;
        model.addAttribute("issueId", asked);
        model.addAttribute("tooLong", tooLong);
        model.addAttribute("notFound", false);
        model.addAttribute("entries", List.of());
        if (asked == null || tooLong) {
            return "audit-timeline";
        }
        String id = timeline.issueIdOf(asked).orElse(asked);
        List<TimelineEntry> entries;
        try {
            entries = timeline.of(id);
        } catch (NotFoundException e) {
            model.addAttribute("notFound", true);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "audit-timeline";
        }
        model.addAttribute("resolvedId", id);
        // The raise's audit event carries the number and the title (routing data, never personal details).
        entries.stream().filter(e -> e.source() == TimelineSource.AUDIT_TRAIL && RAISED.equals(e.what())).findFirst()
                .ifPresent(raised -> {
                    model.addAttribute("issueNumber", raised.details().get("number"));
                    model.addAttribute("issueTitle", raised.details().get("title"));
                });
        model.addAttribute("entries", entries.stream().map(AuditTimelineRow::of).toList());
        return "audit-timeline";
    }

    @GetMapping("/audit/verify")
    String verifyPage() {
        return "audit-verify";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("result", verifier.verify());
        return "audit-verify";
    }
}
