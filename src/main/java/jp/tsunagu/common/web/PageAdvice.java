package jp.tsunagu.common.web;

import java.beans.PropertyEditorSupport;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.UnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page needs (dates in the reader's language, the language of typed text, the current path for the
 * language switch), and the pages'
 * answer to the services' errors: a page with a message, never a stack trace.
 */
@ControllerAdvice(annotations = WebPage.class)
class PageAdvice {

    @ModelAttribute("dates")
    PageDates dates(Locale locale) {
        return new PageDates(locale);
    }

    /** The language of what people typed, for the {@code lang} attribute of the element that shows it. */
    @ModelAttribute("typed")
    ContentLanguage typed(Locale locale) {
        return new ContentLanguage(locale);
    }

    /**
     * Where the language switch leads ({@link LanguageSwitchPath}). A page rendered in answer to a form post names its
     * own form page instead ({@code currentPath} in the model), since the post's address has no page to show.
     */
    @ModelAttribute(LanguageSwitchPath.ATTRIBUTE)
    String currentPath(HttpServletRequest request) {
        return LanguageSwitchPath.of(request);
    }

    /**
     * A browser sends a textarea's line breaks as CRLF but counts each as one character against its maxlength. As one
     * LF each, a text the browser let through stays within the services' limits, which count as the browser does.
     */
    @InitBinder
    void lineBreaksAsTheBrowserCountsThem(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : text.replace("\r\n", "\n"));
            }
        });
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, HttpServletRequest request, Model model, Locale locale) {
        return problem(request, model, locale, e.messageKey(), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(HttpServletRequest request, Model model, Locale locale) {
        return problem(request, model, locale, "error.forbidden", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(HttpServletRequest request, Model model, Locale locale) {
        return problem(request, model, locale, "error.conflict", HttpStatus.CONFLICT);
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(HttpServletRequest request, Model model, Locale locale) {
        return problem(request, model, locale, "error.invalid", HttpStatus.BAD_REQUEST);
    }

    /**
     * A filter or page number in the address that does not parse ({@code /issues?status=FOO}): the conditions are
     * wrong, not the system, and the page itself without them is one click away.
     */
    @ExceptionHandler({BindException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(HttpServletRequest request, Model model, Locale locale) {
        if ("GET".equals(request.getMethod())) {
            model.addAttribute("retryPath", request.getRequestURI());
        }
        return problem(request, model, locale, "error.badRequest", HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(UnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(UnavailableException e, HttpServletRequest request, Model model, Locale locale) {
        model.addAttribute("problemArgs", e.messageArguments());
        return problem(request, model, locale, e.messageKey(), HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static String problem(HttpServletRequest request, Model model, Locale locale, String messageKey,
            HttpStatus status) {
        // An exception handler's model has none of the @ModelAttribute methods' attributes.
        model.addAttribute("dates", new PageDates(locale));
        model.addAttribute(LanguageSwitchPath.ATTRIBUTE, LanguageSwitchPath.ofError(request));
        model.addAttribute("problemKey", messageKey);
        // As Spring Boot's error controller does: the page's title says what kind of problem it is.
        model.addAttribute("status", status.value());
        // The same template Spring Boot renders for errors that reach its error controller.
        return "error";
    }
}
