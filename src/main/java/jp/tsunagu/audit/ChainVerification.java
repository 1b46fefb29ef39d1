package jp.tsunagu.audit;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The outcome of recomputing the chain.
 *
 * @param valid whether every link, the chain head and every checkpoint agree
 * @param checked how many events were found intact before the first break (all of them when valid)
 * @param firstBrokenSeq the first seq that is missing, altered, out of place or contradicts a checkpoint; null when
 *        valid, or when the break is not at a seq (an unreadable checkpoint file)
 * @param reason what is wrong, in English, for the API, the command line and the logs; null when valid
 * @param checkpointsMatched how many external checkpoints the recomputed chain was compared with and matched
 * @param breakKind what kind of break it is; null when valid. Pages show {@code audit.verify.reasons.<kind>} with
 *        {@code reasonArgs} in the reader's language
 * @param reasonArgs the seqs, times and details the reason names
 */
public record ChainVerification(boolean valid, long checked, Long firstBrokenSeq, String reason,
        int checkpointsMatched, Break breakKind, @JsonIgnore List<String> reasonArgs) {

    /** The ways a chain can be broken, each with its English reason, a format for the reason's arguments. */
    public enum Break {
        MISSING("seq %s is missing: the event was deleted"),
        OUT_OF_ORDER("seq %s appears out of order"),
        BEYOND_HEAD("seq %s lies beyond the chain head (last seq %s): the event was inserted outside the application"),
        NOT_LINKED("seq %s does not link to seq %s: an event was inserted, moved or rewritten here"),
        HASH_MISMATCH("seq %s does not match its hash: the event was changed"),
        CHECKPOINT_CONTRADICTED("seq %s contradicts the checkpoint of %s: the chain up to here was rewritten"),
        TAIL_MISSING("events %1$s to %2$s are missing: the chain head says %2$s"),
        HEAD_MISMATCH("the chain head's hash does not match seq %s"),
        CHECKPOINT_BEYOND_END("a checkpoint of %s saw seq %s, but the chain ends at %s: events were removed"),
        CHECKPOINT_FILE_UNREADABLE("the checkpoint file cannot be read: %s");

        private final String english;

        Break(String english) {
            this.english = english;
        }

        String reason(List<String> args) {
            return english.formatted(args.toArray());
        }
    }

    public static ChainVerification intact(long checked, int checkpointsMatched) {
        return new ChainVerification(true, checked, null, null, checkpointsMatched, null, List.of());
    }

    /** A break; {@code args} are written as they are (numbers without grouping). */
    public static ChainVerification broken(long checked, Long firstBrokenSeq, Break kind, int checkpointsMatched,
            Object... args) {
        List<String> strings = Arrays.stream(args).map(String::valueOf).toList();
        return new ChainVerification(false, checked, firstBrokenSeq, kind.reason(strings), checkpointsMatched, kind,
                strings);
    }
}
