package jp.tsunagu.escalation.internal.process;

import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A typed handle on one process variable, so that Java code never spells a variable name twice.
 *
 * @param <T> the Java type the engine stores the variable as
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;

    private ProcessVariable(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public String name() {
        return name;
    }

    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
    }

    public Optional<T> find(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Process variable '" + name + "' holds a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return Optional.of(type.cast(value));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /**
     * Sets a value that lives only until the current transaction ends: it is never written to the database or its
     * history. For a value handed on within the same transaction, such as to a call activity's input mapping. Where
     * the scope already stores the variable (an instance started before it became transient), it is set as before:
     * the engine refuses to turn a stored variable into a transient one.
     */
    public void setTransient(VariableScope scope, T value) {
        TypedValue stored = scope.getVariableTyped(name);
        if (stored != null && !stored.isTransient()) {
            scope.setVariable(name, value);
        } else {
            scope.setVariable(name, Variables.untypedValue(value, true));
        }
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public VariableMap putInto(VariableMap map, T value) {
        map.putValue(name, value);
        return map;
    }

    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }
}
