package jp.tsunagu;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the embedded H2 with the demo organisation and no job executor. Subclasses for PostgreSQL
 * add {@link jp.tsunagu.testsupport.RequiresPostgres} and {@link PostgresProperties}.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class AbstractIntegrationTest {

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }
}
