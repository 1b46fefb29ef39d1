package jp.tsunagu.org.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.Sha256;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tokens are 32 random bytes; only their SHA-256 is stored, which is enough for a secret that cannot be guessed. */
@Service
@Transactional
class JdbcApiTokens implements ApiTokens {

    static final String PREFIX = "tsu_";
    /** The conflict code of a change to a revoked token: nothing brings it back. */
    static final String REVOKED = "revoked";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ApiTokenExpiryChange expiryChange;

    JdbcApiTokens(JdbcClient jdbc, Organisation organisation, AuditTrail auditTrail, Clock clock,
            ApiTokenExpiryChange expiryChange) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.expiryChange = expiryChange;
    }

    @Override
    public IssuedToken issue(String username, Set<String> sections, String label, LocalDate expiresOn,
            String issuedBy) {
        Person bot = organisation.findPerson(username == null ? "" : username)
                .filter(person -> person.role() == Role.SERVICE)
                .orElseThrow(() -> new InvalidInputException("username", "is not a service account"));
        if (sections == null || sections.isEmpty()) {
            throw new InvalidInputException("sections", "must name at least one section");
        }
        for (String code : sections) {
            if (organisation.findSection(code).isEmpty()) {
                throw new InvalidInputException("sections", "'" + code + "' is not a known section");
            }
        }
        String text = label == null || label.isBlank() ? bot.username() : label.strip();
        if (text.length() > 200) {
            throw new InvalidInputException("label", "must be at most 200 characters");
        }
        Instant now = clock.instant();
        Instant expiresAt = TokenLifetime.expiresAt(expiresOn, now);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        Set<String> scope = new TreeSet<>(sections);
        jdbc.sql("""
                insert into api_token (id, username, token_hash, sections, label, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, bot.username(), hash(token), String.join(",", scope), text, Timestamp.from(now),
                        issuedBy, Timestamp.from(expiresAt))
                .update();
        auditTrail.record(issuedBy, AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "api token issued",
                "tokenId", id, "username", bot.username(), "sections", new ArrayList<>(scope),
                "expiresAt", expiresAt.toString()));
        return new IssuedToken(id, token, bot.username(), scope, ApiTokenRows.inCity(expiresAt));
    }

    @Override
    public ExpiryChoice expiryChoice() {
        return TokenLifetime.choice(clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TokenInfo> list() {
        return jdbc.sql("select * from api_token order by created_at, id").query(ApiTokenRows.asOf(clock.instant()))
                .list();
    }

    @Override
    public void revoke(String tokenId, String revokedBy) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tokenId).update();
        if (changed == 0) {
            boolean known = jdbc.sql("select count(*) from api_token where id = ?").param(tokenId).query(Long.class)
                    .single() > 0;
            throw known ? new ConflictException(REVOKED, "The token is revoked already")
                    : new NotFoundException("No such token");
        }
        auditTrail.record(revokedBy, AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "api token revoked", "tokenId", tokenId));
    }

    @Override
    public TokenInfo changeExpiry(String tokenId, LocalDate expiresOn, String changedBy) {
        return expiryChange.change(tokenId, expiresOn, changedBy);
    }

    /**
     * Takes a removed section out of every active token's scope, so that a section added again later under the same
     * code is not in any old token's scope. A token left with no section is revoked. Each token changed is audited.
     */
    void withdrawSection(String section) {
        record Scoped(String id, Set<String> sections) {
        }
        List<Scoped> active = jdbc.sql("select id, sections from api_token where revoked_at is null order by id")
                .query((rs, i) -> new Scoped(rs.getString("id"),
                        new TreeSet<>(List.of(rs.getString("sections").split(",")))))
                .list();
        for (Scoped token : active) {
            if (!token.sections().remove(section)) {
                continue;
            }
            if (token.sections().isEmpty()) {
                jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(clock.instant()), token.id()).update();
                auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "api token revoked",
                        "tokenId", token.id(), "reason", "its only section was removed", "sectionCode", section));
            } else {
                jdbc.sql("update api_token set sections = ? where id = ?")
                        .params(String.join(",", token.sections()), token.id()).update();
                auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "api token scope narrowed",
                        "tokenId", token.id(), "sectionCode", section, "sections", new ArrayList<>(token.sections())));
            }
        }
    }

    /** Revokes every active token of an account, for a change the caller audits; returns how many. */
    int revokeAllOf(String username) {
        return jdbc.sql("update api_token set revoked_at = ? where username = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), username).update();
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
