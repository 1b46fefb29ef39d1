package jp.tsunagu.issue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.IdempotencyKeyReusedException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueRaised;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;
import jp.tsunagu.org.Section;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class TransactionalIssueIntake implements IssueIntake {

    private final IssueRepository issues;
    private final AudienceRepository audience;
    private final IssueNumbers numbers;
    private final RaiseRules rules;
    private final PersonalDetailsCipher cipher;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TransactionalIssueIntake(IssueRepository issues, AudienceRepository audience, IssueNumbers numbers,
            RaiseRules rules, PersonalDetailsCipher cipher, AuditTrail auditTrail, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions) {
        this.issues = issues;
        this.audience = audience;
        this.numbers = numbers;
        this.rules = rules;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public RaisedIssue raise(RaiseIssueRequest request, Person raiser, Optional<String> idempotencyKey) {
        idempotencyKey.filter(key -> key.isBlank() || key.length() > 200).ifPresent(key -> {
            throw new InvalidInputException(List.of(new FieldProblem(IDEMPOTENCY_KEY, "must be 1 to 200 characters",
                    "raise.problem.idempotencyKey")));
        });
        String fingerprint = idempotencyKey.map(key -> request.fingerprint()).orElse(null);
        Optional<RaisedIssue> earlier = idempotencyKey.flatMap(key -> issues.findByIdempotencyKey(raiser.username(), key))
                .map(keyed -> sameRequest(keyed, fingerprint));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(status -> write(request, raiser, idempotencyKey.orElse(null), fingerprint));
        } catch (DuplicateKeyException concurrentRetry) {
            // A retry with the same key committed first; answer with its issue.
            return idempotencyKey.flatMap(key -> issues.findByIdempotencyKey(raiser.username(), key))
                    .map(keyed -> sameRequest(keyed, fingerprint))
                    .orElseThrow(() -> concurrentRetry);
        }
    }

    @Override
    public void requireMayRaise(Person person) {
        rules.requireMayRaise(person);
    }

    @Override
    public boolean mayRaise(Person person) {
        return rules.mayRaise(person);
    }

    @Override
    public List<Section> sectionsToRaiseFor(Person person) {
        return rules.sectionsFor(person);
    }

    /** The earlier issue, if the key came with the same request; a different request under the key is refused. */
    private static RaisedIssue sameRequest(IssueRepository.KeyedIssue earlier, String fingerprint) {
        if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(IDEMPOTENCY_KEY, "raise.problem.idempotencyKeyReused");
        }
        return earlier.issue();
    }

    private RaisedIssue write(RaiseIssueRequest request, Person raiser, String idempotencyKey, String fingerprint) {
        Section owning = rules.check(request, raiser);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String number = numbers.next(now);
        String details = request.personalInfo() && request.personalDetails() != null && !request.personalDetails().isBlank()
                ? cipher.encrypt(request.personalDetails()) : null;
        List<String> related = request.relatedSectionsOrEmpty().stream().distinct().toList();
        issues.insert(new IssueRow(id, number, request.title().strip(), request.description(), request.category(),
                request.severity(), IssueStatus.OPEN, Level.SECTION, owning.code(), owning.departmentCode(),
                request.personalInfo(), details, null, null, null, null, false, false, null, null, null, null, null,
                now, raiser.username()), idempotencyKey, fingerprint);
        issues.insertRelatedSections(id, related);
        Map<String, AudienceReason> firstAudience = new LinkedHashMap<>();
        firstAudience.put(Principals.user(raiser.username()), AudienceReason.RAISER);
        firstAudience.put(Principals.section(owning.code()), AudienceReason.OWNING_SECTION);
        related.forEach(code -> firstAudience.putIfAbsent(Principals.section(code), AudienceReason.RELATED_SECTION));
        audience.addToNewIssue(id, Level.SECTION, firstAudience, now);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("number", number);
        audit.put("title", request.title().strip());
        audit.put("category", request.category().name());
        audit.put("severity", request.severity().name());
        audit.put("sectionCode", owning.code());
        audit.put("relatedSections", new ArrayList<>(related));
        audit.put("personalInfo", request.personalInfo());
        auditTrail.record(raiser.username(), AuditAction.ISSUE_RAISED, id, audit);
        events.publishEvent(new IssueRaised(id, number, request.severity(), request.category(), request.personalInfo(),
                related.size(), owning.code()));
        return new RaisedIssue(id, number, true);
    }
}
