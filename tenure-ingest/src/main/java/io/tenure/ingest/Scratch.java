package io.tenure.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Names of the temporary tables one feed load works with. They live in DuckDB's temporary catalog
 * (memory, spilled to the temp directory), never in the caller's database, and are dropped after each feed.
 */
final class Scratch {
    /** View over the checked rows of every scan, numbered {@code _r} in file order. */
    static final String CHK = "_tenure_chk";
    /** Rejected rows found in SQL: position, file, check id, detail, first occurrence of a duplicate key. */
    static final String BAD = "_tenure_bad";
    static final String DUPKEYS = "_tenure_dupkeys";
    /** DuckDB's own reject tables for rows it cannot parse. */
    static final String REJ_ERR = "_tenure_rej_err";
    static final String REJ_SCAN = "_tenure_rej_scan";
    static final String REREAD_ERR = "_tenure_reread_err";
    static final String REREAD_SCAN = "_tenure_reread_scan";
    static final String FILES = "_tenure_files";
    static final String STRUCT = "_tenure_struct";
    static final String FSTART = "_tenure_fstart";
    static final String LINES = "_tenure_lines";
    static final String ULINES = "_tenure_ulines";
    static final String BADL = "_tenure_badl";
    static final String RAW = "_tenure_raw";
    private static final List<String> TABLES = List.of(BAD, DUPKEYS, REJ_ERR, REJ_SCAN, REREAD_ERR, REREAD_SCAN,
            FILES, STRUCT, FSTART, LINES, ULINES, BADL, RAW);

    private Scratch() {
    }

    /** The scratch table holding the checked rows of the i-th scan. */
    static String part(int i) {
        return CHK + "_" + i;
    }

    /** Drops the view, the fixed tables and the given scan parts; best effort, a failed drop hides nothing. */
    static void drop(Connection db, int parts) {
        quietly(db, "DROP VIEW IF EXISTS temp.main." + CHK);
        for (String t : TABLES) {
            quietly(db, "DROP TABLE IF EXISTS temp.main." + t);
        }
        for (int i = 0; i < parts; i++) {
            quietly(db, "DROP TABLE IF EXISTS temp.main." + part(i));
        }
    }

    private static void quietly(Connection db, String sql) {
        try {
            Sql.update(db, sql);
        } catch (SQLException e) {
            // the load's own outcome matters more than a leftover scratch table
        }
    }
}
