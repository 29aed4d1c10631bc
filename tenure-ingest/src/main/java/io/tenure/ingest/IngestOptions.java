package io.tenure.ingest;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.nio.file.Path;

/**
 * How feeds are read.
 *
 * @param encoding    encoding of CSV files, {@link Encoding#AUTO} to detect it per file
 * @param rejectLimit highest tolerated share of rejected rows per feed, a fraction between 0 and 1
 *                    (0.01 = 1%); a feed above it fails the load
 * @param workDir     scratch folder for files transcoded to UTF-8 (created when needed, emptied after each feed)
 */
public record IngestOptions(Encoding encoding, double rejectLimit, Path workDir) {
    /** Default reject limit: 1% of the rows of a feed. */
    public static final double DEFAULT_REJECT_LIMIT = 0.01;

    public IngestOptions {
        if (encoding == null) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "ingest encoding must be set (AUTO, UTF8 or GBK)");
        }
        if (!(rejectLimit >= 0.0 && rejectLimit <= 1.0)) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "reject limit must be a fraction between 0 and 1"
                    + " (0.01 = 1%), got " + rejectLimit + "; set --reject-limit or ingest.reject-limit accordingly");
        }
        if (workDir == null) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "ingest work directory must be set (scratch space for transcoded files)");
        }
    }

    /** Automatic encoding detection and a 1% reject limit. */
    public static IngestOptions defaults(Path workDir) {
        return new IngestOptions(Encoding.AUTO, DEFAULT_REJECT_LIMIT, workDir);
    }

    /** The same options with another encoding. */
    public IngestOptions withEncoding(Encoding value) {
        return new IngestOptions(value, rejectLimit, workDir);
    }

    /** The same options with another reject limit (a fraction between 0 and 1). */
    public IngestOptions withRejectLimit(double value) {
        return new IngestOptions(encoding, value, workDir);
    }
}
