package jp.tsunagu.issue.web;

import jakarta.validation.Validator;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Bean validation of a request body, called by a controller once the caller's right is settled, where {@code @Valid}
 * would check the body first. The problems name their fields as {@code @Valid}'s do ({@code relatedSections[0]}).
 */
final class BodyValidation {

    private BodyValidation() {
    }

    static void requireValid(Validator validator, Object body) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "body");
        new SpringValidatorAdapter(validator).validate(body, errors);
        if (errors.hasFieldErrors()) {
            throw new InvalidInputException(errors.getFieldErrors().stream()
                    .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                    .toList());
        }
    }
}
