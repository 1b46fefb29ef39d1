package jp.tsunagu.escalation.internal.process;

/**
 * Backing class of {@code bpmn/initial-routing.dmn}: picks the starting {@link ProcessVariables#LEVEL} from
 * {@link ProcessVariables#SEVERITY}, {@link ProcessVariables#CATEGORY}, {@link ProcessVariables#PERSONAL_INFO} and
 * {@link ProcessVariables#RELATED_SECTION_COUNT}.
 */
public final class InitialRoutingDecision {

    public static final String KEY = "initial-routing";

    private InitialRoutingDecision() {
    }
}
