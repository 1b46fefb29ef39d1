package jp.tsunagu.escalation.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 課題の詳細 and its actions. Every action goes through {@link EscalationService} or {@link IssueComments}, the same
 * services as the JSON API; a refusal comes back as a message on the page.
 */
@Controller
@WebPage
class IssueDetailPageController {

    private final IssueQueries queries;
    private final IssueComments comments;
    private final EscalationService escalation;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final PersonalDetails personalDetails;

    IssueDetailPageController(IssueQueries queries, IssueComments comments, EscalationService escalation,
            CurrentUser currentUser, Organisation organisation, PersonalDetails personalDetails) {
        this.queries = queries;
        this.comments = comments;
        this.escalation = escalation;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.personalDetails = personalDetails;
    }

    @GetMapping("/issues/{id}")
    String issue(@PathVariable String id, Model model, Locale locale) {
        Person me = currentUser.require();
        IssueView issue = queries.view(id, me);
        List<HistoryEntry> history = comments.history(id, me);
        model.addAttribute("issue", issue);
        model.addAttribute("sectionName", SectionNames.of(organisation, issue.sectionCode(), locale));
        model.addAttribute("relatedSectionNames", issue.relatedSections().stream()
                .map(code -> SectionNames.of(organisation, code, locale)).toList());
        model.addAttribute("raiserName", actorName(issue.createdBy(), locale));
        model.addAttribute("levels", Level.values());
        model.addAttribute("actions", IssueActions.of(issue, me, escalation.openTasksOn(issue.id(), me)));
        // The reveal is offered only to those it would not refuse, and only when there is something to reveal.
        model.addAttribute("mayReveal", issue.personalDetails() != null && personalDetails.mayReveal(id, me));
        model.addAttribute("timeline", history.stream()
                .map(entry -> TimelineEntry.of(entry, actorName(entry.actor(), locale))).toList());
        model.addAttribute("escalationReason", issue.status() == IssueStatus.ESCALATION_REQUESTED
                ? latestReason(history) : null);
        return "issue";
    }

    @GetMapping(value = "/issues/{id}/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, List<String>>> activities(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("activities", escalation.currentActivities(id, currentUser.require())));
    }

    @GetMapping(value = "/diagrams/issue-level.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    Resource diagram() {
        return new ClassPathResource("bpmn/issue-level.bpmn");
    }

    @PostMapping("/issues/{id}/acknowledge")
    String acknowledge(@PathVariable String id, RedirectAttributes flash) {
        PageErrors.run(flash, "done.acknowledged", () -> escalation.acknowledge(id, currentUser.require()));
        return back(id);
    }

    @PostMapping("/issues/{id}/comments")
    String comment(@PathVariable String id, @RequestParam(defaultValue = "") String text, RedirectAttributes flash) {
        PageErrors.run(flash, "done.commented", () -> comments.add(id, currentUser.require(), text), "comment-text", text);
        return back(id);
    }

    @PostMapping("/issues/{id}/escalation-requests")
    String requestEscalation(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        PageErrors.run(flash, "done.escalationRequested",
                () -> escalation.requestEscalation(id, currentUser.require(), reason), "escalation-reason-input", reason);
        return back(id);
    }

    @PostMapping("/issues/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String from, RedirectAttributes flash) {
        PageErrors.run(flash, "done.approved", () -> escalation.approveEscalation(id, currentUser.require(), comment),
                decisionField("approve-comment", id, from), comment);
        return "approvals".equals(from) ? "redirect:/approvals" : back(id);
    }

    @PostMapping("/issues/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String from, RedirectAttributes flash) {
        PageErrors.run(flash, "done.rejected", () -> escalation.rejectEscalation(id, currentUser.require(), comment),
                decisionField("reject-comment", id, from), comment);
        return "approvals".equals(from) ? "redirect:/approvals" : back(id);
    }

    @PostMapping("/issues/{id}/pause")
    String pause(@PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        PageErrors.run(flash, "done.paused", () -> escalation.pause(id, currentUser.require(), reason), "pause-reason",
                reason);
        return back(id);
    }

    @PostMapping("/issues/{id}/resume")
    String resume(@PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        PageErrors.run(flash, "done.resumed", () -> escalation.resume(id, currentUser.require(), reason), "resume-reason",
                reason);
        return back(id);
    }

    @PostMapping("/issues/{id}/resolve")
    String resolve(@PathVariable String id, @RequestParam(defaultValue = "") String resolution,
            RedirectAttributes flash) {
        PageErrors.run(flash, "done.resolved", () -> escalation.resolve(id, currentUser.require(), resolution),
                "resolution", resolution);
        return back(id);
    }

    private String actorName(String username, Locale locale) {
        if (AuditTrail.SYSTEM_ACTOR.equals(username)) {
            return null;
        }
        return organisation.findPerson(username).map(Person::displayName).orElse(username);
    }

    static String latestReason(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (AuditAction.ESCALATION_REQUESTED.name().equals(entry.action()) && entry.details() != null) {
                Object reason = entry.details().get("reason");
                return reason == null ? null : reason.toString();
            }
        }
        return null;
    }

    /** 承認待ち shows a decision form for each issue, so there the field's id names the issue too. */
    private static String decisionField(String field, String id, String from) {
        return "approvals".equals(from) ? field + "-" + id : field;
    }

    private static String back(String id) {
        return "redirect:/issues/" + id;
    }
}
