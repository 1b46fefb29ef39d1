package jp.tsunagu.issue.internal;

import static jp.tsunagu.common.SpreadsheetCells.inert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueExport;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Section;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * UTF-8 with a byte order mark and CRLF, which Excel opens as Japanese text; times as {@code yyyy-MM-dd HH:mm} in
 * Tokyo, which it reads as dates. The matching issues are read in one go before the export is recorded, so that a
 * refusal for too many leaves no trace and writes nothing.
 */
@Service
class CsvIssueExport implements IssueExport {

    static final List<String> COLUMNS = List.of("number", "title", "status", "level", "severity", "category",
            "section", "department", "relatedSections", "personalInfo", "createdAt", "createdBy", "acknowledgeBy",
            "resolveBy", "resolvedAt");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final JdbcIssueQueries queries;
    private final Organisation organisation;
    private final AuditTrail auditTrail;
    private final MessageSource messages;

    CsvIssueExport(JdbcIssueQueries queries, Organisation organisation, AuditTrail auditTrail,
            MessageSource messages) {
        this.queries = queries;
        this.organisation = organisation;
        this.auditTrail = auditTrail;
        this.messages = messages;
    }

    @Override
    public void writeCsv(IssueFilter filter, Person reader, Locale locale, OutputStream out) throws IOException {
        List<IssueView> issues = queries.all(filter, reader, MAX_ROWS)
                .orElseThrow(() -> new InvalidInputException("filters", TOO_MANY));
        auditTrail.recordIndependently(reader.username(), AuditAction.ISSUES_EXPORTED, null, details(filter, issues));

        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> departmentNames = organisation.departments().stream()
                .collect(Collectors.toMap(Department::code, d -> english ? d.nameEn() : d.nameJa()));
        Map<String, String> sectionNames = organisation.sections().stream()
                .collect(Collectors.toMap(Section::code, s -> english ? s.nameEn() : s.nameJa()));
        // Names are typed by an administrator or loaded from a file, and a username may come from the directory:
        // every such cell is made inert, not only the issue's own text.
        Function<String, String> section = code -> inert(sectionNames.getOrDefault(code, code));
        String listSeparator = text("export.issues.listSeparator", locale);

        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        csv.printRecord(COLUMNS.stream().map(column -> text("export.issues.col." + column, locale)).toList());
        for (IssueView issue : issues) {
            csv.printRecord(issue.number(), inert(issue.title()), text("status." + issue.status(), locale),
                    text("level." + issue.level(), locale), text("severity." + issue.severity(), locale),
                    text("category." + issue.category(), locale), section.apply(issue.sectionCode()),
                    inert(departmentNames.getOrDefault(issue.departmentCode(), issue.departmentCode())),
                    issue.relatedSections().stream().map(section).collect(Collectors.joining(listSeparator)),
                    issue.personalInfo() ? text("export.issues.yes", locale) : "",
                    time(issue.createdAt()), inert(issue.createdBy()),
                    issue.sla() == null ? "" : time(issue.sla().acknowledgeBy()),
                    issue.sla() == null ? "" : time(issue.sla().resolveBy()), time(issue.resolvedAt()));
        }
        csv.flush();
    }

    /** The filters that were set, and how many issues went out. */
    private static Map<String, Object> details(IssueFilter filter, List<IssueView> issues) {
        Map<String, Object> details = new LinkedHashMap<>();
        putIfSet(details, "level", filter.level());
        putIfSet(details, "status", filter.status());
        putIfSet(details, "section", filter.section());
        putIfSet(details, "overdue", filter.overdue());
        putIfSet(details, "q", filter.q());
        putIfSet(details, "raisedBy", filter.raisedBy());
        details.put("rows", issues.size());
        return details;
    }

    private static void putIfSet(Map<String, Object> details, String name, Object value) {
        if (value != null) {
            details.put(name, String.valueOf(value));
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(CITY_ZONE).format(TIME);
    }
}
