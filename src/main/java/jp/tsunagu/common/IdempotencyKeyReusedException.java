package jp.tsunagu.common;

import java.util.List;

/**
 * An idempotency key sent again with a different request: the first request's result is not the answer to this one,
 * and doing the new one under an old key would break the key's promise. Answered with 422, as the IETF's
 * Idempotency-Key draft asks.
 */
public class IdempotencyKeyReusedException extends InvalidInputException {

    public IdempotencyKeyReusedException(String field, String messageCode) {
        super(List.of(new FieldProblem(field, "was used before with a different request; use a new key",
                messageCode)));
    }
}
