package io.sealwatch.config;

import io.sealwatch.model.Waiver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated {@code sealwatch.yaml}.
 *
 * @param file    the config file
 * @param sha256  hash of the config file's bytes, recorded in run.json and the manifest
 * @param signing null when the config has no signing section
 * @param watch   the service's settings ({@link WatchSpec#defaults} without a {@code watch} section)
 * @param alerts  the alert sinks of the service, possibly none
 * @param evidenceMap how ticketing and paging records name accounts and recipient groups
 */
public record SealwatchConfig(Path file, String sha256, String organization, String timezone,
                              List<SourceSpec> sources, List<AccountSpec> accounts, List<String> approvers,
                              Policy policy, SigningSpec signing, List<Waiver> waivers, WatchSpec watch,
                              List<AlertSpec> alerts, EvidenceMap evidenceMap) {

    /** A config for batch jobs only: default watch settings, no alert sinks. */
    public SealwatchConfig(Path file, String sha256, String organization, String timezone,
                           List<SourceSpec> sources, List<AccountSpec> accounts, List<String> approvers,
                           Policy policy, SigningSpec signing, List<Waiver> waivers) {
        this(file, sha256, organization, timezone, sources, accounts, approvers, policy, signing, waivers,
                WatchSpec.defaults(baseDir(file)), List.of(), EvidenceMap.NONE);
    }

    public Path baseDir() {
        return baseDir(file);
    }

    private static Path baseDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public Optional<AccountSpec> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public boolean isApprover(String person) {
        return People.contains(approvers, person);
    }
}
