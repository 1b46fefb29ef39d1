package jp.tsunagu.escalation.internal.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the path tests of both models share: delegates that record their calls, a driver for the issue, and a clean
 * engine clock afterwards. Each subclass registers its own engine extension, which checks its coverage threshold.
 */
abstract class ProcessPathTest {

    RecordingDelegates delegates;
    IssueDriver driver;

    /** The engine of the subclass's coverage extension. */
    abstract ProcessEngine processEngine();

    @BeforeEach
    void setUpDelegatesAndDriver() {
        BpmnAwareTests.init(processEngine());
        delegates = RecordingDelegates.register();
        driver = new IssueDriver(processEngine());
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }
}
