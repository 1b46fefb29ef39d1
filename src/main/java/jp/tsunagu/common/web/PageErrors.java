package jp.tsunagu.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.UnavailableException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a page action and turns the services' refusals into a message key flashed to the next page, so that the
 * reader stays on the issue and reads what happened in their language.
 */
public final class PageErrors {

    public static final String FLASH_ERROR = "errorKey";
    public static final String FLASH_ERROR_ARGUMENTS = "errorArgs";
    public static final String FLASH_SUCCESS = "successKey";

    private PageErrors() {
    }

    /**
     * A refused form's errors by field, as message keys: the first problem of each field, through {@code keys} from
     * the service's message to the page's key, {@code error.invalid} for a message it does not know.
     */
    public static Map<String, String> fieldErrorKeys(InvalidInputException refusal, Map<String, String> keys) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : refusal.problems()) {
            errors.putIfAbsent(problem.field(), keys.getOrDefault(problem.message(), "error.invalid"));
        }
        return errors;
    }

    public static void run(RedirectAttributes flash, String successKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute(FLASH_SUCCESS, successKey);
        } catch (ForbiddenException e) {
            flash.addFlashAttribute(FLASH_ERROR, "error.forbidden");
        } catch (ConflictException e) {
            flash.addFlashAttribute(FLASH_ERROR, "error.conflict");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(FLASH_ERROR, "error.invalid");
        } catch (UnavailableException e) {
            flash.addFlashAttribute(FLASH_ERROR, e.messageKey());
            flash.addFlashAttribute(FLASH_ERROR_ARGUMENTS, e.messageArguments());
        }
    }
}
