package io.tenure.ingest;

/**
 * Character encoding of CSV feeds.
 *
 * <p>{@link #AUTO} detects per file: a UTF-8 byte order mark means UTF-8; otherwise a sample of the
 * file is decoded as strict UTF-8 and, when that fails, the file is read as GB18030.
 * {@link #GBK} reads GB18030, a superset of GBK and GB2312, so every GBK export decodes the same way.
 */
public enum Encoding {
    AUTO, UTF8, GBK
}
