package jp.tsunagu.notification.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** The outbox worker on a schedule; {@code tsunagu.notification.worker.enabled=false} leaves it to the caller. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "tsunagu.notification.worker.enabled", havingValue = "true", matchIfMissing = true)
    static class OutboxSchedule {

        private final OutboxWorker worker;

        OutboxSchedule(OutboxWorker worker) {
            this.worker = worker;
        }

        @Scheduled(fixedDelayString = "${tsunagu.notification.worker.interval:PT10S}",
                initialDelayString = "${tsunagu.notification.worker.interval:PT10S}")
        void deliverDue() {
            worker.deliverDue();
        }
    }
}
