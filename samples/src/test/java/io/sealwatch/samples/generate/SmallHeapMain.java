package io.sealwatch.samples.generate;

import java.nio.file.Path;

/** Entry point for {@link StreamingTest}'s child JVM. */
public final class SmallHeapMain {
    private SmallHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(Generator.generate(new GeneratorOptions(Path.of(args[0]), Long.parseLong(args[1]),
                Integer.parseInt(args[2]), Long.parseLong(args[3]), null)));
    }
}
