package io.sealwatch.engine.ingest;

/**
 * One input file as the listing sees it, for a caller that follows the sources between runs (the
 * service compares listings to know when a file is new or has grown).
 *
 * @param path     as reported in the accounting (relative to the config's folder where it lies under it)
 * @param size     bytes as listed, or -1 when unknown
 * @param modified epoch milliseconds as listed, or -1 when unknown
 */
public record ListedFile(String source, String path, long size, long modified) {
}
