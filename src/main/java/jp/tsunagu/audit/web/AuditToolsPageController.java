package jp.tsunagu.audit.web;

import java.util.List;

import jp.tsunagu.audit.ChainVerifier;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.common.web.WebPage;
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

    private final IssueTimeline timeline;
    private final ChainVerifier verifier;

    AuditToolsPageController(IssueTimeline timeline, ChainVerifier verifier) {
        this.timeline = timeline;
        this.verifier = verifier;
    }

    @GetMapping("/audit/timeline")
    String timeline(@RequestParam(required = false) String issueId, Model model) {
        String id = issueId == null || issueId.isBlank() ? null : issueId.strip();
        boolean tooLong = id != null && id.length() > AuditSearchForm.MAX_ISSUE_ID;
        model.addAttribute("issueId", id);
        model.addAttribute("tooLong", tooLong);
        model.addAttribute("entries", id == null || tooLong ? List.of()
                : timeline.of(id).stream().map(AuditTimelineRow::of).toList());
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
