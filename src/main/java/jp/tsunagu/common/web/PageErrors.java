package jp.tsunagu.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

    /** {@code error.conflict.<code>} for a conflict that names the state in the way, else {@code error.conflict}. */
    static String conflictKey(ConflictException conflict) {
        return conflict.code().filter(CONFLICT_CODES::contains).map(code -> "error.conflict." + code)
                .orElse("error.conflict");
    }

    /** {@code error.invalid.<field>} for the free-text fields of the issue page's actions, else {@code error.invalid}. */
    static String invalidKey(InvalidInputException refusal) {
        return refusal.problems().stream().findFirst().map(FieldProblem::field).filter(ACTION_TEXT_FIELDS::contains)
                .map(field -> "error.invalid." + field).orElse("error.invalid");
    }

    /** The conflict codes and action fields that have a message of their own in the bundles. */
    static final Set<String> CONFLICT_CODES = Set.of("resolved", "paused", "alreadyPaused", "notPaused", "cityIsTop",
            "noOpenRequest", "notAwaitingAcknowledgement", "notInWork");
    static final Set<String> ACTION_TEXT_FIELDS = Set.of("text", "reason", "comment", "resolution");

    /** The text a refused form had, by the id of its field, so that the page gives it back instead of losing it. */
    public static final String FLASH_DRAFT = "draft";

    /**
     * As {@link #run(RedirectAttributes, String, Runnable)}, and when the action is refused, the text the person typed
     * goes back into the field {@code fieldId} of the next page.
     */
    public static void run(RedirectAttributes flash, String successKey, Runnable action, String fieldId, String text) {
        if (!run(flash, successKey, action) && text != null && !text.isBlank()) {
            flash.addFlashAttribute(FLASH_DRAFT, Map.of(fieldId, text));
        }
    }

    /** Runs the action; true when it was done, false when it was refused and the reason flashed. */
    public static boolean run(RedirectAttributes flash, String successKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute(FLASH_SUCCESS, successKey);
            return true;
        } catch (ForbiddenException e) {
            flash.addFlashAttribute(FLASH_ERROR, "error.forbidden");
        } catch (ConflictException e) {
            flash.addFlashAttribute(FLASH_ERROR, conflictKey(e));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(FLASH_ERROR, invalidKey(e));
        } catch (UnavailableException e) {
            flash.addFlashAttribute(FLASH_ERROR, e.messageKey());
            flash.addFlashAttribute(FLASH_ERROR_ARGUMENTS, e.messageArguments());
        }
        return false;
    }
}
