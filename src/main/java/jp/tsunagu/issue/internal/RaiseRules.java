package jp.tsunagu.issue.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.springframework.stereotype.Component;

/** Who may raise an issue for which section, and the checks bean validation cannot make. */
@Component
class RaiseRules {

    private final Organisation organisation;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;

    RaiseRules(Organisation organisation, CurrentUser currentUser, AuditTrail auditTrail) {
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
    }

    /** Returns the owning section after checking the request against the organisation and the raiser's role. */
    Section check(RaiseIssueRequest request, Person raiser) {
        List<FieldProblem> problems = new ArrayList<>();
        Section owning = organisation.findSection(request.sectionCode()).orElse(null);
        if (owning == null) {
            problems.add(new FieldProblem("sectionCode", "is not a known section", "raise.problem.unknownSection"));
        }
        Set<String> related = new LinkedHashSet<>(request.relatedSectionsOrEmpty());
        for (String code : related) {
            if (code.equals(request.sectionCode())) {
                problems.add(new FieldProblem("relatedSections", "must not repeat the owning section",
                        "raise.problem.relatedRepeatsOwner"));
            } else if (organisation.findSection(code).isEmpty()) {
                problems.add(new FieldProblem("relatedSections", "'" + code + "' is not a known section",
                        "raise.problem.unknownRelatedSection"));
            }
        }
        if (!request.personalInfo() && request.personalDetails() != null && !request.personalDetails().isBlank()) {
            problems.add(new FieldProblem("personalDetails", "may only be given when personalInfo is true",
                    "raise.problem.detailsNotFlagged"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!scope(raiser).map(mayRaiseFor -> mayRaiseFor.test(owning)).orElse(false)) {
            throw IssueAccess.refused(auditTrail, raiser, null, "You may not raise issues for section " + owning.code());
        }
        return owning;
    }

    /** Auditors change nothing and administrators read no issue content: neither raises an issue, for any section. */
    void requireMayRaise(Person person) {
        if (scope(person).isEmpty()) {
            throw IssueAccess.refused(auditTrail, person, null, "Your role does not raise issues");
        }
    }

    boolean mayRaise(Person person) {
        return scope(person).isPresent();
    }

    /** The sections {@link #check} lets the person raise for, as the form offers them. */
    List<Section> sectionsFor(Person person) {
        return scope(person).map(mayRaiseFor -> organisation.sections().stream().filter(mayRaiseFor).toList())
                .orElse(List.of());
    }

    /**
     * The one rule of who raises for which section, for the intake, the form and the menu alike; empty for a person
     * who raises for no section at all.
     */
    private Optional<Predicate<Section>> scope(Person raiser) {
        return switch (raiser.role()) {
            // A service account raises only with its token, and only for the token's sections.
            case SERVICE -> currentUser.tokenSections().map(codes -> section -> codes.contains(section.code()));
            case STAFF, SECTION_CHIEF, EXTERNAL_PARTNER -> Optional.ofNullable(raiser.sectionCode())
                    .map(own -> section -> section.code().equals(own));
            case DEPARTMENT_COORDINATOR, DEPARTMENT_HEAD -> Optional.ofNullable(raiser.departmentCode())
                    .map(own -> section -> section.departmentCode().equals(own));
            case CITY_COORDINATOR -> Optional.of(section -> true);
            default -> Optional.empty();
        };
    }
}
