package io.sealwatch.reports.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the PDFs' embedded font (DejaVu Sans Condensed, from the Jasper font extension) can draw. A character it has
 * no glyph for (Chinese, Japanese, Korean, most Indic scripts) would print as nothing, or as the
 * {@code .notdef} box that PDF/A forbids; instead it is shown as its code point, {@code [U+738B]}, so a
 * name is never silently lost, and the exact text is in the JSON attached to the PDF.
 */
public final class Glyphs {

    /** Regular, bold and oblique: a character is drawn only if every face the templates use has it. */
    private static final List<Font> FACES = load("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansCondensed-Oblique.ttf");

    /** The sentence the reports print about {@link #shown}. */
    public static final String NOTE = "Characters the report's font has no glyph for (e.g. Chinese, Japanese, Korean) "
            + "are printed as their Unicode code points, [U+XXXX]; the JSON files attached to this PDF carry the exact text.";

    private Glyphs() {
    }

    /** {@code text} with every character the font cannot draw replaced by {@code [U+XXXX]}; null stays null. */
    public static String shown(String text) {
        if (text == null || text.codePoints().allMatch(Glyphs::drawable)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (drawable(c)) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format(Locale.ROOT, "[U+%04X]", c));
            }
        });
        return b.toString();
    }

    private static boolean drawable(int c) {
        if (c < 0x80 || Character.isWhitespace(c)) {
            return true;   // ASCII and line breaks: always there, and no lookup for the common case
        }
        for (Font f : FACES) {
            if (!f.canDisplay(c)) {
                return false;
            }
        }
        return true;
    }

    private static List<Font> load(String... files) {
        List<Font> faces = new ArrayList<>();
        for (String file : files) {
            String resource = "net/sf/jasperreports/fonts/dejavu/" + file;
            try (InputStream in = Glyphs.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the class path (jasperreports-fonts)");
                }
                faces.add(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(resource + " is not a TrueType font", e);
            }
        }
        return List.copyOf(faces);
    }
}
