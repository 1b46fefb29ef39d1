package jp.tsunagu.issue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueExport;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.org.Organisation;
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
}
