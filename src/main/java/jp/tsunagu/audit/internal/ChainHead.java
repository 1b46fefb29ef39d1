package jp.tsunagu.audit.internal;

import org.springframework.jdbc.core.RowMapper;

/** The single row of {@code audit_chain_head}: the seq and hash of the last committed event (0 and genesis if none). */
record ChainHead(long seq, String hash) {

    static final String SELECT = "select last_seq, last_hash from audit_chain_head where id = 1";

    static final RowMapper<ChainHead> ROW = (rs, i) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash"));
}
