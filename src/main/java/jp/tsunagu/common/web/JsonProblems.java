package jp.tsunagu.common.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jp.tsunagu.common.FieldProblem;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Explains an unreadable JSON body as one field problem, without echoing parser internals. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldProblem describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(unknown.getPropertyName(), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldProblem(path(format), "has an invalid value" + allowed(format.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldProblem(path(mapping), "has an invalid value");
        }
        return new FieldProblem("body", "is not valid JSON");
    }

    /** As a client writes it: {@code events[0]}, {@code sla.acknowledgeBy}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() == null) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    /**
     * The values an enum takes, for a message: {@code " (allowed: LOW, MEDIUM)"}, or the form of a date; empty for
     * other types.
     */
    static String allowed(Class<?> type) {
        if (type == LocalDate.class) {
            return " (a date such as 2026-11-24)";
        }
        return type != null && type.isEnum() ? " (allowed: " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString).collect(Collectors.joining(", ")) + ")" : "";
    }
}
