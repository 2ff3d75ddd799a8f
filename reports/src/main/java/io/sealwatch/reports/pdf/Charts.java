package io.sealwatch.reports.pdf;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JFreeChart bar charts rendered to PNG bytes. Pure functions of their datasets (fixed size, fonts,
 * colours, no anti-aliasing of text that could vary), so the PDF stays byte-stable.
 */
final class Charts {

    static final int WIDTH = 1070;
    static final int HEIGHT = 500;
    private static final Color[] PALETTE = {
            new Color(0x1F3A5F), new Color(0x4F81BD), new Color(0xC0504D), new Color(0x9BBB59),
            new Color(0x8064A2), new Color(0xF79646), new Color(0x4BACC6), new Color(0x7F7F7F)};

    private Charts() {
    }

    static byte[] stackedBars(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.VERTICAL, true, false, false);
        return png(style(chart));
    }

    /** Horizontal bars with a dashed red limit line at {@code limit}. */
    static byte[] barsWithLimit(String title, String categoryAxis, String valueAxis, DefaultCategoryDataset data,
                                double limit, String limitLabel) {
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data,
                PlotOrientation.HORIZONTAL, data.getRowCount() > 1, false, false);
        CategoryPlot plot = style(chart).getCategoryPlot();
        ValueMarker marker = new ValueMarker(limit, new Color(0xB00020), new BasicStroke(2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{8f, 6f}, 0f));
        marker.setLabel(limitLabel);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        marker.setLabelPaint(new Color(0xB00020));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(marker);
        // keep the limit visible even when every bar is far below it
        double max = limit;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        plot.getRangeAxis().setRange(0, max * 1.1);
        return png(chart);
    }

    private static JFreeChart style(JFreeChart chart) {
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
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
        return chart;
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
