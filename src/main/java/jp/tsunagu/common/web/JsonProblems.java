package jp.tsunagu.common.web;

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
            String allowed = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? " (allowed: " + Arrays.stream(format.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining(", ")) + ")"
                    : "";
            return new FieldProblem(path(format), "has an invalid value" + allowed);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldProblem(path(mapping), "has an invalid value");
        }
        return new FieldProblem("body", "is not valid JSON");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
