package io.sealwatch.engine.ingest;

import java.io.Serializable;

/**
 * One input file to read.
 *
 * @param source the source type
 * @param uri    the fully qualified Hadoop path to open
 * @param path   the path as reported (local files under the config's folder: relative to it; other local
 *               files: absolute; other file systems: the URI)
 * @param size     the stored size in bytes as listed, or -1 when unknown
 * @param modified the modification time (epoch ms) as listed, or -1 when unknown
 */
record FileTask(String source, String uri, String path, long size, long modified) implements Serializable {

    FileTask(String source, String uri, String path) {
        this(source, uri, path, -1, -1);
    }
}
