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
 */
public record SealwatchConfig(Path file, String sha256, String organization, String timezone,
                              List<SourceSpec> sources, List<AccountSpec> accounts, List<String> approvers,
                              Policy policy, SigningSpec signing, List<Waiver> waivers) {

    public Path baseDir() {
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
