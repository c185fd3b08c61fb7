package org.gansuite.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansuite.bench.reproduce.Entry;
import org.gansuite.bench.reproduce.Outputs;
import org.gansuite.bench.reproduce.Protocol;
import org.gansuite.bench.reproduce.ReconstructionTable;
import org.gansuite.bench.reproduce.ResultStore;
import org.gansuite.bench.reproduce.RunExecutor;
import org.gansuite.bench.reproduce.Shard;
import org.gansuite.bench.reproduce.SlurmScript;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.metrics.cache.StatsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reproduces a comparison table: trains every row's model, evaluates it, and writes the tables
 * and the report from the stored results. With no table it runs the quick protocol on the
 * embedded Fashion-MNIST.
 */
@Command(name = "reproduce", description = {
    "Train and evaluate every row of a table, then write table.md, table.csv, time.md and report/index.html.",
    "Tables: quick (default: every model on the embedded Fashion-MNIST, minutes), 5 (CelebA), 6 (CIFAR-10),",
    "2 and 3 (the proposed model's decoding variants), 4 (time costs of the 5/6 runs), 1 (auto-encoder",
    "reconstruction PSNR/SSIM; --epochs sets its pre-training epochs). Reruns skip finished runs."})
final class ReproduceCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Mixin DataOption data = new DataOption();

  @Option(names = "--table", defaultValue = "quick", description = "quick, 1, 2, 3, 4, 5 or 6 (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(names = "--runs", defaultValue = "runs", description = "Root of the run folders (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(names = "--out", description = "Where tables and report go (default: reports/<table>-<data set>).")
  Path out;

  @Option(names = "--seeds", defaultValue = "1", description = "Seeds per row; tables show mean ± std (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--models", split = ",", description = "Only these models (rows of the table, or any registered model).")
  List<String> models;

  @Option(names = "--epochs", description = "Epochs for every model instead of the paper's budgets.")
  Integer epochs;

  @Option(names = "--budget-images", defaultValue = "6400",
      description = "Quick protocol: real images per model (default: ${DEFAULT-VALUE}, 100 batches).")
  long budgetImages;

  @Option(names = "--samples", description = "Generated images scored per run (default: 2048 quick, 10000 tables).")
  Integer samples;

  @Mixin ExtractorOptionsMixin extractor = new ExtractorOptionsMixin();

  @Option(names = "--shard", defaultValue = "0/1", description = "Run part i/n of the run matrix (default: all).")
  String shard;

  @Option(names = "--slurm", description = "Write a Slurm array script for --shards parts to this file and exit.")
  Path slurm;

  @Option(names = "--shards", defaultValue = "8", description = "Array size of the --slurm script (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--no-progress", description = "Do not draw progress bars.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    var log = cmd.commandLine().getOut();
    if (table.equals("1")) {
      return reconstruction(log);
    }
    Protocol protocol = protocol();
    if (slurm != null) {
      SlurmScript.write(slurm, shards, cmd.commandLine().getParseResult().originalArgs());
      log.printf("wrote %s: a Slurm array of %d shards (sbatch %s); afterwards: bin/gan-bench merge --table %s --runs %s --out DIR%n",
          slurm, shards, slurm, protocol.table(), runs.resolve(protocol.table()));
      return 0;
    }
    if (!table.equals("quick") && data.data.equals("fashion-mnist") && !extractor.given()) {
      throw new IllegalArgumentException("table " + table + " needs its data set: --data "
          + (table.equals("5") || table.equals("2") ? "celeba:DIR" : "cifar10:DIR")
          + " (or --extractor to score another data set)");
    }
    var dataset = data.open();
    var sh = Shard.parse(shard);
    var registry = ModelRegistry.load();
    int done = 0;
    try (var fx = extractor.openOr(protocol.extractor(), compute.metrics())) {
      var cache = new StatsCache(runs.resolve(".stats-cache"));
      var exec = new RunExecutor(protocol, dataset, fx, cache,
          new RunExecutor.Settings(runs, compute.device, compute.threads, !noProgress), registry, log);
      int position = 0;
      for (Entry e : protocol.entries()) {
        for (long seed = 1; seed <= protocol.seeds(); seed++) {
          if (sh.owns(position++)) {
            exec.run(e, seed);
            done++;
          }
        }
      }
      if (sh.owns(position)) {
        exec.trainingSet();
      }
    }
    if (sh.count() > 1) {
      log.printf("shard %s: %d runs done under %s; build the tables with: bin/gan-bench merge --table %s --runs %s --out DIR%n",
          shard, done, runs, protocol.table(), runs.resolve(protocol.table()));
      return 0;
    }
    Path outDir = out != null ? out : Path.of("reports", table + "-" + dataset.id().name());
    var stored = ResultStore.load(List.of(runs.resolve(protocol.table()).resolve(dataset.id().name())), protocol.table());
    Path index = Outputs.write(outDir, protocol, stored);
    log.println(Files.readString(outDir.resolve(table.equals("4") ? "time.md" : "table.md")));
    log.printf("report: %s%n", index.toAbsolutePath());
    return stored.stream().allMatch(s -> s.record().completed()) ? 0 : Main.FAILED;
  }

  /** Table 1: the auto-encoder's reconstruction quality on the whole data set. */
  private int reconstruction(java.io.PrintWriter log) throws Exception {
    var dataset = data.open();
    var hyper = epochs != null ? java.util.Map.of("ae_epochs", String.valueOf(epochs)) : java.util.Map.<String, String>of();
    Path file = ReconstructionTable.measure(dataset, hyper, runs.resolve("1").resolve(dataset.id().name()), compute.device,
        compute.threads, !noProgress);
    Path outDir = out != null ? out : Path.of("reports", "1-" + dataset.id().name());
    String md = ReconstructionTable.markdown(file);
    Outputs.text(outDir.resolve("table.md"), md);
    log.println(md);
    log.printf("table: %s%n", outDir.resolve("table.md").toAbsolutePath());
    return 0;
  }

  private Protocol protocol() {
    final Protocol p;
    if (table.equals("quick")) {
      p = Protocol.quick(budgetImages, 2048, seeds);
    } else {
      // Table 4 is the time costs of the comparison runs of Tables 5/6: it runs (or reuses) those.
      p = Protocol.paper(table.equals("4") ? (data.data.startsWith("celeba") ? "5" : "6") : table, seeds);
    }
    List<Entry> entries = p.entries();
    if (models != null) {
      entries = models.stream().map(m -> p.entries().stream().filter(e -> e.model().equals(m)).findFirst()
          .orElse(Entry.of(m, m))).toList();
    }
    return new Protocol(p.table(), entries, p.paper(), epochs != null ? epochs : p.epochs(), p.budgetImages(),
        samples != null ? samples : p.samples(), p.referenceSamples(), extractor.given() ? extractor.name : p.extractor(),
        p.seeds());
  }

}
