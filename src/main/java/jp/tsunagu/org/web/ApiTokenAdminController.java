package jp.tsunagu.org.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.ApiProblems;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list, extend and revoke the API tokens of service accounts. */
@RestController
@RequestMapping("/api/admin/api-tokens")
class ApiTokenAdminController {

    private final ApiTokens tokens;
    private final CurrentUser currentUser;

    ApiTokenAdminController(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @ApiResponse(responseCode = "201", description = "Issued; the token is shown this once; Location names it")
    @PostMapping
    ResponseEntity<ApiTokens.IssuedToken> issue(@RequestBody TokenRequest request) {
        ApiTokens.IssuedToken issued = tokens.issue(request.username(), request.sections(), request.label(),
                request.expiresOn(), currentUser.require().username());
        return ResponseEntity.created(URI.create("/api/admin/api-tokens/" + issued.id()))
                .cacheControl(CacheControl.noStore()).body(issued);
    }

    @GetMapping
    ItemList<ApiTokens.TokenInfo> list() {
        return ItemList.of(tokens.list());
    }

    /** One token as the list shows it (revoked and expired ones too), never the token itself. */
    @GetMapping("/{id}")
    ApiTokens.TokenInfo get(@PathVariable String id) {
        return tokens.list().stream().filter(token -> token.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such token"));
    }

    /**
     * Gives the token a new last valid day ({@code {"expiresOn": "2028-03-31"}}, from today to three years ahead), the
     * token itself unchanged; an expired token works again. 409 {@code revoked} for a revoked token.
     */
    @ApiProblems(409)
    @PatchMapping("/{id}")
    ApiTokens.TokenInfo changeExpiry(@PathVariable String id, @RequestBody ExpiryChange change) {
        return tokens.changeExpiry(id, change.expiresOn(), currentUser.require().username());
    }

    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiProblems(409)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        tokens.revoke(id, currentUser.require().username());
        return ResponseEntity.noContent().build();
    }

    /** {@code expiresOn}: the token's last valid day (null: a year from today; at most three years ahead). */
    record TokenRequest(String username, Set<String> sections, String label, LocalDate expiresOn) {
    }

    /** {@code expiresOn}: the token's new last valid day, required. */
    record ExpiryChange(LocalDate expiresOn) {
    }
}
