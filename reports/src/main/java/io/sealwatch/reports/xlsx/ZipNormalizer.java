package io.sealwatch.reports.xlsx;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites a zip (an OOXML package) with a fixed entry order and fixed entry times: POI stamps the
 * current time into every entry, which would make two renders of the same run differ.
 * {@code [Content_Types].xml} stays first, as OOXML readers expect; the rest are sorted by name.
 * Entries are copied still compressed (commons-compress, which POI brings): inflating and deflating
 * them again doubled the cost of a large workbook.
 */
public final class ZipNormalizer {

    private ZipNormalizer() {
    }

    public static void normalize(Path in, Path out, LocalDateTime entryTime) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(in).get();
             ZipArchiveOutputStream zos = new ZipArchiveOutputStream(out)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            entries.sort(Comparator.comparing((ZipArchiveEntry e) -> !e.getName().equals("[Content_Types].xml"))
                    .thenComparing(ZipArchiveEntry::getName));
            for (ZipArchiveEntry e : entries) {
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setMethod(e.getMethod());
                copy.setCrc(e.getCrc());
                copy.setSize(e.getSize());
                copy.setCompressedSize(e.getCompressedSize());
                copy.setTimeLocal(entryTime);
                try (InputStream raw = zip.getRawInputStream(e)) {
                    zos.addRawArchiveEntry(copy, raw);
                }
            }
        }
    }
}
