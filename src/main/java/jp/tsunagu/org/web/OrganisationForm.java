package jp.tsunagu.org.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organisation page's forms, each with its heading and its fields in the order the page shows them, so that the
 * summary of a refused form names it and leads to each wrong field in that order (WCAG 3.3.1, 2.4.3). A field's id
 * and label are the template's.
 */
enum OrganisationForm {

    DEPARTMENT("department", "admin.org.department.add", field("code", "department-code", "admin.org.code"),
            field("nameJa", "department-nameJa", "admin.org.nameJa"),
            field("nameEn", "department-nameEn", "admin.org.nameEn")),
    SECTION("section", "admin.org.section.add", field("departmentCode", "section-department", "admin.org.department"),
            field("code", "section-code", "admin.org.code"), field("nameJa", "section-nameJa", "admin.org.nameJa"),
            field("nameEn", "section-nameEn", "admin.org.nameEn")),
    RENAME("rename", "admin.org.unit.rename", field("code", "rename-unit-choice", "admin.org.unit"),
            field("nameJa", "rename-nameJa", "admin.org.nameJa"), field("nameEn", "rename-nameEn", "admin.org.nameEn")),
    REMOVE("remove", "admin.org.unit.remove", field("code", "remove-unit-choice", "admin.org.unit")),
    PERSON("person", "admin.org.person.add", field("username", "person-username", "admin.organisation.username"),
            field("displayName", "person-displayName", "admin.organisation.person"),
            field("role", "person-role", "admin.organisation.role"),
            field("sectionCode", "person-section", "admin.org.section"),
            field("departmentCode", "person-department", "admin.org.department"),
            field("password", "person-password", "admin.org.password"),
            field("mailAddress", "person-mailAddress", "admin.org.mailAddress")),
    DISPLAY_NAME("displayName", "admin.org.person.rename",
            field("username", "rename-person-username", "admin.org.person"),
            field("displayName", "rename-person-displayName", "admin.organisation.person"),
            field("mailAddress", "rename-person-mailAddress", "admin.org.mailAddress")),
    PLACEMENT("placement", "admin.org.placement.change", field("username", "placement-username", "admin.org.person"),
            field("role", "placement-role", "admin.organisation.role"),
            field("sectionCode", "placement-section", "admin.org.section"),
            field("departmentCode", "placement-department", "admin.org.department")),
    // Its person is the table row's button, not a field: the summary leads to the problem said above the table.
    ENABLED("enabled", "admin.org.everyone", field("username", "enabled-error", "admin.org.person"));

    /** The name the template reads the form's errors and values by ({@code errors.person}). */
    final String key;
    private final String headingKey;
    private final List<Field> fields;

    OrganisationForm(String key, String headingKey, Field... fields) {
        this.key = key;
        this.headingKey = headingKey;
        this.fields = List.of(fields);
    }

    /**
     * The summary of this form refused with these errors (message keys by the service's field name): each wrong field
     * in the form's order, then, with no link, any problem of a field the form does not show.
     */
    Refusal refusal(Map<String, String> errorKeys) {
        List<Problem> problems = new ArrayList<>();
        for (Field field : fields) {
            if (errorKeys.containsKey(field.name())) {
                problems.add(new Problem(field.id(), field.labelKey(), errorKeys.get(field.name())));
            }
        }
        errorKeys.forEach((name, messageKey) -> {
            if (fields.stream().noneMatch(field -> field.name().equals(name))) {
                problems.add(new Problem(null, null, messageKey));
            }
        });
        return new Refusal(headingKey, problems);
    }

    private static Field field(String name, String id, String labelKey) {
        return new Field(name, id, labelKey);
    }

    private record Field(String name, String id, String labelKey) {
    }

    /** What the page's error summary says: the refused form's heading and its problems. */
    record Refusal(String headingKey, List<Problem> problems) {
    }

    /** One wrong field: its element's id (the link's target), its label and its error, as message keys. */
    record Problem(String fieldId, String labelKey, String messageKey) {
    }
}
