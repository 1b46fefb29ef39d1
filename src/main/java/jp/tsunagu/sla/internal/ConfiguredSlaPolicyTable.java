package jp.tsunagu.sla.internal;

import java.util.List;

import jp.tsunagu.sla.SlaPolicyTable;
import org.springframework.stereotype.Component;

@Component
class ConfiguredSlaPolicyTable implements SlaPolicyTable {

    private final SlaProperties properties;

    ConfiguredSlaPolicyTable(SlaProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Row> rows() {
        return SlaProperties.SEVERITIES.stream().map(severity -> {
            SlaPolicy policy = properties.policyFor(severity);
            return new Row(severity, policy.calendar(), policy.acknowledge(), policy.resolve());
        }).toList();
    }
}
