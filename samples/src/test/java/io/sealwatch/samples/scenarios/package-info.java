/**
 * The writer of the scenario goldens' inputs ({@code samples/scenarios/<name>/sealwatch.yaml},
 * {@code scenario.properties}, {@code logs/}, {@code late/}), which cli's {@code ScenarioGoldenTest} runs.
 *
 * <p>It is in test scope because its output is test data committed to the repository, not something the
 * product ships or a user runs: {@code ScenarioInputsTest} proves that the committed inputs are exactly what it
 * writes, and {@code -Dscenarios.update=true} rewrites them.
 *
 * <p>It shares with the synthetic generator ({@code io.sealwatch.samples.generate}) what is the same in both, in
 * {@code io.sealwatch.samples.internal}: the JSON tree writer ({@code JsonValues}), the ISO time formats
 * ({@code Iso}), an account's entry in {@code sealwatch.yaml} ({@code ConfigYaml}) and the evidence CSV's field
 * quoting ({@code Csv}). The vendor records are its own:
 * each scenario record is a small literal tree whose field order and values (ids derived by SHA-256 from the
 * record's parts, so that an added record never changes another) are fixed by the committed inputs, while the
 * generator streams millions of records with seeded random ids and a different choice of fields. One builder for
 * both would change either the goldens' inputs or the generator's output.
 */
package io.sealwatch.samples.scenarios;
