package jp.tsunagu.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link Principals#oneMayHoldBoth}: the task list counts a person's candidate rows as tasks, which is right only if
 * no task names two principals one person holds. The rule must never call a pair exclusive that somebody holds.
 */
class PrincipalsTest {

    @Test
    void everyPairOfPrincipalsThatAnyoneHoldsMayBeHeldByOnePerson() {
        for (Role role : Role.values()) {
            for (Person person : List.of(new Person("a", "A", role, "shimin-ka", "shimin-seikatsu"),
                    new Person("b", "B", role, null, "fukushi"), new Person("c", "C", role, null, null))) {
                List<String> held = new ArrayList<>(person.principals());
                for (String first : held) {
                    for (String second : held) {
                        assertThat(Principals.oneMayHoldBoth(first, second)).as("%s holds %s and %s", person, first,
                                second).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theRespondersAndApproversOfOneTaskAreNeverOnePersons() {
        assertThat(Principals.oneMayHoldBoth(Principals.departmentCoordinator("d"), Principals.departmentHead("d")))
                .isFalse();
        assertThat(Principals.oneMayHoldBoth(Principals.CITY_COORDINATORS, Principals.departmentHead("d"))).isFalse();
        assertThat(Principals.oneMayHoldBoth(Principals.section("a"), Principals.section("b"))).isFalse();
        assertThat(Principals.oneMayHoldBoth(Principals.user("a"), Principals.user("b"))).isFalse();
        assertThat(Principals.oneMayHoldBoth(Principals.department("a"), Principals.department("b"))).isFalse();
        assertThat(Principals.oneMayHoldBoth(Principals.sectionChief("a"), Principals.sectionChief("b"))).isFalse();
    }

    @Test
    void aRoleCityWideAndInItsUnitAnyoneOfTwoKindsAndAnUnknownFormMayBeOnePersons() {
        assertThat(Principals.oneMayHoldBoth(Principals.role(Role.SECTION_CHIEF), Principals.sectionChief("a")))
                .isTrue();
        assertThat(Principals.oneMayHoldBoth(Principals.section("a"), Principals.sectionChief("a"))).isTrue();
        assertThat(Principals.oneMayHoldBoth(Principals.user("a"), Principals.section("b"))).isTrue();
        assertThat(Principals.oneMayHoldBoth("somebody", Principals.section("b"))).isTrue();
    }
}
