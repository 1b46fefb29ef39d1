package jp.tsunagu.escalation.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/** The backing classes are the map other code reads: they must name what the models really hold. */
class ModelBackingClassesTest {

    @Test
    void issueEscalationElementsExistInTheModel() {
        BpmnModelInstance model = read("bpmn/issue-escalation.bpmn");
        assertThat(processIds(model)).containsExactly(IssueEscalationProcess.KEY);
        for (IssueEscalationProcess.Elements element : IssueEscalationProcess.Elements.values()) {
            ModelElementInstance found = model.getModelElementById(element.id());
            assertThat(found).as(element.id()).isNotNull();
        }
    }

    @Test
    void issueLevelElementsExistInTheModel() {
        BpmnModelInstance model = read("bpmn/issue-level.bpmn");
        assertThat(processIds(model)).containsExactly(IssueLevelProcess.KEY);
        for (IssueLevelProcess.Elements element : IssueLevelProcess.Elements.values()) {
            ModelElementInstance found = model.getModelElementById(element.id());
            assertThat(found).as(element.id()).isNotNull();
        }
    }

    @Test
    void bothModelsAgreeOnTheEscalationCode() {
        for (String resource : Set.of("bpmn/issue-escalation.bpmn", "bpmn/issue-level.bpmn")) {
            assertThat(read(resource).getModelElementsByType(Escalation.class)).singleElement()
                    .satisfies(escalation -> assertThat(escalation.getEscalationCode())
                            .isEqualTo(IssueLevelProcess.ESCALATION_CODE));
        }
    }

    @Test
    void everyDelegateExpressionNamesAKnownBean() {
        Set<String> known = Arrays.stream(DelegateNames.class.getFields())
                .map(field -> "${" + constant(field) + "}")
                .collect(Collectors.toSet());
        Set<String> used = Set.of("bpmn/issue-escalation.bpmn", "bpmn/issue-level.bpmn").stream()
                .flatMap(resource -> read(resource).getModelElementsByType(ServiceTask.class).stream())
                .map(ServiceTask::getCamundaDelegateExpression)
                .collect(Collectors.toSet());
        assertThat(used).isEqualTo(known);
    }

    @Test
    void decisionKeyMatches() {
        try (InputStream dmn = resource("bpmn/initial-routing.dmn")) {
            assertThat(Dmn.readModelFromStream(dmn).getModelElementsByType(Decision.class)).singleElement()
                    .satisfies(decision -> assertThat(decision.getId()).isEqualTo(InitialRoutingDecision.KEY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> processIds(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    }

    private static String constant(java.lang.reflect.Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream bpmn = resource(resource)) {
            return Bpmn.readModelFromStream(bpmn);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = ModelBackingClassesTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(stream).as(name).isNotNull();
        return stream;
    }
}
