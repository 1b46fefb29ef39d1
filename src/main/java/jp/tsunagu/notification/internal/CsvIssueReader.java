package jp.tsunagu.notification.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.notification.IssueImport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the import CSV: a header row naming the columns of {@code POST /api/issues}, then one issue per row.
 * AI-OCR tools export Shift_JIS (in practice Windows-31J, which also covers ① and ㈱), so that is what "Shift_JIS"
 * means here.
 */
final class CsvIssueReader {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    static final int MAX_ROWS = IssueImport.MAX_ROWS;
    static final Set<String> REQUIRED = Set.of("title", "category", "severity", "sectionCode");
    static final List<String> COLUMNS = List.of("title", "description", "category", "severity", "sectionCode",
            "relatedSections", "personalInfo", "personalDetails", "idempotencyKey");

    private CsvIssueReader() {
    }

    /** A data row: the request, or what is wrong with it before any check of the intake. */
    record ParsedRow(int row, RaiseIssueRequest request, Optional<String> key, List<FieldProblem> problems) {
    }

    record Parsed(Charset charset, List<ParsedRow> rows) {
    }

    static Parsed read(byte[] bytes, Optional<String> declared) {
        Charset charset = declared.filter(name -> !name.isBlank()).map(CsvIssueReader::named)
                .orElseGet(() -> detect(bytes));
        String text = decode(bytes, charset)
                .orElseThrow(() -> new InvalidInputException("charset", "the file is not valid " + charset.name()));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("file", "is empty", "import.error.empty")));
        }
        // A column named twice would let the second silently win; it is refused as a file that cannot be read.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            checkHeader(parser.getHeaderNames());
            List<ParsedRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidInputException("file", "must hold at most " + MAX_ROWS + " rows");
                }
                rows.add(row(rows.size() + 1, record));
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException(List.of(new FieldProblem("file", "has no rows below the header",
                        "import.error.noRows")));
            }
            return new Parsed(charset, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException malformed) {
            // Commons CSV reports a quote never closed while iterating, as an UncheckedIOException.
            throw new InvalidInputException("file", "is not a readable CSV file: " + malformed.getMessage());
        }
    }

    private static Charset named(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (upper) {
            case "UTF_8", "UTF8" -> StandardCharsets.UTF_8;
            case "SHIFT_JIS", "SJIS", "MS932", "CP932", "WINDOWS_31J" -> SHIFT_JIS;
            default -> throw new InvalidInputException("charset", "must be UTF-8 or Shift_JIS");
        };
    }

    /** A byte order mark or bytes that are valid UTF-8 mean UTF-8; anything else is read as Shift_JIS. */
    private static Charset detect(byte[] bytes) {
        return decode(bytes, StandardCharsets.UTF_8).isPresent() ? StandardCharsets.UTF_8 : SHIFT_JIS;
    }

    private static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException invalid) {
            return Optional.empty();
        }
    }

    private static void checkHeader(List<String> header) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : header) {
            if (!COLUMNS.contains(name)) {
                problems.add(new FieldProblem("header", "unknown column '" + name + "'; the columns are " + COLUMNS));
            }
        }
        REQUIRED.stream().filter(name -> !header.contains(name)).sorted()
                .forEach(name -> problems.add(new FieldProblem("header", "column '" + name + "' is required")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ParsedRow row(int number, CSVRecord record) {
        List<FieldProblem> problems = new ArrayList<>();
        Category category = value(record, "category", Category.class, problems);
        Severity severity = value(record, "severity", Severity.class, problems);
        String related = text(record, "relatedSections");
        String personalInfo = text(record, "personalInfo");
        boolean flagged = Set.of("true", "1", "yes", "はい").contains(personalInfo.toLowerCase(Locale.ROOT));
        if (!flagged && !Set.of("", "false", "0", "no", "いいえ").contains(personalInfo.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem("personalInfo", "must be true or false"));
        }
        RaiseIssueRequest request = new RaiseIssueRequest(text(record, "title"), text(record, "description"),
                category, severity, text(record, "sectionCode"),
                related.isEmpty() ? List.of() : Arrays.stream(related.split("[;|]")).map(String::strip).toList(),
                flagged, emptyToNull(text(record, "personalDetails")));
        Optional<String> key = Optional.of(text(record, "idempotencyKey")).filter(k -> !k.isEmpty());
        return new ParsedRow(number, request, key, problems);
    }

    private static <E extends Enum<E>> E value(CSVRecord record, String column, Class<E> type,
            List<FieldProblem> problems) {
        String text = text(record, column);
        try {
            return text.isEmpty() ? null : Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(column, "'" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String text(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
