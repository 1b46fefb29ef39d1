package jp.tsunagu.org;

/**
 * A department or section was removed. Published inside the removal's transaction, so that what other modules keep
 * for the unit (a webhook for its issues) goes with it, or the removal fails as a whole.
 */
public record OrganisationUnitRemoved(Kind kind, String code) {

    public enum Kind {
        DEPARTMENT, SECTION
    }
}
