package jp.tsunagu.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API address no controller answers (404), a method it does not take (405) or a body type it does not read (415)
 * is refused before any controller runs, so {@link ProblemDetailsAdvice} never sees it. Under {@code /api/} these are
 * problem+json as well; anywhere else the exception goes on to the error page.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknownAddress(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        requireApi(request, e);
        return answer(HttpStatus.NOT_FOUND, "Not found", "No API endpoint at " + request.getRequestURI() + ".",
                new HttpHeaders());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e,
            HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                request.getMethod() + " is not accepted here; allowed: " + e.getSupportedHttpMethods() + ".", headers);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedBody(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(e.getSupportedMediaTypes());
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "A body of type " + e.getContentType() + " is not read here; send one of " + e.getSupportedMediaTypes()
                        + ".", headers);
    }

    /** Outside the API the exception is thrown again, unchanged, and Spring's own handling shows the error page. */
    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail,
            HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(status, title, detail));
    }
}
