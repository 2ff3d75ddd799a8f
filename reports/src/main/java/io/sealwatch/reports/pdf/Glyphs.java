package io.sealwatch.reports.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.text.Bidi;
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
 *
 * <p>Right-to-left text (Hebrew, Arabic) is put in visual order here, line by line, because Jasper's PDF
 * export draws characters in the order it is given them: without this "שרה" would print its letters left
 * to right. The price: copying or extracting such text from the PDF gives it in visual order too (the
 * attached JSON has it in logical order). Arabic letters are drawn in their isolated forms (no contextual
 * shaping) and brackets inside right-to-left text are not mirrored: legible, not typeset.
 */
public final class Glyphs {

    /** Regular, bold and oblique: a character is drawn only if every face the templates use has it. */
    private static final List<Font> FACES = load("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansCondensed-Oblique.ttf");

    /** The sentence the reports print about {@link #shown}. */
    public static final String NOTE = "Characters the report's font has no glyph for (e.g. Chinese, Japanese, Korean) "
            + "are printed as their Unicode code points, [U+XXXX]; the JSON files attached to this PDF carry the exact text.";

    private Glyphs() {
    }

    /**
     * {@code text} as it is to be drawn: every character the font cannot draw replaced by {@code [U+XXXX]},
     * right-to-left runs in visual order; null stays null, and text that needs neither is returned itself.
     */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        String drawn = drawable(text);
        return Bidi.requiresBidi(drawn.toCharArray(), 0, drawn.length()) ? visual(drawn) : drawn;
    }

    /** Each line of {@code text} in visual order: its runs reordered, and right-to-left runs reversed. */
    private static String visual(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (k > 0) {
                out.append('\n');
            }
            if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
                out.append(line);
                continue;
            }
            Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            int n = bidi.getRunCount();
            byte[] levels = new byte[n];
            String[] runs = new String[n];
            for (int i = 0; i < n; i++) {
                levels[i] = (byte) bidi.getRunLevel(i);
                String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
                runs[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
            }
            Bidi.reorderVisually(levels, 0, runs, 0, n);
            for (String run : runs) {
                out.append(run);
            }
        }
        return out.toString();
    }

    /** Whether the font has a glyph for every character of {@code text} (null: nothing to draw). */
    public static boolean complete(String text) {
        return text == null || text.codePoints().allMatch(Glyphs::drawable);
    }

    private static String drawable(String text) {
        if (complete(text)) {
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
