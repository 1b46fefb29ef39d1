package jp.tsunagu.org;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** API tokens for service accounts, each scoped to the sections it may raise issues for. */
public interface ApiTokens {

    /** Issues a token; the clear token is in the answer and nowhere else. */
    IssuedToken issue(String username, Set<String> sections, String label, String issuedBy);

    List<TokenInfo> list();

    void revoke(String tokenId, String revokedBy);

    record IssuedToken(String id, String token, String username, Set<String> sections) {
    }

    record TokenInfo(String id, String username, List<String> sections, String label, OffsetDateTime createdAt,
            String createdBy, boolean revoked) {
    }
}
