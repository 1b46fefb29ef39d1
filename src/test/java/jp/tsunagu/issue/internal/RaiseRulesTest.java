package jp.tsunagu.issue.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The intake's own checks: an English message for the API, and a message code the pages say in either language. */
class RaiseRulesTest {

    final Organisation organisation = mock(Organisation.class);
    final RaiseRules rules = new RaiseRules(organisation, mock(CurrentUser.class), mock(AuditTrail.class));

    @Test
    void eachProblemCarriesAMessageCodeThatBothLanguagesSay() {
        given(organisation.findSection(anyString())).willReturn(Optional.empty());
        given(organisation.findSection("shimin-ka"))
                .willReturn(Optional.of(new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section")));
        List<FieldProblem> problems = new ArrayList<>(problems(new RaiseIssueRequest("件名", "", Category.OTHER,
                Severity.LOW, "shimin-ka", List.of("shimin-ka", "nowhere"), false, "山田 太郎")));
        problems.addAll(problems(new RaiseIssueRequest("件名", "", Category.OTHER, Severity.LOW, "nowhere", List.of(),
                false, null)));

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::message, FieldProblem::messageCode)
                .containsExactly(
                        tuple("relatedSections", "must not repeat the owning section", "raise.problem.relatedRepeatsOwner"),
                        tuple("relatedSections", "'nowhere' is not a known section", "raise.problem.unknownRelatedSection"),
                        tuple("personalDetails", "may only be given when personalInfo is true",
                                "raise.problem.detailsNotFlagged"),
                        tuple("sectionCode", "is not a known section", "raise.problem.unknownSection"));
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        for (FieldProblem problem : problems) {
            assertThat(bundles.getMessage(problem.messageCode(), null, Locale.JAPANESE))
                    .isNotEqualTo(bundles.getMessage(problem.messageCode(), null, Locale.ENGLISH));
        }
    }

    private List<FieldProblem> problems(RaiseIssueRequest request) {
        return catchThrowableOfType(InvalidInputException.class, () -> rules.check(request, SATO)).problems();
    }
}
