package io.sealwatch.reports.pdf;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsAndDisplayTest {

    @Test
    void aNeverBarIsDrawnInRedAndLongerThanEveryMeasuredBar() throws Exception {
        List<Charts.Bar> measured = List.of(new Charts.Bar("g", "ep-1", 2.0, null, "2.0 min"),
                new Charts.Bar("g", "ep-2", 30.0, null, "30.0 min (late)"));
        int without = redColumns(Charts.barsWithLimit("t", "c", "v", measured, 15, "limit", Map.of()));
        List<Charts.Bar> withNever = new java.util.ArrayList<>(measured);
        withNever.add(new Charts.Bar("g", "ep-3", null, Charts.RED, "NEVER NOTIFIED"));
        int with = redColumns(Charts.barsWithLimit("t", "c", "v", withNever, 15, "limit", Map.of()));
        // the dashed limit line is red too: the never bar adds a long red run of columns
        assertTrue(with > without + 300, "never bar visible: " + without + " -> " + with);
    }

    /** Columns of the image holding a pixel of exactly the chart's red. */
    private static int redColumns(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == Charts.RED.getRGB() - 0xFF000000) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Test
    void oneTimestampFormInTheDisplayZone() {
        Instant t = Instant.parse("2026-07-14T03:12:09.412Z");
        assertEquals("2026-07-14 03:12:09Z", Display.of("UTC").at(t));
        assertEquals("2026-07-14 03:12:09Z", Display.of(null).at(t));
        assertEquals("2026-07-14 05:12:09+02:00", Display.of("Europe/Berlin").at(t));
        assertEquals("2026-07-14 03:12:09Z", Display.of("Not/AZone").at(t), "unknown zone falls back to UTC");
        assertEquals("Europe/Berlin", Display.of("Europe/Berlin").label());
        assertEquals("T-17m 09s", Display.offset(t, t.minusSeconds(17 * 60 + 9)));
        assertEquals("3 months", Display.period(java.time.Period.ofMonths(3)));
        assertEquals("1 year 6 months", Display.period(java.time.Period.of(1, 6, 0)));
        assertEquals("2026-07-01 to 2026-10-01 (UTC days, end exclusive)",
                Display.period(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    void evidenceNamesTheFileNotItsFolders() {
        assertEquals("aws-cloudtrail f.json.gz#3 (ev-1)",
                Display.ref(new io.sealwatch.model.EvidenceRef("aws-cloudtrail", "logs/a/b/f.json.gz", 3, "ev-1")));
    }

    @Test
    void packedListsBreakOnlyBetweenItems() {
        assertEquals("BG-A (1), BG-BB (2),\nBG-CCC (1)", ReportContent.pack(List.of("BG-A (1)", "BG-BB (2)", "BG-CCC (1)"), 20));
    }
}
