package org.gansuite.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansuite.bench.Benchmark;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.protocol.Table;
import org.gansuite.bench.runs.Runner;
import org.gansuite.bench.runs.Shard;
import org.gansuite.bench.runs.SlurmScript;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.bench.tables.ReconstructionTable;
import org.gansuite.core.UserError;
import org.gansuite.core.device.Precision;
import org.gansuite.core.device.Threads;
import org.gansuite.core.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reproduces a table through {@link Benchmark}: trains every row's model, evaluates it, and writes
 * the tables and the report from the stored results. With no table it runs the quick protocol on
 * the embedded Fashion-MNIST.
 */
@Command(name = "reproduce", description = {
    "Train and evaluate every row of a table, then write table.md, table.csv, time.md and report/index.html.",
    "Tables: quick (default: every model on the embedded Fashion-MNIST, minutes), 5 (CelebA), 6 (CIFAR-10),",
    "2 and 3 (the proposed model's decoding variants), 4 (time costs of the 5/6 runs), 1 (auto-encoder",
    "reconstruction PSNR/SSIM; --epochs sets its pre-training epochs), lambda (the proposed model's lambda",
    "ablation, 0 to 5, on the quick protocol). Reruns skip finished runs."})
final class ReproduceCommand implements Callable<Integer> {

