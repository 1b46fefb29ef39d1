package jp.tsunagu.common.web;

import java.util.List;

import jakarta.validation.Validator;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Bean validation of a request body as the API reports it: by {@code @Valid} (through {@link ProblemDetailsAdvice}),
 * or called by a controller once the caller's right is settled. Either way the problems name their fields alike
 * ({@code relatedSections[0]}).
 */
public final class BodyValidation {

    private BodyValidation() {
    }

    public static void requireValid(Validator validator, Object body) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "body");
        new SpringValidatorAdapter(validator).validate(body, errors);
        if (errors.hasFieldErrors()) {
            throw new InvalidInputException(problems(errors));
        }
    }

    static List<FieldProblem> problems(Errors errors) {
        return errors.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
    }
}
