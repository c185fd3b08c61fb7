package org.gansuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.protocol.Table;
import org.gansuite.bench.results.ResultStore;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.RunResultTest;
import org.gansuite.core.UserError;
import org.gansuite.core.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table is built from its own protocol's runs only, whatever else its folder holds. */
class BenchmarkTest {

  @TempDir Path tmp;

  @Test
  void loadsTheProtocolsOwnRowsAndSeedsOnly() throws Exception {
    var registry = ModelRegistry.load();
    var protocol = Protocol.of(Table.QUICK, registry, 1).withModels(List.of("dcgan"), registry);
    String slug = protocol.entries().get(0).slug();
    assertEquals("dcgan+df=16+gf=16", slug);
    var sample = RunResultTest.sample();
    Path own = tmp.resolve(slug).resolve("seed-1");
    // Another setting of the same row, a seed beyond --seeds, and a result of an older format nobody reads.
    for (Path p : List.of(own, tmp.resolve(slug + "+lr=0.001/seed-1"), tmp.resolve(slug).resolve("seed-2"))) {
      Files.createDirectories(p);
      sample.write(p.resolve(RunResult.FILE));
    }
    Files.createDirectories(tmp.resolve("wgan/seed-1"));
    Files.writeString(tmp.resolve("wgan/seed-1").resolve(RunResult.FILE), "{\"format\": 1}");
    assertEquals(List.of(own), Benchmark.load(protocol, tmp).stream().map(ResultStore.Stored::dir).toList());
    var none = assertThrows(UserError.class, () -> Benchmark.load(protocol.withHyper(Map.of("lr", "0.01"), registry), tmp));
    assertEquals("no results of table quick under " + tmp, none.getMessage());
  }
}
