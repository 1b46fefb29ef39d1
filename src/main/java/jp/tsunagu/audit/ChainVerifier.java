package jp.tsunagu.audit;

/**
 * Recomputes the whole audit chain in one streaming pass, and compares it with the chain head and with the
 * checkpoints kept outside the database.
 */
public interface ChainVerifier {

    ChainVerification verify();
}
