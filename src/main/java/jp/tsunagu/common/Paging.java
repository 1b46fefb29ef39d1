package jp.tsunagu.common;

import java.util.ArrayList;
import java.util.List;

/** A page of a list, as the API and the pages ask for it by number and size. */
public final class Paging {

    private Paging() {
    }

    /**
     * The offset of the page's first row, as a long: a page far past the end is simply empty, never an overflow. A
     * negative page or a size out of range is a 400 on the parameter it names.
     */
    public static long offset(int page, int size, int maxSize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            problems.add(new FieldProblem("size", "must be 1 to " + maxSize));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return (long) page * size;
    }
}
