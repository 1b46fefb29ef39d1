package jp.tsunagu.issue.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.UnavailableException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import org.springframework.beans.BeanUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 課題の登録: the raise form, through the same {@link IssueIntake} as {@code POST /api/issues}. A hidden token becomes
 * the idempotency key, so a double submit finds the first issue instead of raising a second one.
 */
@Controller
@WebPage
class IssuePageController {

    private final IssueIntake intake;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final Validator validator;

    IssuePageController(IssueIntake intake, CurrentUser currentUser, Organisation organisation, Validator validator) {
        this.intake = intake;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.validator = validator;
    }

    @GetMapping("/issues/new")
    String form(Model model, Locale locale) {
        Person me = currentUser.require();
        intake.requireMayRaise(me);
        // A form the language switch brought back (a flash attribute) keeps what was typed.
        if (!model.containsAttribute("form")) {
            IssueForm form = new IssueForm();
            form.setSectionCode(me.sectionCode());
            form.setIdempotencyToken(UUID.randomUUID().toString());
            model.addAttribute("form", form);
        }
        return formView(model, me, locale);
    }

    /**
     * The language switch on this page submits the form to {@code /issues?lang=…} (which switches the language), so that
     * what was typed survives the switch: nothing is checked or raised, and the form comes back in the other language
     * under its own address. The typed text waits in the session for that one request, as a flash attribute does.
     */
    @PostMapping(value = "/issues", params = "languageSwitch")
    String switchLanguage(@ModelAttribute("form") IssueForm form, BindingResult ignoredUntilSent,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("form", form);
        return "redirect:/issues/new";
    }

    @PostMapping("/issues")
    String raise(@ModelAttribute("form") IssueForm form, BindingResult binding, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes flash) {
        Person me = currentUser.require();
        intake.requireMayRaise(me);
        RaiseIssueRequest request = form.toRequest();
        if (!binding.hasErrors()) {
            reject(binding, validator.validate(request));
        }
        if (!binding.hasErrors()) {
            try {
                RaisedIssue raised = intake.raise(request, me, Optional.ofNullable(blankToNull(form.getIdempotencyToken())));
                flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "done.raised");
                return "redirect:/issues/" + raised.id();
            } catch (InvalidInputException e) {
                reject(binding, form, e.problems());
            } catch (UnavailableException e) {
                // The form comes back as it was filled in, with what stands in the way.
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                model.addAttribute(PageErrors.FLASH_ERROR, e.messageKey());
                model.addAttribute(PageErrors.FLASH_ERROR_ARGUMENTS, e.messageArguments());
            }
        }
        if (binding.hasErrors()) {
            // Refused input, as on the other forms: 400, with the form as it was filled in and what is wrong.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return formView(model, me, locale);
    }

    private String formView(Model model, Person me, Locale locale) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("owningSections", intake.sectionsToRaiseFor(me));
        IssueForm form = (IssueForm) model.getAttribute("form");
        model.addAttribute("relatedSectionGroups", RelatedSectionGroup.of(organisation, me,
                form == null ? List.of() : form.getRelatedSections()));
        model.addAttribute("english", Locale.ENGLISH.getLanguage().equals(locale.getLanguage()));
        // Also after a post that came back with errors: the language switch leads to the form, not to the post.
        model.addAttribute("currentPath", "/issues/new");
        // The switch sends this form along instead of leaving it (see switchLanguage).
        model.addAttribute("languageSwitchForm", "raise-form");
        model.addAttribute("languageSwitchAction", "/issues");
        return "issue-new";
    }

    /**
     * Bean validation's violations become field errors whose code is the constraint's name, so the message bundle
     * says them in the reader's language (with {@code max} as an argument where there is one).
     */
    private static void reject(BindingResult binding, Set<ConstraintViolation<RaiseIssueRequest>> violations) {
        for (ConstraintViolation<RaiseIssueRequest> violation : violations) {
            String field = violation.getPropertyPath().iterator().next().getName();
            ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
            Object max = descriptor.getAttributes().get("max");
            binding.rejectValue(field, descriptor.getAnnotation().annotationType().getSimpleName(),
                    new Object[] {max}, violation.getMessage());
        }
    }

    /**
     * The intake's own problems, in the reader's language by their message code: at their field, or about the whole
     * form for one it does not have (the idempotency key). A refused key is replaced, so that sending again can work.
     */
    private static void reject(BindingResult binding, IssueForm form, List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            String code = problem.messageCode() == null ? "InvalidInput" : problem.messageCode();
            if (BeanUtils.getPropertyDescriptor(IssueForm.class, problem.field()) != null) {
                binding.rejectValue(problem.field(), code, problem.message());
            } else {
                binding.reject(code, problem.message());
            }
            if (IssueIntake.IDEMPOTENCY_KEY.equals(problem.field())) {
                form.setIdempotencyToken(UUID.randomUUID().toString());
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
