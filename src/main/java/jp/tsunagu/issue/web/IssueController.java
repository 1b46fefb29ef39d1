package jp.tsunagu.issue.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Validator;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.ApiProblems;
import jp.tsunagu.common.web.BodyValidation;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.issue.CommentView;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Person;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/issues")
class IssueController {

    private final IssueIntake intake;
    private final IssueQueries queries;
    private final IssueComments comments;
    private final PersonalDetails personalDetails;
    private final CurrentUser currentUser;
    private final Validator validator;

    IssueController(IssueIntake intake, IssueQueries queries, IssueComments comments, PersonalDetails personalDetails,
            CurrentUser currentUser, Validator validator) {
        this.intake = intake;
        this.queries = queries;
        this.comments = comments;
        this.personalDetails = personalDetails;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    /**
     * Answers with the issue as {@code GET /api/issues/{id}} shows it; with {@code Prefer: return=minimal} (RFC 7240),
     * as a tool raising many issues asks, only with its id and number, which saves reading the issue back.
     */
    @ApiResponse(responseCode = "201", description = "Raised; Location names it",
            content = @Content(schema = @Schema(oneOf = {IssueView.class, MinimalIssue.class})))
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first issue",
            content = @Content(schema = @Schema(oneOf = {IssueView.class, MinimalIssue.class})))
    @ApiProblems({403, 422, 503})
    @PostMapping
    ResponseEntity<?> raise(@RequestBody RaiseIssueRequest request,
            @Parameter(description = "1 to 200 characters; a retry with the same key and request raises nothing again")
            @RequestHeader(name = IssueIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Parameter(description = "return=minimal: answer with the id and number only")
            @RequestHeader(name = "Prefer", required = false) List<String> prefer) {
        Person raiser = currentUser.require();
        // Someone who never raises is refused (403, audited) whatever fields they sent; only then are they checked.
        intake.requireMayRaise(raiser);
        BodyValidation.requireValid(validator, request);
        RaisedIssue raised = intake.raise(request, raiser, Optional.ofNullable(idempotencyKey));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(raised.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/issues/" + raised.id()))
                .cacheControl(CacheControl.noStore());
        if (prefersMinimal(prefer)) {
            return answer.header("Preference-Applied", RETURN_MINIMAL)
                    .body(new MinimalIssue(raised.id(), raised.number()));
        }
        return answer.body(queries.view(raised.id(), raiser));
    }

    static final String RETURN_MINIMAL = "return=minimal";

    /** Preferences are comma-separated and may repeat the header; case and spaces around them do not matter. */
    static boolean prefersMinimal(List<String> prefer) {
        return prefer != null && prefer.stream().flatMap(header -> Arrays.stream(header.split(",")))
                .map(preference -> preference.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
                .anyMatch(RETURN_MINIMAL::equals);
    }

    /** The answer to a raise with {@code Prefer: return=minimal}. */
    record MinimalIssue(String id, String number) {
    }

    @GetMapping
    ResponseEntity<ItemList<IssueView>> list(@RequestParam(required = false) Level level,
            @RequestParam(required = false) IssueStatus status, @RequestParam(required = false) String section,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean mine, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Person me = currentUser.require();
        IssueFilter filter = new IssueFilter(level, status, section, overdue, q,
                Boolean.TRUE.equals(mine) ? me.username() : null, page, size);
        IssuePage found = queries.list(filter, me);
        return noStore(new ItemList<>(found.items(), found.total()));
    }

    @GetMapping("/{id}")
    ResponseEntity<IssueView> get(@PathVariable String id) {
        return noStore(queries.view(id, currentUser.require()));
    }

    @ApiResponse(responseCode = "201", description = "Added; Location names it")
    @ApiProblems({403, 409})
    @PostMapping("/{id}/comments")
    ResponseEntity<CommentView> comment(@PathVariable String id, @RequestBody TextBody body) {
        CommentView added = comments.add(id, currentUser.require(), body.text());
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/issues/{id}/comments/{commentId}")
                        .buildAndExpand(id, added.id()).encode().toUri())
                .cacheControl(CacheControl.noStore()).body(added);
    }

    /** One comment, for whoever may see its issue; one of another issue is not found here. */
    @GetMapping("/{id}/comments/{commentId}")
    ResponseEntity<CommentView> oneComment(@PathVariable String id, @PathVariable String commentId) {
        return noStore(comments.list(id, currentUser.require()).stream()
                .filter(comment -> comment.id().equals(commentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such comment on this issue")));
    }

    @GetMapping("/{id}/comments")
    ResponseEntity<ItemList<CommentView>> comments(@PathVariable String id) {
        return noStore(ItemList.of(comments.list(id, currentUser.require())));
    }

    @GetMapping("/{id}/history")
    ResponseEntity<ItemList<HistoryEntry>> history(@PathVariable String id) {
        return noStore(ItemList.of(comments.history(id, currentUser.require())));
    }

    @ApiProblems(403)
    @PostMapping("/{id}/personal-details/reveal")
    ResponseEntity<Revealed> reveal(@PathVariable String id, @RequestBody PurposeBody body) {
        return noStore(new Revealed(personalDetails.reveal(id, currentUser.require(), body.purpose())));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    record TextBody(String text) {
    }

    record PurposeBody(String purpose) {
    }

    record Revealed(String personalDetails) {
    }
}
