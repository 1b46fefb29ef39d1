package jp.tsunagu.audit;

/** The concurrency test on the embedded H2 database. */
class H2ConcurrentAuditTest extends ConcurrentAuditTests {
}
