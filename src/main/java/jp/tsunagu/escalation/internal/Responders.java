package jp.tsunagu.escalation.internal;

import java.util.List;

import jp.tsunagu.common.UnavailableException;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;
import jp.tsunagu.org.Role;
import org.springframework.stereotype.Component;

/** Who acts at each level, and who approves a request to leave it. */
@Component
class Responders {

    private final Organisation organisation;

    Responders(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Acknowledge and respond: the section's members, the department's coordinator and head, the city coordinators. */
    List<String> at(Level level, IssueSummary issue) {
        return switch (level) {
            case SECTION -> List.of(Principals.section(issue.sectionCode()));
            case DEPARTMENT -> List.of(Principals.departmentCoordinator(issue.departmentCode()),
                    Principals.departmentHead(issue.departmentCode()));
            case CITY -> List.of(Principals.CITY_COORDINATORS);
        };
    }

    /**
     * A supervisor of the current level who is not the requester; when there is none, the next level's responders
     * approve.
     *
     * @throws NoApproverException when nobody but the requester holds any of those principals either: the request
     *                             would wait for ever, so it is refused until an administrator completes the
     *                             organisation
     */
    List<String> approversFor(IssueSummary issue, Person requester) {
        Level level = issue.level();
        Role supervisor = level == Level.SECTION ? Role.SECTION_CHIEF : Role.DEPARTMENT_HEAD;
        String scope = level == Level.SECTION ? issue.sectionCode() : issue.departmentCode();
        boolean someoneElse = organisation.peopleWithRole(supervisor, scope).stream()
                .anyMatch(p -> !p.username().equals(requester.username()));
        if (someoneElse) {
            return List.of(level == Level.SECTION ? Principals.sectionChief(scope) : Principals.departmentHead(scope));
        }
        List<String> nextLevel = at(level.next().orElseThrow(), issue);
        boolean anyoneNext = nextLevel.stream().flatMap(principal -> organisation.peopleWithPrincipal(principal).stream())
                .anyMatch(p -> !p.username().equals(requester.username()));
        if (!anyoneNext) {
            throw new NoApproverException(nextLevel);
        }
        return nextLevel;
    }

    /** Nobody could approve: the organisation lacks a supervisor here and responders at the next level. */
    static final class NoApproverException extends UnavailableException {

        NoApproverException(List<String> wanted) {
            super("Nobody but the requester can approve this request (no supervisor at this level, and nobody holds "
                    + String.join(", ", wanted) + "); an administrator must complete the organisation",
                    "error.noApprover");
        }
    }

    /** Who hears about a breach at CITY, where there is nowhere further to go. */
    List<String> cityBreachRecipients(IssueSummary issue) {
        return List.of(Principals.CITY_COORDINATORS, Principals.departmentHead(issue.departmentCode()));
    }
}
