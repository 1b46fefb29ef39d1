package jp.tsunagu.sla.internal;

/**
 * Where the holiday file lives between starts. The default keeps it in a file; a database-backed store can replace
 * it so that every node of a cluster sees the same data.
 */
public interface HolidayDataStore {

    /** The current holiday file: the administrator's replacement if there is one, otherwise the shipped file. */
    byte[] load();

    /** Keeps an already validated replacement so that the next start uses it. */
    void save(byte[] shiftJisCsv);
}
