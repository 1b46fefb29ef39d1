package jp.tsunagu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Small helpers shared by the benchmarks: percentiles, the machine and PostgreSQL settings, a results file. */
final class Bench {

    static final Path RESULTS = Path.of("target", "bench", "results.md");

    private Bench() {
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static String spread(double[] values) {
        return String.format(Locale.ROOT, "median %.1f (min %.1f, max %.1f, n=%d)", percentile(values, 50),
                Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0), values.length);
    }

    static String latencies(double[] millis) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)", percentile(millis, 50),
                percentile(millis, 95), Arrays.stream(millis).max().orElse(0), millis.length);
    }

    static String environment(Connection db) throws Exception {
        List<String> settings = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            for (String name : List.of("server_version", "shared_buffers", "work_mem", "effective_cache_size",
                    "max_connections", "synchronous_commit", "fsync", "random_page_cost", "autovacuum")) {
                try (ResultSet rs = statement.executeQuery("show " + name)) {
                    rs.next();
                    settings.add(name + "=" + rs.getString(1));
                }
            }
        }
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "cores=%d, max heap=%d MiB, java=%s, os=%s; PostgreSQL: %s",
                runtime.availableProcessors(), runtime.maxMemory() >> 20, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), String.join(", ", settings));
    }

    static void report(String line) {
        System.out.println("BENCH " + line);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of this JVM's CPU time spent in the kernel (system calls: sockets, futexes), from /proc. */
    static long jvmSystemCpuNanos() {
        try {
            return Long.parseLong(statFields(Files.readString(Path.of("/proc/self/stat")))[12]) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of every process named postgres on this machine, from /proc (user and system, in clock ticks). */
    static long postgresCpuNanos() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = statFields(stat);
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** USER_HZ is 100 on Linux: /proc counts CPU time in hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The fields of a /proc/PID/stat line after the command name (which may hold spaces): utime is [11], stime [12]. */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
