package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.tsunagu.notification.NotificationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class WebhookRepository {

    private static final Logger log = LoggerFactory.getLogger(WebhookRepository.class);

    private final JdbcClient jdbc;
    private final WebhookSealing sealing;
    private final RowMapper<WebhookEndpoint> endpoints;

    WebhookRepository(JdbcClient jdbc, WebhookSealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.endpoints = (rs, i) -> {
            boolean sealed = rs.getBoolean("sealed");
            return new WebhookEndpoint(rs.getString("id"), WebhookEndpoint.Scope.valueOf(rs.getString("scope_type")),
                    rs.getString("scope_code"), sealing.open(rs.getString("url"), sealed),
                    sealing.open(rs.getString("secret"), sealed), events(rs.getString("event_types")),
                    rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
        };
    }

    /** The address and the secret are stored sealed. */
    public void insert(WebhookEndpoint endpoint) {
        jdbc.sql("""
                insert into webhook_endpoint (id, scope_type, scope_code, url, secret, event_types, enabled, created_at,
                    created_by, sealed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
                .params(endpoint.id(), endpoint.scope().name(), endpoint.scopeCode(), sealing.seal(endpoint.url()),
                        sealing.seal(endpoint.secret()),
                        csv(endpoint.events()),
                        endpoint.enabled(), Timestamp.from(endpoint.createdAt()), endpoint.createdBy())
                .update();
    }

    /**
     * Seals the rows written in clear before V12, once, at start-up; with several nodes each tries, and a row is
     * sealed by the first. Without a webhook key they stay as they are and still deliver, and the log says so.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealClearRows() {
        List<Map<String, Object>> clear = jdbc.sql("select id, url, secret from webhook_endpoint where not sealed")
                .query().listOfRows();
        if (clear.isEmpty()) {
            return;
        }
        try {
            for (Map<String, Object> row : clear) {
                jdbc.sql("update webhook_endpoint set url = ?, secret = ?, sealed = true where id = ? and not sealed")
                        .params(sealing.seal((String) row.get("url")), sealing.seal((String) row.get("secret")),
                                row.get("id"))
                        .update();
            }
            log.info("Sealed the address and secret of {} webhook(s) stored in clear", clear.size());
        } catch (IllegalStateException e) {
            log.error("{} webhook(s) are stored in clear and could not be sealed: {}", clear.size(), e.getMessage());
        }
    }

    void update(String id, boolean enabled, Set<NotificationEvent> events) {
        jdbc.sql("update webhook_endpoint set enabled = ?, event_types = ? where id = ?")
                .params(enabled, csv(events), id).update();
    }

    void delete(String id) {
        jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
    }

    /** The endpoints of one section or department, enabled or not. */
    List<WebhookEndpoint> of(WebhookEndpoint.Scope scope, String code) {
        return jdbc.sql("select * from webhook_endpoint where scope_type = ? and scope_code = ? order by id")
                .params(scope.name(), code).query(endpoints).list();
    }

    public List<WebhookEndpoint> all() {
        return jdbc.sql("select * from webhook_endpoint order by created_at, id").query(endpoints).list();
    }

    Optional<WebhookEndpoint> find(String id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id).query(endpoints).optional();
    }

    /** The enabled endpoints of the section or its department. */
    List<WebhookEndpoint> forIssue(String sectionCode, String departmentCode) {
        return jdbc.sql("""
                select * from webhook_endpoint where enabled and ((scope_type = 'SECTION' and scope_code = ?)
                    or (scope_type = 'DEPARTMENT' and scope_code = ?)) order by id""")
                .params(sectionCode, departmentCode).query(endpoints).list();
    }

    private static String csv(Set<NotificationEvent> events) {
        return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<NotificationEvent> events(String csv) {
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(NotificationEvent::valueOf).forEach(events::add);
        return events;
    }
}
