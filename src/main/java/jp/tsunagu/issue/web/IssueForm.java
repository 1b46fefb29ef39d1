package jp.tsunagu.issue.web;

import java.util.ArrayList;
import java.util.List;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;

/**
 * The raise form as the browser sends it. It carries no rules of its own: {@link #toRequest()} is validated against
 * {@link RaiseIssueRequest}'s constraints, the same as the API's.
 */
public class IssueForm {

    private String title;
    private String description;
    private Category category;
    private Severity severity = Severity.MEDIUM;
    private String sectionCode;
    private List<String> relatedSections = new ArrayList<>();
    private boolean personalInfo;
    private String personalDetails;
    private String idempotencyToken;

    RaiseIssueRequest toRequest() {
        return new RaiseIssueRequest(title, description == null ? "" : description, category, severity, sectionCode,
                List.copyOf(relatedSections), personalInfo,
                personalInfo && personalDetails != null && !personalDetails.isBlank() ? personalDetails : null);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public String getSectionCode() {
        return sectionCode;
    }

    public void setSectionCode(String sectionCode) {
        this.sectionCode = sectionCode;
    }

    public List<String> getRelatedSections() {
        return relatedSections;
    }

    public void setRelatedSections(List<String> relatedSections) {
        this.relatedSections = relatedSections == null ? new ArrayList<>() : relatedSections;
    }

    public boolean isPersonalInfo() {
        return personalInfo;
    }

    public void setPersonalInfo(boolean personalInfo) {
        this.personalInfo = personalInfo;
    }

    public String getPersonalDetails() {
        return personalDetails;
    }

    public void setPersonalDetails(String personalDetails) {
        this.personalDetails = personalDetails;
    }

    public String getIdempotencyToken() {
        return idempotencyToken;
    }

    public void setIdempotencyToken(String idempotencyToken) {
        this.idempotencyToken = idempotencyToken;
    }
}
