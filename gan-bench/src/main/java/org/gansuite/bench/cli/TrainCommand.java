package org.gansuite.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.runs.DuringTraining;
import org.gansuite.bench.runs.RunFolder;
import org.gansuite.core.UserError;
import org.gansuite.core.device.Precision;
import org.gansuite.core.io.FileTrees;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains one model on one data set with the generic trainer; resumes a run folder that has checkpoints. */
@Command(name = "train", description = "Train one model; rerunning on the same --run-dir resumes from its newest checkpoint.")
final class TrainCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--config", description = "Options from a JSON or YAML file (keys: option names, e.g. model: dcgan); flags win.")
  Path config;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Mixin PrecisionOptions precision = new PrecisionOptions();

  @Option(names = "--model", required = true, description = "Model name (see 'list').")
  String model;

  @Mixin DataOption data = new DataOption();

  @Option(names = "--run-dir", description = "Run folder (default: runs/<data>/<model>/seed-<seed>, "
      + "seed-<seed>-<precision> below fp32).")
  Path runDir;

  @Option(names = "--epochs", description = "Epochs (default: the model's paper budget).")
  Integer epochs;

  @Option(names = "--max-iterations", defaultValue = "0", description = "Stop after this many iterations (0: none).")
  long maxIterations;

  @Option(names = "--budget-gflop", defaultValue = "0",
      description = "Training budget in counted GFLOP, the model's preparation included; sets the iteration count (0: none).")
  double budgetGflop;

  @Option(names = "--batch", defaultValue = "64", description = "Batch size.")
  int batch;

  @Option(names = "--seed", defaultValue = "1", description = "Seed.")
  long seed;

  @Option(names = "--hp", split = ",", description = "Hyper-parameter override NAME=VALUE (repeatable, or comma-separated).")
  Map<String, String> hyper = new LinkedHashMap<>();

  @Option(names = "--checkpoint-every", defaultValue = "500", description = "Iterations between checkpoints.")
  int checkpointEvery;

  @Option(names = "--checkpoint-minutes", defaultValue = "" + TrainConfig.DEFAULT_CHECKPOINT_MINUTES,
      description = "Also checkpoint once this many minutes passed since the last checkpoint (0: by iterations only).")
  double checkpointMinutes;

  @Option(names = "--sample-every", defaultValue = "500", description = "Iterations between sample grids.")
  int sampleEvery;

  @Option(names = "--log-every", defaultValue = "50", description = "Iterations between log lines.")
  int logEvery;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Option(names = "--eval-every", defaultValue = "0", description = "Iterations between evaluations during training "
      + "(FID and KID of --eval-samples samples, logged to log.jsonl and TensorBoard; the best checkpoint by FID kept "
      + "in checkpoints-best/); 0: none.")
  long evalEvery;

  @Option(names = "--eval-samples", defaultValue = "1024", description = "Samples per evaluation during training.")
  int evalSamples;

  @Mixin ExtractorOptionsMixin extractor = new ExtractorOptionsMixin();

  @Override
  public Integer call() throws Exception {
    // Every check before the run folder is made: a refused command leaves none behind.
    var provider = ModelRegistry.load().get(model);
    compute.device.resolve();
    Precision arithmetic = precision.resolve(cmd, compute.device, compute.threads);
    if (evalEvery > 0 && evalSamples < 2) {
      throw new UserError("--eval-samples must be at least 2, got " + evalSamples);
    }
    var dataset = data.open();
    var spec = new ModelSpec(provider.name(), dataset.shape(), 100, batch, seed, provider.defaults().with(hyper));
    Trainer.check(spec, dataset);
    Path dir = runDir != null ? runDir : Path.of("runs", dataset.id().name(), provider.name(), "seed-" + seed
        + (arithmetic == Precision.FP32 ? "" : "-" + arithmetic));
    var b = TrainConfig.builder(dir)
        .setEpochs(epochs != null ? epochs : provider.defaultEpochs())
        .optMaxIterations(maxIterations)
        .optMaxFlops(Math.round(budgetGflop * 1e9))
        .optCheckpointEvery(checkpointEvery)
        .optCheckpointMinutes(checkpointMinutes)
        .optSampleEvery(sampleEvery)
        .optLogEvery(logEvery)
        .optDevice(compute.device)
        .optPrecision(arithmetic)
        .optThreads(compute.threads, 0)
        .optProgress(!noProgress);
    b.build(); // its checks, before anything is made
    TrainResult r;
    try (var fx = evalEvery > 0 ? extractor.openOr(DataOption.defaultExtractor(dataset), compute.metrics()) : null) {
      if (fx != null) {
        b.optEvaluation(new DuringTraining(dataset, fx, evalSamples, Protocol.EVALUATION_SEED, compute.metrics()), evalEvery);
      }
      r = train(new Trainer(provider, spec, dataset, b.build()), dir);
    }
    var out = cmd.commandLine().getOut();
    out.printf(java.util.Locale.ROOT, "%s: %s after %d iterations (%.2f epochs, %.1f GFLOP) in %.1f s, %.1f images/s, "
        + "data wait %.2f s%n", provider.name(), r.status().name().toLowerCase(), r.iterations(),
        (double) r.trainingImages() / dataset.size(), r.totalFlops() / 1e9, r.seconds(), r.imagesPerSecond(),
        r.dataWaitSeconds());
    r.evaluations().stream().reduce((first, last) -> last).ifPresent(e -> out.printf(java.util.Locale.ROOT,
        "  during training: %s at iteration %d (first: %s at 0); best checkpoint: %s%n", e.values(), e.iteration(),
        r.evaluations().get(0).values(), r.bestCheckpoint().map(Path::toString).orElse("none")));
    r.lastScalars().forEach((k, v) -> out.printf("  %s = %.5f%n", k, v));
    out.printf("protocol: model %s %s; data %s (%d images %s, sha256 %s); batch %d, seed %d, precision %s; run folder %s%n",
        provider.name(), spec.hyper(), dataset.id().name(), dataset.size(), dataset.shape(),
        dataset.id().contentHash().substring(0, 16), batch, seed, arithmetic, dir.toAbsolutePath());
    if (r.status() == TrainResult.Status.FAILED) {
      cmd.commandLine().getErr().println("gan-bench: " + r.message());
      return Main.FAILED;
    }
    return 0;
  }

  /**
   * Trains in the locked run folder (a second process on it is refused, as reproduce refuses
   * one). A refusal before the first checkpoint removes the folder if this call made it.
   */
  private TrainResult train(Trainer trainer, Path dir) throws Exception {
    boolean made = !Files.exists(dir);
    try (RunFolder folder = RunFolder.lock(dir)) {
      ConfigFile.store(cmd, dir.resolve(ConfigFile.FILE));
      return trainer.train();
    } catch (UserError e) {
      if (made && !Files.exists(dir.resolve("checkpoints"))) {
        FileTrees.delete(dir);
      }
      throw e;
    }
  }
}
