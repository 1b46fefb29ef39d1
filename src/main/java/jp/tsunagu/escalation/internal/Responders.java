package jp.tsunagu.escalation.internal;

import java.util.List;

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
        return at(level.next().orElseThrow(), issue);
    }

    /** Who hears about a breach at CITY, where there is nowhere further to go. */
    List<String> cityBreachRecipients(IssueSummary issue) {
        return List.of(Principals.CITY_COORDINATORS, Principals.departmentHead(issue.departmentCode()));
    }
}
