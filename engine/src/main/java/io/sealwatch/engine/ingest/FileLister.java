package io.sealwatch.engine.ingest;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the configured source globs to files: local paths with java.nio, URIs with a scheme through
 * Hadoop {@link FileSystem}, so {@code s3a:}, {@code hdfs:}, … all work. Hadoop globs have no
 * {@code **}: a glob containing it (and every local glob) is served by a recursive listing under its
 * literal leading directories, filtered by a regular expression where {@code **}{@code /} matches any
 * number of directories.
 */
final class FileLister {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+:(?://[^/]*)?)(.*)");

    private FileLister() {
    }

    /** True for a source path with a scheme ({@code s3a://…}, {@code file:…}), listed through Hadoop. */
    static boolean isUri(String path) {
        return SCHEME.matcher(path).matches();
    }

    /** CloudTrail's delivery folders: {@code …/CloudTrail/<region>/YYYY/MM/DD/<file>}. */
    private static final Pattern CLOUDTRAIL_DAY = Pattern.compile("/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$");

    /**
     * False for a CloudTrail file whose delivery folder names a UTC day that cannot hold events of
     * {@code [since, until)}: CloudTrail files its logs by delivery day, minutes after the events, so a
     * day of margin on each side keeps every file that can. Files of other layouts may hold anything.
     */
    static boolean mayHold(FileTask t, Instant since, Instant until) {
        Matcher m = CLOUDTRAIL_DAY.matcher(t.path());
        if (!"aws-cloudtrail".equals(t.source()) || !m.find()) {
            return true;
        }
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return true;   // digits that are no date: not a delivery folder
        }
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC).minusDays(1);
        LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC).plusDays(1);
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** A source's glob that matched no file. */
    record Unmatched(String source, String glob) {
        /** As the run reports it: silence is not evidence, so a source without files is a problem of the night. */
        String problem() {
            return "source " + source + " (" + glob + "): no file matches";
        }
    }

    /**
     * @param unmatched the sources whose glob matched no file
     * @param problems  in config order: each source without files, and folders under a glob that could
     *                  not be walked (a symbolic link loop, no permission), each named once; the files
     *                  around them are still listed
     */
    static List<FileTask> list(SealwatchConfig config, Configuration conf, List<Unmatched> unmatched,
                               List<String> problems) throws IOException {
        Set<FileTask> tasks = new LinkedHashSet<>();
        for (SourceSpec s : config.sources()) {
            List<FileTask> found = expand(s, config.baseDir(), conf, problems);
            if (found.isEmpty()) {
                Unmatched u = new Unmatched(s.type(), s.path());
                unmatched.add(u);
                problems.add(u.problem());
            }
            tasks.addAll(found);
        }
        List<FileTask> out = new ArrayList<>(tasks);
        out.sort(Comparator.comparing(FileTask::source).thenComparing(FileTask::path));
        return out;
    }

    private static List<FileTask> expand(SourceSpec s, java.nio.file.Path baseDir, Configuration conf,
                                         List<String> problems) throws IOException {
        Matcher m = SCHEME.matcher(s.path());
        boolean local = !m.matches();
        if (local) {
            return expandLocal(s, baseDir, problems);
        }
        String glob = s.path();
        Path root = local ? new Path("file", null, glob) : new Path(glob);
        FileSystem fs = root.getFileSystem(conf);
        List<FileStatus> files = new ArrayList<>();
        String pathPart = local ? glob : m.group(2);
        int doubleStar = pathPart.indexOf("**");
        if (doubleStar < 0) {
            FileStatus[] st = fs.globStatus(root);
            if (st != null) {
                for (FileStatus f : st) {
                    if (f.isFile()) {
                        files.add(f);
                    }
                }
            }
        } else {
            int firstGlob = indexOfGlobChar(pathPart);
            String baseDirPart = pathPart.substring(0, pathPart.lastIndexOf('/', firstGlob) + 1);
            Path base = local ? new Path("file", null, baseDirPart) : new Path(m.group(1) + baseDirPart);
            Pattern re = Pattern.compile(regex(pathPart));
            try {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (f.isFile() && re.matcher(f.getPath().toUri().getPath()).matches()) {
                        files.add(f);
                    }
                }
            } catch (FileNotFoundException e) {
                // the fixed part of the glob does not exist: no files
            }
        }
        List<FileTask> out = new ArrayList<>();
        for (FileStatus f : files) {
            Path p = f.getPath();
            out.add(new FileTask(s.type(), p.toString(), local ? reported(baseDir, p.toUri().getPath()) : p.toString(),
                    f.getLen(), f.getModificationTime()));
        }
        return out;
    }

    /**
     * Local globs are listed with java.nio: Hadoop's local file system, without its native library,
     * forks a shell command per file to read permissions — seconds per thousand files.
     */
    private static List<FileTask> expandLocal(SourceSpec s, java.nio.file.Path baseDir, List<String> problems)
            throws IOException {
        String glob = baseDir.resolve(s.path()).normalize().toString().replace('\\', '/');
        int firstGlob = indexOfGlobChar(glob);
        java.nio.file.Path base = java.nio.file.Path.of(glob.substring(0, glob.lastIndexOf('/', firstGlob) + 1));
        if (!java.nio.file.Files.isDirectory(base)) {
            return List.of();
        }
        Pattern re = Pattern.compile(regex(glob));
        List<FileTask> out = new ArrayList<>();
        java.nio.file.Files.walkFileTree(base, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
                Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        String abs = file.toAbsolutePath().toString().replace('\\', '/');
                        if (attrs.isRegularFile() && re.matcher(abs).matches()) {
                            out.add(new FileTask(s.type(), new Path("file", null, abs).toString(),
                                    reported(baseDir, abs), attrs.size(), attrs.lastModifiedTime().toMillis()));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    /** Links are followed, so a link to a folder above it loops: skip it, name it, list the rest. */
                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
                        String at = reported(baseDir, file.toAbsolutePath().toString().replace('\\', '/'));
                        String why = e instanceof java.nio.file.FileSystemLoopException
                                ? "symbolic link loop at " + at + ", not followed"
                                : "cannot list " + at + " (" + e.getClass().getSimpleName() + ")";
                        problems.add("source " + s.type() + " (" + s.path() + "): " + why);
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        return out;
    }

    /**
     * Local files are reported relative to the config's folder when they lie under it, so that the
     * outputs do not depend on where the organisation's logs happen to be mounted.
     */
    private static String reported(java.nio.file.Path baseDir, String absolute) {
        java.nio.file.Path file = java.nio.file.Path.of(absolute);
        java.nio.file.Path base = baseDir.toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file).toString().replace('\\', '/') : absolute;
    }

    private static int indexOfGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Glob → regex: {@code **}{@code /} any directories, {@code *} and {@code ?} within a name, {@code {a,b}}, {@code [..]}. */
    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                re.append("(?:");
                inGroup = true;
            } else if (c == '}' && inGroup) {
                re.append(')');
                inGroup = false;
            } else if (c == ',' && inGroup) {
                re.append('|');
            } else if (c == '[') {
                int end = glob.indexOf(']', i);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                    re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
