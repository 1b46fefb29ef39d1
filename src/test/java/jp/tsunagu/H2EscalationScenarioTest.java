package jp.tsunagu;

/** The escalation scenario on the embedded H2 database. */
class H2EscalationScenarioTest extends EscalationScenarioTests {
}
