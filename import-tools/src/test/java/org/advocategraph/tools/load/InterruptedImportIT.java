package org.advocategraph.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;
import org.advocategraph.tools.cli.AdvocatesCli;
import org.advocategraph.tools.cli.Cli;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;

/**
 * An import killed with SIGKILL half way, then run again, ends in exactly the graph an uninterrupted import
 * makes: same elements, same properties (compared by {@link GraphFingerprint}).
 */
class InterruptedImportIT {
    @TempDir
    Path work;

    @Test
    void shouldEndInTheSameGraphAfterAKillAndARerun() throws Exception {
        // Given a dataset large enough that its import takes several seconds
        Path files = work.resolve("files");
        new DatasetGenerator(GeneratorSpec.of(21, 10_000)).writeTo(files);

        // When an import into one store is killed (kill -9) once it is writing relationships
        Path interrupted = work.resolve("interrupted");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                AdvocatesCli.class.getName(), "import", files.toString(), "--data", interrupted.toString(),
                "--batch-size", "500")
                .redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.add(line);
                if (line.contains("interests.csv") && line.contains("rows/s")) {
                    break; // interests are written; ties, the biggest file, come next
                }
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(seen.stream().anyMatch(l -> l.contains("interests.csv")), String.join("\n", seen));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");

        // and the same import is run again to the end
        Cli rerun = Cli.run("import", files.toString(), "--data", interrupted.toString());
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.out().contains("Merging"), "a re-run finds the store non-empty and merges: " + rerun.out());

        // Then the graph equals that of an uninterrupted import into a fresh store
        Path clean = work.resolve("clean");
        Cli once = Cli.run("import", files.toString(), "--data", clean.toString());
        assertEquals(0, once.code(), once.err());
        assertEquals(fingerprint(clean), fingerprint(interrupted));
    }

    private static Map<String, String> fingerprint(Path home) {
        try (OpenStore store = OpenStore.open(StoreSettings.embedded(home, 0))) {
            return GraphFingerprint.of(store.store());
        }
    }
}
