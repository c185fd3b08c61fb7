package org.gansuite.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.protocol.Table;
import org.gansuite.bench.results.ResultStore;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.runs.Runner;
import org.gansuite.bench.runs.Shard;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.extract.FeatureExtractor;

/**
 * The benchmark as a library, in the order data flows: a {@link Protocol} (table, rows from the
 * model registry, budget, evaluation) is {@linkplain #run run} into run folders, each ending in a
 * typed {@link RunResult}; {@link #load} reads the stored results back and {@link #write} builds the
 * tables and the report from them alone. The command line only parses arguments and calls these.
 *
 * <pre>{@code
 * var registry = ModelRegistry.load();
 * var protocol = Protocol.of(Table.QUICK, registry, 1).withModels(List.of("dcgan", "foogan"), registry);
 * var settings = new Runner.Settings(Path.of("runs"), "", 0, false);
 * Benchmark.run(protocol, data, extractor, settings, Shard.ALL, registry, log);
 * Benchmark.write(protocol, Benchmark.load(protocol.table(), List.of(Runner.tableDir(settings.root(), protocol, data))), out,
 *     ClarityDefinition.DEFAULT);
 * }</pre>
 */
public final class Benchmark {

  private Benchmark() {}

  /** Trains and scores the runs of the matrix that {@code shard} owns (finished runs are reused). */
  public static List<RunResult> run(Protocol protocol, ImageDataset data, FeatureExtractor extractor,
      Runner.Settings settings, Shard shard, ModelRegistry registry, PrintWriter log) throws IOException {
    return new Runner(protocol, data, extractor, settings, registry, log).runAll(shard);
  }

  /**
   * The results of {@code table} stored under the roots (run folders of shards or machines); Table 4
   * reads those of Tables 5 and 6. Refused when there are none.
   */
  public static List<ResultStore.Stored> load(Table table, List<Path> roots) throws IOException {
    List<ResultStore.Stored> stored = new ArrayList<>();
    for (Table t : table == Table.TIME ? List.of(Table.CELEBA, Table.CIFAR10) : List.of(table)) {
      stored.addAll(ResultStore.load(roots, t.key()));
    }
    if (stored.isEmpty()) {
      throw new UserError("no results of table " + table + " under " + roots);
    }
    return stored;
  }

  /**
   * The stored results of {@code protocol}'s own runs under its table folder (its rows at its seeds
   * and the training-set row): runs of other rows, settings or seeds kept in the same folder stay
   * out of its tables. Refused when there are none.
   */
  public static List<ResultStore.Stored> load(Protocol protocol, Path tableDir) throws IOException {
    List<ResultStore.Stored> stored = new ArrayList<>();
    for (Path dir : Runner.folders(protocol, tableDir)) {
      Path file = dir.resolve(RunResult.FILE);
      if (Files.isRegularFile(file)) {
        stored.add(new ResultStore.Stored(dir, RunResult.read(file)));
      }
    }
    if (stored.isEmpty()) {
      throw new UserError("no results of table " + protocol.table() + " under " + tableDir);
    }
    return stored;
  }

  /**
   * Writes the tables and the HTML report of stored results into {@code out}, clarity under {@code clarity}
   * (every result stores every reading); returns the report's index.html.
   */
  public static Path write(Protocol protocol, List<ResultStore.Stored> stored, Path out, ClarityDefinition clarity)
      throws IOException {
    return Outputs.write(out, protocol.table().key(), protocol.paper(), protocol.labels(), stored, clarity);
  }
}
