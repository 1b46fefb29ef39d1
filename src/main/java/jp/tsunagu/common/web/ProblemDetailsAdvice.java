package jp.tsunagu.common.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.IdempotencyKeyReusedException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.UnavailableException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into application/problem+json. Validation problems carry an {@code errors} list of
 * {@code {field, message}}; nothing ever carries a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingException.class,
            PessimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        String detail = e instanceof ConflictException ? e.getMessage() : "The issue was changed at the same time; reload and try again.";
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", detail);
        if (e instanceof ConflictException conflict) {
            // Which state stands in the way, for a client to act on: paused, resolved, cityIsTop, …
            conflict.code().ifPresent(code -> problem.setProperty("code", code));
        }
        return problem;
    }

    @ExceptionHandler(UnavailableException.class)
    ProblemDetail unavailable(UnavailableException e) {
        log.warn("Request refused until an administrator acts: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", e.getMessage() + "; nothing was changed.");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidInput(e.problems());
    }

    /** The same idempotency key with a different request: 422, as the IETF's Idempotency-Key draft asks. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                "This Idempotency-Key was sent before with a different request; nothing was done.");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    /** Anything unexpected: logged here with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; nothing was changed.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidInput(List.of(new FieldProblem(e.getName(), "has an invalid value" + expected(e.getRequiredType()))));
    }

    /** What a query or path value should look like, as a JSON body's problems say it. */
    private static String expected(Class<?> type) {
        if (type != null && Temporal.class.isAssignableFrom(type) && type != LocalDate.class) {
            return " (an ISO-8601 date-time with offset such as 2026-11-24T10:30:00+09:00; write + as %2B)";
        }
        return JsonProblems.allowed(type);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidInput(BodyValidation.problems(e.getBindingResult())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(invalidInput(List.of(JsonProblems.describe(e))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed with {}", statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail invalidInput(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid fields.");
        problem.setProperty("errors", problems);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
