package io.sealwatch.reports.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip (an OOXML package) with a fixed entry order and fixed entry times: POI stamps the
 * current time into every entry, which would make two renders of the same run differ.
 * {@code [Content_Types].xml} stays first, as OOXML readers expect; the rest are sorted by name.
 */
public final class ZipNormalizer {

    private ZipNormalizer() {
    }

    public static void normalize(Path in, Path out, LocalDateTime entryTime) throws IOException {
        try (ZipFile zip = new ZipFile(in.toFile());
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
             ZipOutputStream zos = new ZipOutputStream(os)) {
            List<? extends ZipEntry> entries = new ArrayList<>(zip.stream().toList());
            entries.sort(Comparator.comparing((ZipEntry e) -> !e.getName().equals("[Content_Types].xml"))
                    .thenComparing(ZipEntry::getName));
            for (ZipEntry e : entries) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(entryTime);
                zos.putNextEntry(copy);
                try (InputStream is = zip.getInputStream(e)) {
                    is.transferTo(zos);
                }
                zos.closeEntry();
            }
        }
    }
}
