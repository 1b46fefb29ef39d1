package jp.tsunagu.audit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is enabled here for the daily checkpoint. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    @Bean
    CheckpointFile checkpointFile(AuditProperties properties) {
        return new CheckpointFile(properties.checkpointFile());
    }
}
