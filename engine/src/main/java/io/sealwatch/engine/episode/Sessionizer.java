package io.sealwatch.engine.episode;

import io.sealwatch.config.AccountSpec;
import io.sealwatch.config.IdentityMatch;
import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.config.SourceSpec;
import io.sealwatch.model.EventClass;
import io.sealwatch.engine.ingest.EventRows;
import io.sealwatch.model.NormalizedEvent;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Splits each account's activity into episodes in Spark (docs/architecture.md, "Episodes, precisely"): activity is a successful
 * event of an activity class done BY one of the account's identities (not an admin acting on it,
 * not a failed authentication, not a rotation or custody record); consecutive activity at most
 * {@code episode-gap} apart is one episode.
 */
final class Sessionizer {
    static final List<String> ACTIVITY_CLASSES = List.of(EventClass.AUTHENTICATION.wire(),
            EventClass.API_ACTIVITY.wire(), EventClass.ACCOUNT_CHANGE.wire(), EventClass.SECRET_ACCESS.wire());

    /** An episode's extent as Spark found it; attachment happens on the driver. */
    record Span(String account, Instant start, Instant end, long actions) {
    }

    private Sessionizer() {
    }

    /** The activity events: done by the account's own identity, successful, of an activity class. */
    static Dataset<Row> activity(Dataset<Row> events, SealwatchConfig config) {
        IdentityIndex index = new IdentityIndex(config);
        UDF3<String, String, String, Boolean> byAccount = index::isIdentity;
        Column isByAccount = udf(byAccount, DataTypes.BooleanType)
                .apply(col("account"), col("sourceType"), col("actor"));
        return events.filter(col("account").isNotNull()
                .and(col("eventClass").isin(ACTIVITY_CLASSES.toArray()))
                .and(col("outcome").isNull().or(col("outcome").notEqual(lit("failure"))))
                .and(isByAccount));
    }

    static List<Span> spans(Dataset<Row> activity, long gapSeconds) {
        WindowSpec byTime = Window.partitionBy("account").orderBy(col("time"), col("sourceType"),
                col("sourceFile"), col("record"));
        Column prev = lag(col("time"), 1).over(byTime);
        Column startsEpisode = when(prev.isNull()
                .or(col("time").cast("long").minus(prev.cast("long")).gt(gapSeconds)), 1).otherwise(0);
        Dataset<Row> numbered = activity.select(col("account"), col("time"), col("sourceType"), col("sourceFile"),
                        col("record"), startsEpisode.as("starts"))
                .withColumn("episode", sum(col("starts")).over(byTime.rowsBetween(Window.unboundedPreceding(),
                        Window.currentRow())));
        List<Row> rows = numbered.groupBy("account", "episode")
                .agg(min("time").as("start"), max("time").as("end"), count(lit(1)).as("actions"),
                        sort_array(collect_set("sourceType")).as("sources"))
                .orderBy("account", "start")
                .collectAsList();
        List<Span> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Span(r.getAs("account"), r.<Timestamp>getAs("start").toInstant(),
                    r.<Timestamp>getAs("end").toInstant(), r.<Long>getAs("actions")));
        }
        return out;
    }

    /**
     * The same spans as {@link #spans(Dataset, long)} from events already on the driver, for a run whose
     * normalised events are few (planning the Spark queries and launching their tasks costs seconds):
     * the same activity filter, the same order (strings compared as Spark does, by code point), a new
     * episode where whole seconds since the previous activity exceed the gap, spans ordered by account
     * and start.
     */
    static List<Span> spans(List<NormalizedEvent> events, SealwatchConfig config, long gapSeconds) {
        IdentityIndex index = new IdentityIndex(config);
        List<NormalizedEvent> activity = events.stream()
                .filter(e -> e.account() != null && ACTIVITY_CLASSES.contains(e.eventClass().wire()) && !e.failed()
                        && index.isIdentity(e.account(), e.sourceType(), e.actor()))
                .sorted(Comparator.comparing(NormalizedEvent::account, EventRows.BY_CODE_POINT).thenComparing(EventRows.FILE_ORDER))
                .toList();
        List<Span> out = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= activity.size(); i++) {
            boolean ends = i == activity.size() || !activity.get(i).account().equals(activity.get(first).account())
                    || activity.get(i).time().getEpochSecond() - activity.get(i - 1).time().getEpochSecond() > gapSeconds;
            if (ends) {
                NormalizedEvent start = activity.get(first);
                out.add(new Span(start.account(), start.time(), activity.get(i - 1).time(), i - first));
                first = i;
            }
        }
        return out;
    }

    /** Account id + source type → the account's identity patterns; serialisable for Spark UDFs. */
    static final class IdentityIndex implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, List<IdentityMatch>> byAccount;

        IdentityIndex(SealwatchConfig config) {
            this.byAccount = config.accounts().stream().collect(Collectors.toMap(AccountSpec::id,
                    a -> List.copyOf(a.identities())));
        }

        Boolean isIdentity(String account, String sourceType, String actor) {
            if (account == null || actor == null) {
                return false;
            }
            if (SourceSpec.isProcess(sourceType)) {
                return false;
            }
            return byAccount.getOrDefault(account, List.of()).stream()
                    .anyMatch(m -> m.source().equals(sourceType) && m.matches(actor));
        }
    }
}
