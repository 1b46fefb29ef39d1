package jp.tsunagu.escalation.web;

import java.util.List;
import java.util.Locale;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 承認待ち: the caller's approval tasks, each with the request's reason and the issue summary on one screen. */
@Controller
@WebPage
class ApprovalPageController {

    private final EscalationService escalation;
    private final IssueQueries queries;
    private final IssueComments comments;
    private final CurrentUser currentUser;
    private final Organisation organisation;

    ApprovalPageController(EscalationService escalation, IssueQueries queries, IssueComments comments,
            CurrentUser currentUser, Organisation organisation) {
        this.escalation = escalation;
        this.queries = queries;
        this.comments = comments;
        this.currentUser = currentUser;
        this.organisation = organisation;
    }

    @GetMapping("/approvals")
    String approvals(Model model, Locale locale) {
        Person me = currentUser.require();
        List<Approval> approvals = escalation.openTasks(me, TaskListFilter.ofKind(TaskKind.APPROVE_ESCALATION), 0,
                        EscalationService.TASK_LIST_LIMIT).stream()
                .map(task -> approval(task, me, locale))
                .toList();
        model.addAttribute("approvals", approvals);
        return "approvals";
    }

    private Approval approval(TaskView task, Person me, Locale locale) {
        IssueView issue = queries.view(task.issue().id(), me);
        List<HistoryEntry> history = comments.history(issue.id(), me);
        String requester = history.stream()
                .filter(entry -> "ESCALATION_REQUESTED".equals(entry.action()))
                .reduce((first, second) -> second)
                .map(entry -> organisation.findPerson(entry.actor()).map(Person::displayName).orElse(entry.actor()))
                .orElse("");
        return new Approval(task, issue, SectionNames.of(organisation, issue.sectionCode(), locale),
                IssueDetailPageController.latestReason(history), requester);
    }

    public record Approval(TaskView task, IssueView issue, String sectionName, String reason, String requester) {
    }
}
