package io.sealwatch.engine.ingest;

import java.io.Serializable;

/**
 * One input file to read.
 *
 * @param source the source type
 * @param uri    the fully qualified Hadoop path to open
 * @param path   the path as reported (local files under the config's folder: relative to it; other local
 *               files: absolute; other file systems: the URI)
 */
record FileTask(String source, String uri, String path) implements Serializable {
}
