package io.sealwatch.reports.pdf;

import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.export.PdfConstants;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.JRPdfExporterTagHelper;

import java.util.List;

/**
 * Jasper's structure tagging, kept from closing more tags than are open. The templates open a table row
 * on a row's first cell and close it (and the table) on its last; a row too tall for one page is split,
 * and the continued part of its last cell would close tags that its page never opened, ending the
 * export with an empty tag stack. Such stray closings are dropped: the text still prints, tagged.
 */
final class BalancedTags extends JRPdfExporterTagHelper {

    private static final List<String> CLOSING = List.of(PdfConstants.PROPERTY_TAG_TD, PdfConstants.PROPERTY_TAG_TH,
            PdfConstants.PROPERTY_TAG_TR, PdfConstants.PROPERTY_TAG_TABLE, PROPERTY_TAG_H1, PROPERTY_TAG_H2);

    BalancedTags(JRPdfExporter exporter) {
        super(exporter);
    }

    /** An exporter whose tag helper is this one. */
    static JRPdfExporter exporter() {
        return new JRPdfExporter() {
            {
                tagHelper = new BalancedTags(this);
            }
        };
    }

    @Override
    protected void createEndTags(JRPrintElement element) {
        if (!element.hasProperties() || tagStack.size() > closings(element)) {
            super.createEndTags(element);
        }
    }

    /** How many tags this element closes; the document's root tag must stay. */
    private static long closings(JRPrintElement element) {
        return CLOSING.stream().map(p -> element.getPropertiesMap().getProperty(p))
                .filter(v -> PdfConstants.TAG_END.equals(v) || PdfConstants.TAG_FULL.equals(v)).count();
    }
}
