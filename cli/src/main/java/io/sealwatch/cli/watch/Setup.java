package io.sealwatch.cli.watch;

import io.sealwatch.config.SealwatchConfig;
import io.sealwatch.reports.signing.Signer;
import io.sealwatch.rules.RuleEngine;

import java.nio.file.Path;
import java.util.List;

/**
 * What the service runs with, checked and loaded once (the config is replaced on {@code SIGHUP}).
 *
 * @param host     the status page's address ({@code --listen} or {@code watch.listen})
 * @param master   Spark master URL, or null for the embedded one
 * @param signer   the signing key, or null when the config writes no bundles
 */
record Setup(SealwatchConfig config, RuleEngine rules, Signer signer, String host, int port, String master,
             List<Path> ruleDirs) {

    Path state() {
        return config.watch().state();
    }

    /** Where alerts link to: the status page. */
    String page() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port + "/";
    }

    Setup withPort(int bound) {
        return new Setup(config, rules, signer, host, bound, master, ruleDirs);
    }

    Setup with(SealwatchConfig reloaded) {
        return new Setup(reloaded, rules, signer, host, port, master, ruleDirs);
    }
}
