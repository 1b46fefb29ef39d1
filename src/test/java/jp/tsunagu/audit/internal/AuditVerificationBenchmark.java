package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.testsupport.PostgresTestDatabase;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verification speed and memory on 1,000,000 events (override with -Dtsunagu.benchmark.events). Not a test: it runs
 * only in the Maven profile {@code bench} ({@code mvn -B -Pbench test}), in a 64 MiB heap. Results go to
 * docs/benchmarks.md by hand.
 */
@RequiresPostgres
@EnabledIfSystemProperty(named = "tsunagu.benchmark", matches = "true")
class AuditVerificationBenchmark {

    static final int EVENTS = Integer.getInteger("tsunagu.benchmark.events", 1_000_000);
    static final int RUNS = Integer.getInteger("tsunagu.benchmark.runs", 5);

    @TempDir
    Path dir;

    @Test
    void verifiesAMillionEventsInConstantMemory() throws Exception {
        DataSource database = freshSchema();
        long loadStart = System.nanoTime();
        String lastHash = copyValidChain(database);
        new JdbcTemplate(database).update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1",
                EVENTS, lastHash);
        new JdbcTemplate(database).execute("analyze audit_event");
        report("loaded %,d events with COPY in %.1f s", EVENTS, (System.nanoTime() - loadStart) / 1e9);

        JdbcChainVerifier verifier = new JdbcChainVerifier(database, new DataSourceTransactionManager(database),
                new CheckpointFile(dir.resolve("none.jsonl")));
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            System.gc();
            resetPeakHeap();
            long start = System.nanoTime();
            ChainVerification result = verifier.verify();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(result).isEqualTo(ChainVerification.intact(EVENTS, 0));
            rates.add(EVENTS / seconds);
            report("run %d: %.2f s, %,.0f events/s, peak heap %.1f MiB (max heap %.0f MiB)", run, seconds,
                    EVENTS / seconds, peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        List<Double> sorted = rates.stream().sorted().toList();
        report("median %,.0f events/s, min %,.0f, max %,.0f over %d runs", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), RUNS);
    }

    /** Writes the chain straight into COPY, a few rows at a time, so that the load itself needs no memory. */
    static String copyValidChain(DataSource database) throws SQLException, IOException {
        String previous = ChainHasher.GENESIS;
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        try (Connection connection = database.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy audit_event (seq, occurred_at, actor, action, issue_id, details, prev_hash, hash)
                    from stdin with (format csv)""");
            StringBuilder rows = new StringBuilder();
            for (long seq = 1; seq <= EVENTS; seq++) {
                Instant at = start.plusMillis(seq * 250);
                String issue = "00000000-0000-0000-0000-" + String.format("%012d", seq / 20);
                String details = "{\"level\":\"SECTION\",\"text\":\"窓口の待ち時間について確認しました " + seq + "\"}";
                String hash = ChainHasher.hash(previous, seq, at, "sato", "COMMENT_ADDED", issue, details);
                rows.append(seq).append(',').append(at).append(",sato,COMMENT_ADDED,").append(issue).append(",\"")
                        .append(details.replace("\"", "\"\"")).append("\",").append(previous).append(',')
                        .append(hash).append('\n');
                previous = hash;
                if (rows.length() > 1 << 20) {
                    write(copy, rows);
                }
            }
            write(copy, rows);
            copy.endCopy();
        }
        return previous;
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    static DataSource freshSchema() {
        String schema = "audit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(PostgresTestDatabase.url(), PostgresTestDatabase.USER, "").schemas(schema)
                .defaultSchema(schema).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
        return new DriverManagerDataSource(PostgresTestDatabase.url() + "?currentSchema=" + schema,
                PostgresTestDatabase.USER, "");
    }

    static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    static void report(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
