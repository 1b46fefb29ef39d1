package jp.tsunagu.escalation.web;

import java.util.Arrays;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * The task list's two orders as the address writes them, {@code sort=due} (soonest first, the default) and
 * {@code sort=due-desc}. Any other value is refused as an unknown enum value is: a 400 that names the parameter and,
 * on the API, the values allowed.
 */
public enum TaskSort {
    DUE("due"), DUE_DESC("due-desc");

    private final String parameter;

    TaskSort(String parameter) {
        this.parameter = parameter;
    }

    /** As the address writes it; the API's refusal lists the allowed values by this. */
    @Override
    public String toString() {
        return parameter;
    }

    /** Reads {@code sort} for the page and the API; blank is the default order. */
    @Component
    static class FromParameter implements Converter<String, TaskSort> {

        @Override
        public TaskSort convert(String value) {
            return value.isBlank() ? null : Arrays.stream(values()).filter(sort -> sort.parameter.equals(value))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No task list order " + value));
        }
    }
}
