package io.sealwatch.samples.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Where each generated file goes, relative to the output folder. */
final class Layout {
    static final String EVIDENCE = "logs/evidence/process-evidence.csv";
    static final String CONFIG = "sealwatch.yaml";
    static final String EXPECTED = "expected-findings.json";
    static final String EPISODES = "planted-episodes.json";

    private Layout() {
    }

    /**
     * A CloudTrail file as AWS names it: {@code AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/
     * <acct>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 random>.json.gz}; one file per account, region and hour.
     */
    static String cloudTrail(long seed, Org.AwsAccount account, String region, long hourStart) {
        LocalDateTime h = LocalDateTime.ofEpochSecond(hourStart / 1000, 0, ZoneOffset.UTC);
        String ts = String.format("%04d%02d%02dT%02d55Z", h.getYear(), h.getMonthValue(), h.getDayOfMonth(), h.getHour());
        String suffix = new Rand(seed, Rand.key("ct-name/" + account.id() + "/" + region + "/" + hourStart)).alnum(16);
        return String.format("logs/cloudtrail/AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d/%s_CloudTrail_%s_%s_%s.json.gz",
                account.id(), region, h.getYear(), h.getMonthValue(), h.getDayOfMonth(), account.id(), region, ts, suffix);
    }

    static long hourStart(long millis) {
        return Math.floorDiv(millis, 3_600_000L) * 3_600_000L;
    }

    static long dayStart(long millis) {
        return Math.floorDiv(millis, 86_400_000L) * 86_400_000L;
    }
}
