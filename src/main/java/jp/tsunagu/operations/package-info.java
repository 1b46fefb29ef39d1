/**
 * Operations: health and metrics for running Tsunagu on one or several nodes.
 * <p>
 * Readiness includes the database and, where job execution is enabled, this node's job executor. Metrics go to
 * Micrometer and are scraped from {@code /actuator/prometheus} by an ADMIN account. Counters and timers count
 * after commit only, so a rolled-back or retried job never counts twice. The gauges read the shared database, so
 * every node reports the same cluster-wide values. See {@code docs/operations.md}.
 */
package jp.tsunagu.operations;
