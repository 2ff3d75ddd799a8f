package io.sealwatch.reports.pdf;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JFreeChart bar charts rendered to PNG bytes. Pure functions of their input (fixed size, fonts,
 * colours, no anti-aliasing of text that could vary), so the PDF stays byte-stable.
 */
final class Charts {

    static final int WIDTH = 1070;
    static final int HEIGHT = 500;
    static final Color RED = new Color(0xB00020);
    static final Color ORANGE = new Color(0xE07B00);
    static final Color GREY = new Color(0x9AA5B1);
    private static final Color[] PALETTE = {
            new Color(0x1F3A5F), new Color(0x4F81BD), new Color(0x9BBB59), new Color(0x8064A2),
            new Color(0x4BACC6), new Color(0x7F7F7F), new Color(0xC0A000), new Color(0x2E7D6B)};

    /**
     * One bar of a chart against a limit.
     *
     * @param value the measured value, or null when the thing never happened: the bar then outruns every
     *              measured one, in {@code paint} with {@code label}, so the worst case is the most visible one
     * @param paint null for the series colour
     */
    record Bar(String series, String category, Double value, Color paint, String label) {
    }

    private Charts() {
    }

    static Color palette(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Stacked vertical bars of whole counts (integer ticks only). */
    static byte[] stackedCounts(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setMaximumBarWidth(0.2);
        return png(chart);
    }

    /**
     * Horizontal bars with a dashed red limit line; each bar labelled, bars without a value ("never")
     * longer than any other. {@code legend} replaces the series legend when not empty.
     */
    static byte[] barsWithLimit(String title, String categoryAxis, String valueAxis, List<Bar> bars,
                                double limit, String limitLabel, Map<String, Color> legend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double max = limit;
        for (Bar b : bars) {
            if (b.value() != null) {
                max = Math.max(max, b.value());
            }
        }
        // a "never" bar outruns every measured one, and its label still fits before the axis end
        double never = max * 1.15;
        double end = max * 1.45;
        Map<String, Bar> byItem = new HashMap<>();
        for (Bar b : bars) {
            data.addValue(b.value() == null ? never : b.value(), b.series(), b.category());
            byItem.put(b.series() + "\u0000" + b.category(), b);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new LabelledBars(data, byItem);
        plot.setRenderer(renderer);
        styleBars(renderer);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return bar(byItem, dataset.getRowKey(row), dataset.getColumnKey(column)).label();
            }
        });
        ValueMarker marker = new ValueMarker(limit, RED, new BasicStroke(2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{8f, 6f}, 0f));
        marker.setLabel(limitLabel);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        marker.setLabelPaint(RED);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(marker);
        plot.getRangeAxis().setRange(0, end);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        if (!legend.isEmpty()) {
            LegendItemCollection items = new LegendItemCollection();
            legend.forEach((label, colour) -> items.add(new LegendItem(label, null, null, null,
                    new Rectangle(-6, -6, 12, 12), colour)));
            plot.setFixedLegendItems(items);
        } else if (data.getRowCount() == 1) {
            chart.removeLegend();
        }
        return png(chart);
    }

    /** Per-item colour; every label after its bar, a "never" one in the bar's colour. */
    private static final class LabelledBars extends BarRenderer {
        private static final ItemLabelPosition OUTSIDE = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT);
        private final transient DefaultCategoryDataset data;
        private final transient Map<String, Bar> bars;

        LabelledBars(DefaultCategoryDataset data, Map<String, Bar> bars) {
            this.data = data;
            this.bars = bars;
        }

        private Bar item(int row, int column) {
            return bar(bars, data.getRowKey(row), data.getColumnKey(column));
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Bar b = item(row, column);
            return b != null && b.paint() != null ? b.paint() : super.getItemPaint(row, column);
        }

        @Override
        public ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
            return OUTSIDE;
        }

        @Override
        public Paint getItemLabelPaint(int row, int column) {
            Bar b = item(row, column);
            return b != null && b.value() == null ? b.paint() : Color.DARK_GRAY;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private static Bar bar(Map<String, Bar> bars, Comparable<?> series, Comparable<?> category) {
        return bars.get(series + "\u0000" + category);
    }

    /** Legend entries in order. */
    static Map<String, Color> legend(Object... labelsAndColours) {
        Map<String, Color> m = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndColours.length; i += 2) {
            m.put((String) labelsAndColours[i], (Color) labelsAndColours[i + 1]);
        }
        return m;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = chart.getTitle();
        t.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        t.setPaint(new Color(0x1F3A5F));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xC8D0DC));
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styleBars((BarRenderer) plot.getRenderer());
    }

    private static void styleBars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
    }

    private static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + chart.getTitle().getText(), e);
        }
    }
}
