package io.sealwatch.config;

import java.nio.file.Path;

/**
 * Where the signing key is. The password is never in the config: only the name of the environment
 * variable that holds it.
 *
 * @param tsaUrl optional RFC 3161 time-stamp authority, or null
 */
public record SigningSpec(Path keystore, String passwordEnv, String alias, String tsaUrl) {
}
