package jp.tsunagu.issue;

import java.util.List;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.common.HasText;
import jp.tsunagu.common.Sha256;
import jp.tsunagu.common.SingleLine;

/**
 * The body of {@code POST /api/issues}, also checked for the raise form and each imported CSV row. Every message is
 * English: the API answers in English whatever the caller's locale, and the pages say the constraint in the reader's
 * language by its name.
 */
public record RaiseIssueRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1)
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

    /**
     * SHA-256 over what the request asks for, for telling a retry under an idempotency key from another request.
     * Personal details are left out: a hash of them would be personal information itself, and the flag that they
     * are there is in. A field not given (a CSV row that could not be read) counts as empty.
     */
    public String fingerprint() {
        String canonical = String.join("\u0000", title == null ? "" : title.strip(), String.valueOf(description),
                category == null ? "" : category.name(), severity == null ? "" : severity.name(),
                String.valueOf(sectionCode), String.join(",", new TreeSet<>(relatedSectionsOrEmpty())),
                String.valueOf(personalInfo));
        return Sha256.hex(canonical);
    }
}
