package jp.tsunagu.issue.web;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.org.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the menu offers 課題の登録, by the intake's own rule, so that the menu never hides the form
 * from someone the intake accepts nor shows it to someone it refuses. Its collaborators are optional so that other
 * modules' page slices ({@code @WebMvcTest}) start without them.
 */
@ControllerAdvice(annotations = WebPage.class)
class RaiseMenuAdvice {

    private final ObjectProvider<IssueIntake> intake;
    private final ObjectProvider<CurrentUser> currentUser;

    RaiseMenuAdvice(ObjectProvider<IssueIntake> intake, ObjectProvider<CurrentUser> currentUser) {
        this.intake = intake;
        this.currentUser = currentUser;
    }

    @ModelAttribute("mayRaise")
    boolean mayRaise() {
        IssueIntake raising = intake.getIfAvailable();
        CurrentUser caller = currentUser.getIfAvailable();
        return raising != null && caller != null && caller.find().map(raising::mayRaise).orElse(false);
    }
}
