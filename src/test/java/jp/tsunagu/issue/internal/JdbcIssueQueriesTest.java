package jp.tsunagu.issue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.testsupport.Api;
import jp.tsunagu.testsupport.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class JdbcIssueQueriesTest extends AbstractIntegrationTest {

    static final Person YAMAMOTO = new Person("yamamoto", "山本 美咲", Role.STAFF, "fukushi-somu", "fukushi");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcIssueQueries queries;

    @Test
    void aPageFarPastTheEndIsEmptyAndANegativePageIsRefusedByItsName() {
        IssuePage farPast = queries.list(new IssueFilter(null, null, null, null, null, null, Integer.MAX_VALUE,
                JdbcIssueQueries.MAX_PAGE_SIZE), DemoPeople.SATO);
        assertThat(farPast.items()).isEmpty();

        assertThatThrownBy(() -> queries.list(new IssueFilter(null, null, null, null, null, null, -1, 20),
                DemoPeople.SATO)).isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(
                        refused.problems()).extracting(FieldProblem::field).containsExactly("page"));
        assertThatThrownBy(() -> queries.list(new IssueFilter(null, null, null, null, null, null, 0, 0),
                DemoPeople.SATO)).isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(
                        refused.problems()).extracting(FieldProblem::field).containsExactly("size"));
    }

    @Test
    void allMatchingIssuesComeInOneReadNewestFirstOrNoneWhenThereAreMoreThanTheMost() throws Exception {
        String tag = "全件" + UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(mvc);
        for (int i = 0; i < 3; i++) {
            api.as("sato").raise("""
                    {"title": "%s %d", "description": "説明", "category": "OTHER", "severity": "LOW",
                     "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""".formatted(tag, i));
        }
        IssueFilter filter = new IssueFilter(null, null, null, null, tag, null, 0, 1);

        assertThat(queries.all(filter, DemoPeople.SATO, 3)).get().asList()
                .extracting(issue -> ((IssueView) issue).title()).containsExactly(tag + " 2", tag + " 1", tag + " 0");
        assertThat(queries.all(filter, DemoPeople.SATO, 2)).isEmpty();
        assertThat(queries.all(filter, YAMAMOTO, 3)).get().asList()
                .as("another department's staff see none of them").isEqualTo(List.of());
    }
}
