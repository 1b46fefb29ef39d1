package jp.tsunagu.escalation.internal.process;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Parses every deployed version of the two process models into the engine's deployment cache once, at start-up,
 * before the web server takes requests and the job executor takes jobs.
 * <p>
 * The engine otherwise parses a model on first use, and it puts the parsed model into its cache before it has given
 * the model's timers their job definitions. A second request in that moment finds the model in the cache and creates
 * a timer without a job definition, which Camunda 7.24 refuses ("Invalid process definition id: processDefinitionId
 * is null", a 500). It happened to the first concurrent requests on a node started against a database whose models
 * were already deployed, which is every node of a cluster but the first, and every restart.
 */
@Component
class ProcessModelWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProcessModelWarmUp.class);

    private final RepositoryService repository;

    ProcessModelWarmUp(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery()
                .processDefinitionKeyIn(IssueEscalationProcess.KEY, IssueLevelProcess.KEY).list();
        for (ProcessDefinition version : versions) {
            repository.getProcessDefinition(version.getId());
        }
        log.info("Process models in the engine's cache: {} version(s) of {} and {}", versions.size(),
                IssueEscalationProcess.KEY, IssueLevelProcess.KEY);
    }
}
