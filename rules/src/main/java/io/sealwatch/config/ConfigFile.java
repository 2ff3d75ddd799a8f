package io.sealwatch.config;

import io.sealwatch.config.ConfigException.ConfigError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The config file read defensively, before any of it is interpreted: only a regular file (a FIFO or
 * device would block or never end), at most {@link #MAX_BYTES}, strict UTF-8, and YAML composed under
 * limits so that an alias bomb or deep nesting is refused instead of exhausting memory. Every refusal
 * is one {@link ConfigError} naming the line where the YAML has one.
 */
final class ConfigFile {
    /** Real configs are a few kilobytes; anything near this is a mistake or an attack. */
    static final int MAX_BYTES = 1 << 20;
    /** Anchors reused as whole lists or mappings; a config needs a handful at most. */
    static final int MAX_ALIASES = 50;
    /** The config itself nests five deep (accounts, an account, identities, an identity). */
    static final int MAX_NESTING = 20;

    private ConfigFile() {
    }

    static byte[] read(Path file, String name) throws ConfigException {
        // checked before opening: opening a FIFO blocks until a writer comes, reading /dev/zero never ends
        if (!Files.isRegularFile(file)) {
            throw fail(name, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw fail(name, 0, "larger than " + (MAX_BYTES >> 20) + " MiB; a config is a few kilobytes");
            }
            return bytes;
        } catch (IOException e) {
            throw fail(name, 0, "cannot read config file: " + e.getMessage());
        }
    }

    /** The bytes as UTF-8, refusing the first malformed byte with its line and offset rather than replacing it. */
    static String decode(byte[] bytes, String name) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw fail(name, line, String.format("not UTF-8: byte 0x%02X at byte offset %d cannot be decoded; "
                    + "save the file as UTF-8", bytes[offset] & 0xff, offset));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The YAML node tree of {@code text}; duplicate keys are left for the loader, which knows both lines. */
    static Node compose(String text, String name) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES); // the byte cap already bounds it; the parser must not allow more
        Tracking parser = new Tracking(new ParserImpl(new StreamReader(new StringReader(text)), options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem() : e.getContext() + ", " + e.getProblem();
            throw fail(name, mark == null ? 1 : mark.getLine() + 1, "not valid YAML: " + problem);
        } catch (ReaderException e) {
            throw fail(name, lineAt(text, e.getPosition()), String.format(
                    "not valid YAML: character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YAMLException e) {
            // the composer's limits carry no mark; the event it was handling has the line
            Event last = parser.last;
            throw fail(name, last == null ? 1 : last.getStartMark().getLine() + 1,
                    "refused: " + e.getMessage());
        }
    }

    /** The line of the code point at {@code index}. */
    private static int lineAt(String text, int index) {
        int end = text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }

    private static ConfigException fail(String name, int line, String message) {
        return new ConfigException(List.of(new ConfigError(name, line, "", message)));
    }

    /** Remembers the last event the composer took or peeked at. */
    private static final class Tracking implements Parser {
        private final Parser parser;
        private Event last;

        Tracking(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            last = parser.peekEvent();
            return last;
        }

        @Override
        public Event getEvent() {
            last = parser.getEvent();
            return last;
        }
    }
}
