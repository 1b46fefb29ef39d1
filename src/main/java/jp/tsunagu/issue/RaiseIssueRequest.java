package jp.tsunagu.issue;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.common.HasText;
import jp.tsunagu.common.SingleLine;

/**
 * The body of {@code POST /api/issues}, also checked for the raise form and each imported CSV row. Every message is
 * English: the API answers in English whatever the caller's locale, and the pages say the constraint in the reader's
 * language by its name.
 */
public record RaiseIssueRequest(
        @HasText @SingleLine @Size(max = 200, message = "must be 1 to 200 characters") String title,
        @NotNull(message = "is required") @Size(max = 10000, message = "must be at most 10000 characters") String description,
        @NotNull(message = "is required") Category category,
        @NotNull(message = "is required") Severity severity,
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String sectionCode,
        @Size(max = 20, message = "must name at most 20 sections") List<@NotBlank(message = "must not be blank")
                @Size(max = 64, message = "must be at most 64 characters") String> relatedSections,
        boolean personalInfo,
        @Size(max = 5000, message = "must be at most 5000 characters") String personalDetails) {

    public List<String> relatedSectionsOrEmpty() {
        return relatedSections == null ? List.of() : relatedSections;
    }
}
