package jp.tsunagu.audit;

/**
 * The outcome of recomputing the chain.
 *
 * @param valid whether every link, the chain head and every checkpoint agree
 * @param checked how many events were found intact before the first break (all of them when valid)
 * @param firstBrokenSeq the first seq that is missing, altered, out of place or contradicts a checkpoint; null when
 *        valid, or when the break is not at a seq (an unreadable checkpoint file)
 * @param reason what is wrong, for the auditor; null when valid
 * @param checkpointsMatched how many external checkpoints the recomputed chain was compared with and matched
 */
public record ChainVerification(boolean valid, long checked, Long firstBrokenSeq, String reason,
        int checkpointsMatched) {

    public static ChainVerification intact(long checked, int checkpointsMatched) {
        return new ChainVerification(true, checked, null, null, checkpointsMatched);
    }

    public static ChainVerification broken(long checked, Long firstBrokenSeq, String reason, int checkpointsMatched) {
        return new ChainVerification(false, checked, firstBrokenSeq, reason, checkpointsMatched);
    }
}
