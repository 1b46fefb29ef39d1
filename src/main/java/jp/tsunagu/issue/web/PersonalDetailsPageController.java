package jp.tsunagu.issue.web;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Person;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 表示 button of 課題の詳細. The clear text is rendered once, in the answer to the POST, and never travels in a
 * redirect or a flash attribute; a refusal goes back to the issue with the usual page message.
 */
@Controller
@WebPage
class PersonalDetailsPageController {

    private final PersonalDetails personalDetails;
    private final IssueQueries queries;
    private final CurrentUser currentUser;

    PersonalDetailsPageController(PersonalDetails personalDetails, IssueQueries queries, CurrentUser currentUser) {
        this.personalDetails = personalDetails;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** Reloading or switching language on the revealed page asks again, from the issue. */
    @GetMapping("/issues/{id}/personal-details")
    String backToTheIssue(@PathVariable String id) {
        return "redirect:/issues/" + id;
    }

    @PostMapping("/issues/{id}/personal-details")
    String reveal(@PathVariable String id, @RequestParam(defaultValue = "") String purpose, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        Person me = currentUser.require();
        String clearText;
        try {
            clearText = personalDetails.reveal(id, me, purpose.strip());
        } catch (ForbiddenException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "error.forbidden");
            return "redirect:/issues/" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "error.revealPurpose");
            return "redirect:/issues/" + id;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issue", queries.view(id, me));
        model.addAttribute("clearText", clearText);
        return "issue-personal-details";
    }
}
