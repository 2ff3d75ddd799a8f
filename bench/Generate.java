import io.sealwatch.samples.generate.Generator;
import io.sealwatch.samples.generate.GeneratorOptions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * bench/run's fallback when the full application does not build: the same generator as
 * {@code sealwatch generate}, from the samples module alone. Args: DIR EVENTS DAYS SEED END-DATE
 */
public class Generate {
    public static void main(String[] a) throws Exception {
        System.err.println(Generator.generate(new GeneratorOptions(Path.of(a[0]), Long.parseLong(a[1]),
                Integer.parseInt(a[2]), Long.parseLong(a[3]),
                LocalDate.parse(a[4]).atStartOfDay(ZoneOffset.UTC).toInstant())));
    }
}
