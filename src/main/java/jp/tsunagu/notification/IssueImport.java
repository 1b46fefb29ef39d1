package jp.tsunagu.notification;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.org.Person;

/** Bulk import of issues from CSV, as AI-OCR and RPA tools export them; every row goes through the normal intake. */
public interface IssueImport {

    /** The most data rows one file may hold. */
    int MAX_ROWS = 1000;

    /**
     * @param charset UTF-8 or Shift_JIS; empty: detected (a UTF-8 byte order mark or valid UTF-8, else Shift_JIS)
     * @param allOrNothing when any row fails, nothing is imported
     * @param idempotencyKey a retried import with the same key returns the first report and imports nothing again
     * @throws jp.tsunagu.common.InvalidInputException when the file itself is unreadable (charset, header, size)
     * @throws jp.tsunagu.common.ForbiddenException when the raiser raises no issue at all (auditors, administrators)
     */
    Report importCsv(byte[] csv, Optional<String> charset, boolean allOrNothing, Person raiser,
            Optional<String> idempotencyKey);

    /**
     * Refuses (403, audited) a person who raises no issue at all, as {@link #importCsv} does before reading the file:
     * the page asks before it offers the form.
     */
    void requireMayImport(Person person);

    /** {@code committed} is false when all-or-nothing found a bad row. */
    record Report(int rows, int imported, int failed, boolean allOrNothing, boolean committed, String charset,
            boolean replayed, List<Row> results) {

        public Report replay() {
            return new Report(rows, imported, failed, allOrNothing, committed, charset, true, results);
        }
    }

    /**
     * One data row (1 is the first after the header): and the issue, by id and number, or what is wrong. Status
     * CREATED, EXISTING, INVALID or VALID. A report kept from before the number was added has none.
     */
    record Row(int row, @Schema(allowableValues = {"CREATED", "EXISTING", "INVALID", "VALID"}) String status,
            String issueId, String issueNumber, List<FieldProblem> errors) {
    }
}
