package jp.tsunagu.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.IdempotencyKeyReusedException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.Sha256;
import jp.tsunagu.common.UnavailableException;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.notification.IssueImport;
import jp.tsunagu.org.Person;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every row goes through {@link IssueIntake#raise}, so an imported issue passes exactly the checks of one raised
 * through the API. All-or-nothing runs the rows in one transaction and rolls it back when any row fails.
 */
@Service
class CsvIssueImport implements IssueImport {

    private final IssueIntake intake;
    private final Validator validator;
    private final ImportRepository imports;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CsvIssueImport(IssueIntake intake, Validator validator, ImportRepository imports, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.validator = validator;
        this.imports = imports;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Report importCsv(byte[] csv, Optional<String> charset, boolean allOrNothing, Person raiser,
            Optional<String> idempotencyKey) {
        // Rather than refuse every row of the file, one by one.
        requireMayImport(raiser);
        idempotencyKey.filter(key -> key.isBlank() || key.length() > 150).ifPresent(key -> {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 150 characters");
        });
        CsvIssueReader.Parsed parsed = CsvIssueReader.read(csv, charset);
        String fingerprint = fingerprint(parsed, allOrNothing);
        Optional<Report> earlier = idempotencyKey.flatMap(key -> imports.report(raiser.username(), key))
                .map(keyed -> sameFile(keyed, fingerprint));
        if (earlier.isPresent()) {
            return earlier.get().replay();
        }
        List<CsvIssueReader.ParsedRow> rows = parsed.rows().stream().map(this::validated).toList();
        Report report = allOrNothing ? allOrNothing(rows, raiser, idempotencyKey, parsed.charset().name())
                : rowByRow(rows, raiser, idempotencyKey, parsed.charset().name());
        if (idempotencyKey.isPresent()) {
            try {
                imports.save(raiser.username(), idempotencyKey.get(), writeReport(report), fingerprint,
                        clock.instant());
            } catch (DuplicateKeyException concurrentRetry) {
                return imports.report(raiser.username(), idempotencyKey.get())
                        .map(keyed -> sameFile(keyed, fingerprint)).orElseThrow(() -> concurrentRetry).replay();
            }
        }
        return report;
    }

    @Override
    public void requireMayImport(Person person) {
        intake.requireMayRaise(person);
    }

    /** The first report, if the key came with the same file; another file under the key is refused (422). */
    private Report sameFile(ImportRepository.KeyedImport earlier, String fingerprint) {
        if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(IssueIntake.IDEMPOTENCY_KEY, "import.error.keyReused");
        }
        return readReport(earlier.report());
    }

    /**
     * What the file asks for, row by row as read (each row's fingerprint, key and reading problems), and how: never
     * the bytes, which hold the personal details.
     */
    private static String fingerprint(CsvIssueReader.Parsed parsed, boolean allOrNothing) {
        StringBuilder canonical = new StringBuilder("allOrNothing=").append(allOrNothing);
        for (CsvIssueReader.ParsedRow row : parsed.rows()) {
            canonical.append('\n').append(row.row()).append('\u0000').append(row.key().orElse(""))
                    .append('\u0000').append(row.request().fingerprint());
            row.problems().forEach(problem -> canonical.append('\u0000').append(problem.field()).append('=')
                    .append(problem.message()));
        }
        return Sha256.hex(canonical.toString());
    }

    private Report rowByRow(List<CsvIssueReader.ParsedRow> rows, Person raiser, Optional<String> importKey,
            String charset) {
        List<Row> results = new ArrayList<>();
        for (CsvIssueReader.ParsedRow row : rows) {
            results.add(row.problems().isEmpty() ? raise(row, raiser, importKey) : invalid(row, row.problems()));
        }
        return report(results, false, true, charset);
    }

    private Report allOrNothing(List<CsvIssueReader.ParsedRow> rows, Person raiser, Optional<String> importKey,
            String charset) {
        // Every readable row goes through the whole intake (sections, the importer's rights, the calendar), even when
        // another row could not be read, so that a row reported VALID really is; nothing commits unless all are.
        return transaction.execute(status -> {
            List<Row> results = rows.stream().map(row -> row.problems().isEmpty() ? raise(row, raiser, importKey)
                    : invalid(row, row.problems())).toList();
            if (results.stream().anyMatch(row -> "INVALID".equals(row.status()))) {
                status.setRollbackOnly();
                return report(results.stream().map(row -> "INVALID".equals(row.status()) ? row
                        : new Row(row.row(), "VALID", null, null, List.of())).toList(), true, false, charset);
            }
            return report(results, true, true, charset);
        });
    }

    private Row raise(CsvIssueReader.ParsedRow row, Person raiser, Optional<String> importKey) {
        Optional<String> key = row.key().or(() -> importKey.map(k -> k + "#" + row.row()));
        try {
            RaisedIssue raised = intake.raise(row.request(), raiser, key);
            return new Row(row.row(), raised.created() ? "CREATED" : "EXISTING", raised.id(), raised.number(),
                    List.of());
        } catch (InvalidInputException invalid) {
            return invalid(row, invalid.problems());
        } catch (ForbiddenException forbidden) {
            return invalid(row, List.of(new FieldProblem("sectionCode",
                    "you may not raise issues for section '" + row.request().sectionCode() + "'")));
        } catch (UnavailableException unavailable) {
            // The severity's targets cannot be computed yet (holiday data); the row can be sent again once they can.
            return invalid(row, List.of(new FieldProblem("severity", unavailable.getMessage())));
        }
    }

    /** Bean validation as on {@code POST /api/issues}, for the fields the reader could read. */
    private CsvIssueReader.ParsedRow validated(CsvIssueReader.ParsedRow row) {
        Set<String> already = row.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>(row.problems());
        validator.validate(row.request()).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .filter(problem -> !already.contains(problem.field()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .forEach(problems::add);
        return new CsvIssueReader.ParsedRow(row.row(), row.request(), row.key(), problems);
    }

    private static Row invalid(CsvIssueReader.ParsedRow row, List<FieldProblem> problems) {
        return new Row(row.row(), "INVALID", null, null, List.copyOf(problems));
    }

    private static Report report(List<Row> results, boolean allOrNothing, boolean committed, String charset) {
        int imported = committed ? (int) results.stream().filter(r -> "CREATED".equals(r.status())).count() : 0;
        int failed = (int) results.stream().filter(r -> "INVALID".equals(r.status())).count();
        return new Report(results.size(), imported, failed, allOrNothing, committed, charset, false, results);
    }

    private String writeReport(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Report readReport(String text) {
        try {
            return json.readValue(text, Report.class);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("unreadable stored import report", unreadable);
        }
    }
}
