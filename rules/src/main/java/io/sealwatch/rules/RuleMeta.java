package io.sealwatch.rules;

import io.sealwatch.model.Severity;

import java.util.List;

/**
 * A rule's metadata, read from the annotations of its rule in its {@code .drl}.
 *
 * @param message  the message template; {@code {name}} placeholders are filled from the finding's arguments
 * @param controls control mappings, e.g. {@code NIST 800-53 AC-3(10)}
 * @param file     the {@code .drl} resource or path it came from
 */
public record RuleMeta(String id, Severity severity, String title, String since, String rationale, String message,
                       List<String> controls, String example, String file) {
}
