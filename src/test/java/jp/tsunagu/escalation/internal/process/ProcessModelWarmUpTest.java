package jp.tsunagu.escalation.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every version of the two models is parsed into the engine's cache, with its timers' job definitions, before any
 * request can race the engine's own lazy parsing.
 */
class ProcessModelWarmUpTest extends AbstractIntegrationTest {

    @Autowired
    ProcessModelWarmUp warmUp;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aColdCacheHoldsEveryVersionWithItsTimersJobDefinitionsAfterTheWarmUp() {
        DeploymentCache cache = engine.getDeploymentCache();
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
                .processDefinitionKeyIn(IssueEscalationProcess.KEY, IssueLevelProcess.KEY).list();
        assertThat(versions).isNotEmpty();
        cache.discardProcessDefinitionCache();
        assertThat(versions).allMatch(version -> cache.findProcessDefinitionFromCache(version.getId()) == null);

        warmUp.afterSingletonsInstantiated();

        for (ProcessDefinition version : versions) {
            ProcessDefinitionEntity cached = cache.findProcessDefinitionFromCache(version.getId());
            assertThat(cached).as(version.getId()).isNotNull();
            if (IssueLevelProcess.KEY.equals(version.getKey())) {
                assertThat(TimerDeclarationImpl.getDeclarationsForScope(cached.findActivity("Task_Acknowledge")).values())
                        .as("the acknowledge timers know their job definitions").hasSize(2)
                        .allMatch(timer -> timer.getJobDefinitionId() != null);
            }
        }
    }
}
