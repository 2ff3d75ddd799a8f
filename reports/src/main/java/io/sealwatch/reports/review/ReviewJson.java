package io.sealwatch.reports.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealwatch.model.Classification;
import io.sealwatch.model.Episode;
import io.sealwatch.model.Finding;
import io.sealwatch.reports.json.Json;
import io.sealwatch.result.AccountReview;
import io.sealwatch.result.ReviewResult;

import java.io.IOException;

/**
 * {@code annual-review.json}, attached to {@code annual-review.pdf}: per account, what the review found and
 * advises, in the machine-readable shape the PDF's pages show ({@code episodes} and {@code findings} name
 * the entries of the attached episodes.json and findings.json).
 */
final class ReviewJson {

    static final String FILE = "annual-review.json";

    private ReviewJson() {
    }

    static byte[] bytes(ReviewResult review) throws IOException {
        ObjectNode root = Json.object();
        root.put("year", review.year());
        ArrayNode accounts = root.putArray("accounts");
        for (AccountReview a : review.accounts()) {
            ObjectNode o = accounts.addObject();
            o.put("account", a.account());
            ObjectNode uses = o.putObject("uses");
            for (Classification c : Classification.values()) {
                uses.put(c.name().toLowerCase(java.util.Locale.ROOT), a.uses(c));
            }
            o.set("episodes", Json.strings(a.uses().stream().map(Episode::id).toList()));
            ArrayNode findings = o.putArray("findings");
            for (Finding f : a.findings()) {
                findings.addObject().put("rule", f.rule()).put("episode", f.episode()).put("accepted", f.accepted());
            }
            o.set("actionsUsed", Json.strings(a.actionsUsed()));
            o.put("drills", a.drills().size());
            Json.put(o, "lastReview", a.lastReview() == null ? null : a.lastReview().time());
            ObjectNode advice = o.putObject("recommendation");
            advice.put("advice", a.recommendation().advice().wire());
            advice.put("routineUse", a.recommendation().routineUse());
            advice.set("reasons", Json.strings(a.recommendation().reasons()));
        }
        return Json.prettyBytes(root);
    }
}
