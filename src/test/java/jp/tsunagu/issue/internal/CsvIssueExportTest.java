package jp.tsunagu.issue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueExport;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import jp.tsunagu.testsupport.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class CsvIssueExportTest {

    @Test
    void tooManyMatchingIssuesAreRefusedBeforeAnythingIsWrittenOrRecorded() {
        JdbcIssueQueries queries = mock(JdbcIssueQueries.class);
        AuditTrail auditTrail = mock(AuditTrail.class);
        IssueFilter everything = new IssueFilter(null, null, null, null, null, null, 0, 1);
        given(queries.all(eq(everything), any(), eq(IssueExport.MAX_ROWS))).willReturn(Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new CsvIssueExport(queries, mock(Organisation.class), auditTrail,
                new StaticMessageSource()).writeCsv(everything, DemoPeople.SATO, Locale.JAPANESE, out))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("filters");
                            assertThat(problem.message()).isEqualTo(IssueExport.TOO_MANY);
                        }));
        assertThat(out.size()).isZero();
        verifyNoInteractions(auditTrail);
    }

    /**
     * A spreadsheet runs a cell that starts with = + - @. Section and department names are typed by an administrator
     * (or loaded from a file), and a username may come from the directory: none of them may become a formula.
     */
    @Test
    void namesAndUsernamesFromTheOrganisationCannotBecomeFormulas() throws Exception {
        JdbcIssueQueries queries = mock(JdbcIssueQueries.class);
        Organisation organisation = mock(Organisation.class);
        IssueFilter everything = new IssueFilter(null, null, null, null, null, null, 0, 1);
        given(organisation.departments()).willReturn(List.of(new Department("dept", "+SUM(1,2)", "+SUM(1,2)", null)));
        given(organisation.sections()).willReturn(List.of(
                new Section("owner", "dept", "=HYPERLINK(\"http://evil.example\",\"課\")", "x"),
                new Section("related", "dept", "@SUM(1)", "y")));
        OffsetDateTime now = OffsetDateTime.parse("2026-11-24T10:30:00+09:00");
        given(queries.all(eq(everything), any(), eq(IssueExport.MAX_ROWS))).willReturn(Optional.of(List.of(
                new IssueView("i-1", "2026-000001", "件名", "内容", Category.OTHER, Severity.LOW, IssueStatus.OPEN,
                        Level.SECTION, "owner", "dept", List.of("related"), List.of(), null, false, null, null, null,
                        now, "-1-2"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvIssueExport(queries, organisation, mock(AuditTrail.class), new StaticMessageSource())
                .writeCsv(everything, DemoPeople.SATO, Locale.JAPANESE, out);

        String row = out.toString(StandardCharsets.UTF_8).split("\r\n")[1];
        assertThat(row).contains(",\"'=HYPERLINK(", ",\"'+SUM(1,2)\"", ",'@SUM(1)", ",'-1-2,")
                .doesNotContain(",=", ",+", ",@", ",-", ",\"=", ",\"+");
    }

    /** Several related sections share one cell, listed the way the reader's language lists things. */
    @Test
    void relatedSectionsAreListedInTheReadersLanguage() throws Exception {
        JdbcIssueQueries queries = mock(JdbcIssueQueries.class);
        Organisation organisation = mock(Organisation.class);
        IssueFilter everything = new IssueFilter(null, null, null, null, null, null, 0, 1);
        given(organisation.departments()).willReturn(List.of(new Department("dept", "市民生活部", "Citizen Life", null)));
        given(organisation.sections()).willReturn(List.of(new Section("a", "dept", "市民課", "Citizens"),
                new Section("b", "dept", "保険年金課", "Insurance and Pensions")));
        given(queries.all(eq(everything), any(), eq(IssueExport.MAX_ROWS))).willReturn(Optional.of(List.of(
                new IssueView("i-1", "2026-000001", "件名", "内容", Category.OTHER, Severity.LOW, IssueStatus.OPEN,
                        Level.SECTION, "a", "dept", List.of("a", "b"), List.of(), null, false, null, null, null,
                        OffsetDateTime.parse("2026-11-24T10:30:00+09:00"), "sato"))));
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("export.issues.listSeparator", Locale.JAPANESE, "、");
        messages.addMessage("export.issues.listSeparator", Locale.ENGLISH, "; ");

        assertThat(exportedRow(queries, organisation, messages, Locale.JAPANESE)).contains(",市民課、保険年金課,");
        assertThat(exportedRow(queries, organisation, messages, Locale.ENGLISH))
                .contains(",Citizens; Insurance and Pensions,");
    }

    private static String exportedRow(JdbcIssueQueries queries, Organisation organisation,
            StaticMessageSource messages, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvIssueExport(queries, organisation, mock(AuditTrail.class), messages)
                .writeCsv(new IssueFilter(null, null, null, null, null, null, 0, 1), DemoPeople.SATO, locale, out);
        return out.toString(StandardCharsets.UTF_8).split("\r\n")[1];
    }
}