  /** {@code --checkpoint final|best}. */
  static final class CheckpointConverter implements picocli.CommandLine.ITypeConverter<Protocol.Checkpoint> {
    @Override
    public Protocol.Checkpoint convert(String value) {
      try {
        return Protocol.Checkpoint.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("--checkpoint is final or best, got '" + value + "'");
      }
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--config", description = "Options from a JSON or YAML file (keys: option names); flags win.")
  Path config;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Mixin PrecisionOptions precision = new PrecisionOptions();

  @Mixin DataOption data = new DataOption();

  @Option(names = "--table", defaultValue = "quick", converter = TableConverter.class,
      description = "quick, lambda, 1, 2, 3, 4, 5 or 6.")
  Table table;

  @Option(names = "--runs", defaultValue = "runs", description = "Root of the run folders.")
  Path runs;

  @Option(names = "--out", description = "Where tables and report go (default: reports/<table>-<data set>).")
  Path out;

  @Option(names = "--seeds", defaultValue = "1", description = "Seeds per row; tables show mean ± std.")
  int seeds;

  @Option(names = "--models", split = ",", description = "Only these models (registry names), or 'all' for every "
      + "registered model (default: the models of the paper's Tables 5/6, or the variants of Tables 2/3).")
  List<String> models;

  @Option(names = "--hp", split = ",", description = "Hyper-parameter override for every model that has it, NAME=VALUE, "
      + "or for one model, MODEL.NAME=VALUE (repeatable, or comma-separated); stored with each run and in the footnote.")
  Map<String, String> hyper = new java.util.LinkedHashMap<>();

  @Option(names = "--epochs", description = "Epochs for every model (default: the protocol's: 1 quick, the paper's budgets).")
  Integer epochs;

  @Option(names = "--budget-images", description = "Real images per model, a model's preparation (the proposed model's auto-encoder pre-training) included (default: none).")
  Long budgetImages;

  @Option(names = "--budget-gflop", description = "Counted training GFLOP per model, pre-training included "
      + "(default: the protocol's; see the table's footnote).")
  Double budgetGflop;

  @Option(names = "--batch", description = "Training batch of every model (default: 32 quick and lambda, 64 the paper tables).")
  Integer batch;

  @Option(names = "--samples", description = "Generated images scored per run (default: 2048 quick, 10000 tables).")
  Integer samples;

  @Option(names = "--eval-every", description = "Iterations between evaluations during training "
      + "(default: about 8 evenly spread over each run).")
  Long evalEvery;

  @Option(names = "--eval-samples", description = "Samples per evaluation during training; 0 turns them off "
      + "(default: 512).")
  Integer evalSamples;

  @Option(names = "--checkpoint", defaultValue = "final", converter = CheckpointConverter.class,
      description = "Which checkpoint the tables score: final, or best (lowest FID during training).")
  Protocol.Checkpoint checkpoint;

  @Mixin ExtractorOptionsMixin extractor = new ExtractorOptionsMixin();

  @Mixin ClarityOptions clarity = new ClarityOptions();

  @Option(names = "--shard", defaultValue = "0/1", description = "Run part i/n of the run matrix.")
  String shard;

  @Mixin SlurmOptions slurm = new SlurmOptions();

  @Option(names = "--no-progress", description = "Do not draw progress bars.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    var log = cmd.commandLine().getOut();
    if (table == Table.RECONSTRUCTION) {
      if (precision.auto() || precision.named(cmd, "") != Precision.FP32) {
        throw new picocli.CommandLine.ParameterException(cmd.commandLine(),
            "--precision " + precision.precision + " does not apply to table 1: its auto-encoder trains in fp32");
      }
      if (slurm.file != null) {
        throw new picocli.CommandLine.ParameterException(cmd.commandLine(),
            "--slurm does not apply to table 1: it is one auto-encoder, not a matrix of runs to shard");
      }
      return reconstruction(log);
    }
    var resources = slurm.file != null ? slurm.resources(cmd) : null;
    var registry = ModelRegistry.load();
    Protocol protocol = protocol(registry);
    var sh = Shard.parse(shard);
    if (protocol.table().needsItsData() && data.data.equals(DataOption.DEFAULT) && !extractor.given()) {
      throw new UserError("table " + table + " needs its data set: --data " + protocol.table().dataHint()
          + " (or --extractor to score another data set)");
    }
    // Opened before a --slurm script is written too: the data set names the folder the merge job
    // reads, and a wrong --data fails here once rather than in every task.
    var dataset = data.open();
    // A Slurm script's tasks run on other machines: the precision is named, not chosen for this one.
    Precision arithmetic = slurm.file != null ? precision.named(cmd, "with --slurm (each task's machine would choose)")
        : precision.resolve(cmd, compute.device, compute.threads);
    Path tableDir = Runner.tableDir(runs, protocol, dataset, arithmetic);
    Path outDir = out != null ? out : Path.of("reports", table.key() + "-" + dataset.id().name()
        + (arithmetic == Precision.FP32 ? "" : "-" + arithmetic));
    // Absolute: the command is printed to be run from anywhere, and the merge job runs it.
    List<String> report = List.of("report", "--table", protocol.table().key(), "--runs",
        tableDir.toAbsolutePath().toString(), "--out", outDir.toAbsolutePath().toString());
    if (slurm.file != null) {
      return writeSlurm(resources, report, outDir, log);
    }
    compute.device.resolve();
    var settings = new Runner.Settings(runs, compute.device, compute.threads, !noProgress, arithmetic);
    if (sh.count() > 1) {
      log.printf("shard %s: TensorFlow threads: %s%n", shard, Threads.describe(compute.threads));
    }
    int done;
    // The extractor opens (its weights checked) before anything is written under --runs.
    try (var fx = extractor.openOr(protocol.extractor(), compute.metrics())) {
      ConfigFile.store(cmd, tableDir.resolve(ConfigFile.FILE));
      done = Benchmark.run(protocol, dataset, fx, settings, sh, registry, log).size();
    }
    if (sh.count() > 1) {
      log.printf("shard %s: %d runs done under %s; once every shard is done, build the tables with: %s %s%n",
          shard, done, tableDir, Main.launcher(), String.join(" ", report));
      return 0;
    }
    var stored = Benchmark.load(protocol, tableDir);
    Path index = Benchmark.write(protocol, stored, outDir, clarity.definition());
    log.println(Files.readString(outDir.resolve(table.mainOutput())));
    log.printf("report: %s%n", index.toAbsolutePath());
    return stored.stream().allMatch(s -> s.result().completed()) ? 0 : Main.FAILED;
  }

  /** Writes the --slurm script: one task per shard, and the job that runs {@code report} after them. */
  private int writeSlurm(SlurmScript.Resources resources, List<String> report, Path outDir, PrintWriter log)
      throws java.io.IOException {
    var args = slurm.taskArgs(cmd, cmd.commandLine().getParseResult().originalArgs(), compute.device);
    var job = SlurmOptions.usage(cmd, () -> new SlurmScript.Job("gansuite-" + table.key(), slurm.shards, resources,
        SlurmScript.Launch.of(Main.class), Path.of(""), args, report, outDir));
    SlurmScript.write(slurm.file, job);
    Path file = slurm.file.toAbsolutePath();
    log.printf("wrote %s: a Slurm job array of %d tasks (%d CPU%s each), one shard of the matrix each%n", file,
        slurm.shards, resources.cpus(), resources.cpus() == 1 ? "" : "s");
    log.printf("submit it and the job that then builds the tables in %s: bash %s%n", outDir.toAbsolutePath(), file);
    log.printf("or by hand: sbatch %s, and once every task is done: %s %s%n", file, Main.launcher(), String.join(" ", report));
    return 0;
  }

  /** Table 1: the auto-encoder's reconstruction quality on the whole data set. */
  private int reconstruction(PrintWriter log) throws Exception {
    var dataset = data.open();
    // Table 1 is the proposed model's auto-encoder: --hp names its hyper-parameters (plain or proposed.NAME).
    var ae = new java.util.TreeMap<String, String>();
    hyper.forEach((k, v) -> ae.put(k.startsWith("proposed.") ? k.substring("proposed.".length()) : k, v));
    if (epochs != null) {
      ae.put("ae_epochs", String.valueOf(epochs));
    }
    Path file = ReconstructionTable.measure(dataset, ae, runs.resolve(table.key()).resolve(dataset.id().name()),
        compute.device, compute.threads, !noProgress);
    Path outDir = out != null ? out : Path.of("reports", table.key() + "-" + dataset.id().name());
    String md = ReconstructionTable.markdown(file);
    Outputs.text(outDir.resolve("table.md"), md);
    log.println(md);
    log.printf("table: %s%n", outDir.toAbsolutePath().resolve("table.md"));
    return 0;
  }

  /** The table's protocol with the options applied; models are checked against the registry here, before any work. */
  private Protocol protocol(ModelRegistry registry) {
    Protocol p = Protocol.of(table.runsOf(data.data), registry, seeds);
    if (models != null) {
      p = p.withModels(models, registry);
    }
    if (!hyper.isEmpty()) {
      p = p.withHyper(hyper, registry);
    }
    if (epochs != null) {
      p = p.withEpochs(epochs);
    }
    if (budgetImages != null) {
      p = p.withBudgetImages(budgetImages);
    }
    if (budgetGflop != null) {
      p = p.withBudgetGflop(budgetGflop);
    }
    if (batch != null) {
      p = p.withBatch(batch);
    }
    if (samples != null) {
      p = p.withSamples(samples);
    }
    if (evalEvery != null || evalSamples != null) {
      var d = p.during();
      p = p.withDuring(new Protocol.During(evalSamples != null ? evalSamples : d.samples(),
          evalEvery != null ? evalEvery : d.every(), d.points()));
    }
    p = p.withCheckpoint(checkpoint);
    return extractor.given() ? p.withExtractor(extractor.name) : p;
  }
}
