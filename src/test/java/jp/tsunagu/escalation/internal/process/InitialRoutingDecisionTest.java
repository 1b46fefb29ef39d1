package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.CATEGORY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_CITY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_DEPARTMENT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_SECTION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.PERSONAL_INFO;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RELATED_SECTION_COUNT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.SEVERITY;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per rule of {@code initial-routing}, in table order; each checks which rule matched, not only the level. */
@Deployment(resources = "bpmn/initial-routing.dmn")
class InitialRoutingDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @Test
    void criticalGoesToCity() {
        assertRouting("CRITICAL", "OTHER", false, 0, "Rule_Critical", LEVEL_CITY);
    }

    @Test
    void criticalGoesToCityEvenWithoutPersonalInformation() {
        assertRouting("CRITICAL", "FACILITY", false, 3, "Rule_Critical", LEVEL_CITY);
    }

    @Test
    void highPersonalInformationIncidentGoesToCity() {
        assertRouting("HIGH", "PERSONAL_INFORMATION", true, 0, "Rule_HighPersonalInformation", LEVEL_CITY);
    }

    @Test
    void personalInformationIncidentGoesToDepartment() {
        assertRouting("LOW", "PERSONAL_INFORMATION", true, 0, "Rule_PersonalInformation", LEVEL_DEPARTMENT);
    }

    @Test
    void highIssueHoldingPersonalInformationGoesToDepartment() {
        assertRouting("HIGH", "CITIZEN_SERVICE", true, 0, "Rule_HighWithPersonalInfo", LEVEL_DEPARTMENT);
    }

    @Test
    void highSafetyIssueGoesToDepartment() {
        assertRouting("HIGH", "SAFETY", false, 0, "Rule_HighSafety", LEVEL_DEPARTMENT);
    }

    @Test
    void issueTouchingSeveralSectionsGoesToDepartment() {
        assertRouting("MEDIUM", "POLICY", false, 1, "Rule_SeveralSections", LEVEL_DEPARTMENT);
    }

    @Test
    void otherIssuesStayAtSection() {
        assertRouting("HIGH", "SYSTEM", false, 0, "Rule_Otherwise", LEVEL_SECTION);
    }

    @Test
    void personalInformationFlagAloneKeepsLowIssueAtSection() {
        assertRouting("LOW", "CITIZEN_SERVICE", true, 0, "Rule_Otherwise", LEVEL_SECTION);
    }

    private void assertRouting(String severity, String category, boolean personalInfo, int relatedSectionCount,
            String expectedRule, String expectedLevel) {
        VariableMap variables = Variables.createVariables();
        SEVERITY.putInto(variables, severity);
        CATEGORY.putInto(variables, category);
        PERSONAL_INFO.putInto(variables, personalInfo);
        RELATED_SECTION_COUNT.putInto(variables, relatedSectionCount);

        String level = engine.getDecisionService()
                .evaluateDecisionTableByKey(InitialRoutingDecision.KEY, variables)
                .getSingleEntry();

        assertThat(level).isEqualTo(expectedLevel);
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(InitialRoutingDecision.KEY)
                .includeOutputs()
                .singleResult();
        assertThat(evaluation.getOutputs()).singleElement().satisfies(output -> {
            assertThat(output.getRuleId()).isEqualTo(expectedRule);
            assertThat(output.getVariableName()).isEqualTo(LEVEL.name());
        });
    }
}
