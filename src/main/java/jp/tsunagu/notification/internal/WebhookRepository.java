package jp.tsunagu.notification.internal;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.tsunagu.notification.NotificationEvent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WebhookRepository {

    private static final RowMapper<WebhookEndpoint> ENDPOINT = (rs, i) -> new WebhookEndpoint(rs.getString("id"),
            WebhookEndpoint.Scope.valueOf(rs.getString("scope_type")), rs.getString("scope_code"), rs.getString("url"),
            rs.getString("secret"), events(rs.getString("event_types")), rs.getBoolean("enabled"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WebhookEndpoint endpoint) {
        jdbc.sql("""
                insert into webhook_endpoint (id, scope_type, scope_code, url, secret, event_types, enabled, created_at,
                    created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(endpoint.id(), endpoint.scope().name(), endpoint.scopeCode(), endpoint.url(), endpoint.secret(),
                        endpoint.events().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        endpoint.enabled(), Timestamp.from(endpoint.createdAt()), endpoint.createdBy())
                .update();
    }

    public List<WebhookEndpoint> all() {
        return jdbc.sql("select * from webhook_endpoint order by created_at, id").query(ENDPOINT).list();
    }

    Optional<WebhookEndpoint> find(String id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id).query(ENDPOINT).optional();
    }

    /** The enabled endpoints of the section or its department. */
    List<WebhookEndpoint> forIssue(String sectionCode, String departmentCode) {
        return jdbc.sql("""
                select * from webhook_endpoint where enabled and ((scope_type = 'SECTION' and scope_code = ?)
                    or (scope_type = 'DEPARTMENT' and scope_code = ?)) order by id""")
                .params(sectionCode, departmentCode).query(ENDPOINT).list();
    }

    private static Set<NotificationEvent> events(String csv) {
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(NotificationEvent::valueOf).forEach(events::add);
        return events;
    }
}
