package org.gansuite.bench.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.report.HtmlReport;
import org.gansuite.bench.results.RunProtocol;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.TrainingCost;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.Randomness;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import org.gansuite.metrics.EvaluationResult;
import org.gansuite.metrics.cache.StatsCache;
import org.gansuite.metrics.extract.FeatureExtractor;

/**
 * Trains and evaluates the runs of a protocol, one folder each
 * ({@code <root>/<table>/<data set>/<row>/seed-<s>/}). A run with a stored result is skipped, a
 * partial one resumes from its checkpoints. A run that failed by itself (a diverged model, or a row
 * that refuses its input) is stored as failed with its reason; one stopped by its environment (a
 * full disk, an I/O error, memory) is not stored, so the next invocation retries it. Either way
 * the others go on.
 */
public final class Runner {

  /**
   * Where and how runs execute.
   *
   * @param precision the arithmetic of the training graphs (scoring stays fp32/fp64); runs below fp32
   *     live in a table folder of their own ({@link #tableDir(Path, Protocol, ImageDataset, Precision)})
   */
  public record Settings(Path root, ComputeDevice device, int threads, boolean progress, Precision precision) {

    public Settings {
      java.util.Objects.requireNonNull(precision, "precision");
    }

    /** Float32 runs. */
    public Settings(Path root, ComputeDevice device, int threads, boolean progress) {
      this(root, device, threads, progress, Precision.FP32);
    }
  }

  private final Protocol protocol;
  private final ImageDataset data;
  private final FeatureExtractor extractor;
  private final StatsCache cache;
  private final Settings settings;
  private final ModelRegistry registry;
  private final PrintWriter log;
  private DuringTraining during;

  public Runner(Protocol protocol, ImageDataset data, FeatureExtractor extractor, Settings settings,
      ModelRegistry registry, PrintWriter log) {
    this.protocol = protocol;
    this.data = data;
    this.extractor = extractor;
    this.cache = new StatsCache(settings.root().resolve(".stats-cache"));
    this.settings = settings;
    this.registry = registry;
    this.log = log;
  }

  /** The folder holding this protocol's float32 runs on this data set. */
  public static Path tableDir(Path root, Protocol protocol, ImageDataset data) {
    return tableDir(root, protocol, data, Precision.FP32);
  }

  /**
   * The folder holding this protocol's runs on this data set in {@code precision}: below fp32 the
   * data set's folder name ends in {@code -<precision>} (e.g. {@code runs/quick/fashion-mnist-bf16}),
   * so a table never mixes precisions and a stored fp32 run is never taken for a bf16 one.
   */
  public static Path tableDir(Path root, Protocol protocol, ImageDataset data, Precision precision) {
    return root.resolve(protocol.table().key())
        .resolve(data.id().name() + (precision == Precision.FP32 ? "" : "-" + precision));
  }

  /**
   * Runs the part of the matrix (rows x seeds, then the training-set row) that {@code shard} owns;
   * returns the results of those runs.
   */
  public List<RunResult> runAll(Shard shard) throws IOException {
    List<RunResult> out = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    var cells = cells(protocol);
    for (int position = 0; position < cells.size(); position++) {
      if (shard.owns(position)) {
        Entry e = cells.get(position).entry();
        long seed = cells.get(position).seed();
        try {
          out.add(run(e, seed));
        } catch (IOException | RuntimeException | OutOfMemoryError x) {
          // The environment's failure, not the model's: nothing stored, retried next time.
          String why = e.label() + " seed " + seed + " (" + x.getClass().getSimpleName() + ": " + x.getMessage() + ")";
          log.printf("%s seed %d: stopped, not stored, retried on the next run: %s%n", e.label(), seed, why);
          log.flush();
          unfinished.add(why);
        }
      }
    }
    if (shard.owns(cells.size())) {
      out.add(trainingSet());
    }
    if (!unfinished.isEmpty()) {
      throw new IOException(unfinished.size() + " of the runs stopped for reasons of the environment and are not "
          + "stored; rerunning the command retries them: " + String.join("; ", unfinished));
    }
    return out;
  }

  /**
   * Runs (or reuses) one row at one seed; a failure of the environment (an exception other than a
   * {@link UserError}) is thrown, with nothing stored.
   */
  public RunResult run(Entry entry, long seed) throws IOException {
    Path dir = folder(entry, seed);
    try (RunFolder folder = RunFolder.lock(dir)) {
      var stored = folder.result();
      if (stored.isPresent()) {
        log.printf("%s seed %d: stored result (%s), skipped%n", entry.label(), seed, stored.get().status());
        return stored.get();
      }
      RunResult r;
      try {
        r = trainAndEvaluate(entry, seed, dir);
      } catch (UserError e) {
        // The row refuses its input (e.g. fewer images than its iteration draws): as final as a divergence.
        r = result(entry, seed, e.getMessage(), Map.of(), null, null, null);
      }
      r.write(dir.resolve(RunResult.FILE));
      log.printf("%s seed %d: %s%s%n", entry.label(), seed, r.status(), r.completed() ? "" : " (" + r.failure() + ")");
      return r;
    }
  }

  /** The training-set row: as many training images as samples, scored like generated ones. */
  public RunResult trainingSet() throws IOException {
    Entry entry = Entry.TRAINING_SET_ROW;
    Path dir = folder(entry, 0);
    try (RunFolder folder = RunFolder.lock(dir)) {
      var stored = folder.result();
      if (stored.isPresent()) {
        return stored.get();
      }
      byte[] px = subset(data, protocol.samples(), Protocol.TRAINING_SUBSET_SEED);
      int n = px.length / data.shape().pixels();
      var images = new InMemoryDataset(data.id().name() + "-subset-" + n, data.shape(), px);
      ImageWriter.writeGrid(dir.resolve(HtmlReport.GRID), px, Math.min(64, n), data.shape(), 8);
      EvaluationResult ev = Scoring.evaluate(images, 0, setup());
      RunResult r = result(entry, 0, "", Map.of(), null, ev, null);
      r.write(dir.resolve(RunResult.FILE));
      return r;
    }
  }

  /** The pixels of the first {@code n} images (at most all) of a seeded permutation of {@code data}. */
  static byte[] subset(ImageDataset data, int n, long seed) {
    int count = Math.min(n, data.size());
    byte[] px = new byte[count * data.shape().pixels()];
    int[] order = Randomness.permutation(data.size(), seed, 0);
    for (int i = 0; i < count; i++) {
      data.read(order[i], px, i * data.shape().pixels());
    }
    return px;
  }

  private Path folder(Entry entry, long seed) {
    return folder(tableDir(settings.root(), protocol, data, settings.precision()), entry, seed);
  }

  private static Path folder(Path tableDir, Entry entry, long seed) {
    return tableDir.resolve(entry.slug()).resolve("seed-" + seed);
  }

  /** One run of the matrix: a row at a seed. */
  private record Cell(Entry entry, long seed) {}

  /** The matrix in run order: each row at seeds 1 to {@code seeds}. */
  private static List<Cell> cells(Protocol protocol) {
    List<Cell> out = new ArrayList<>();
    for (Entry e : protocol.entries()) {
      for (long seed = 1; seed <= protocol.seeds(); seed++) {
        out.add(new Cell(e, seed));
      }
    }
    return out;
  }

  /** The run folders of {@code protocol}'s matrix under its table folder: rows x seeds, then the training-set row. */
  public static List<Path> folders(Protocol protocol, Path tableDir) {
    List<Path> out = new ArrayList<>();
    cells(protocol).forEach(c -> out.add(folder(tableDir, c.entry(), c.seed())));
    out.add(folder(tableDir, Entry.TRAINING_SET_ROW, 0));
    return out;
  }

  private RunResult trainAndEvaluate(Entry entry, long seed, Path dir) throws IOException {
    GanModelProvider<?> provider = registry.get(entry.model());
    var spec = new ModelSpec(provider.name(), data.shape(), 100, protocol.batch(), seed, provider.defaults().with(entry.hyper()));
    var b = TrainConfig.builder(dir)
        .setEpochs(protocol.epochs() > 0 ? protocol.epochs() : provider.defaultEpochs())
        .optMaxImages(protocol.budgetImages())
        .optMaxFlops(Math.round(protocol.budgetGflop() * 1e9))
        .optDevice(settings.device())
        .optPrecision(settings.precision())
        .optThreads(settings.threads(), 0)
        .optProgress(settings.progress())
        .optLogEvery(10);
    var during = protocol.during();
    if (during.samples() > 0) {
      var evaluator = duringTraining();
      if (during.every() > 0) {
        b.optEvaluation(evaluator, during.every());
      } else {
        b.optEvaluationPoints(evaluator, during.points());
      }
    }
    var cfg = b.build();
    log.printf("%s seed %d: training %s %s on %s%n", entry.label(), seed, provider.name(), spec.hyper(), data.id().name());
    log.flush();
    TrainResult t = new Trainer(provider, spec, data, cfg).train();
    var checkpoint = (protocol.checkpoint() == Protocol.Checkpoint.BEST ? t.bestCheckpoint() : Optional.<Path>empty())
        .or(t::lastCheckpoint).orElseThrow(() -> new IllegalStateException("no checkpoint in " + dir));
    Provenance provenance = Checkpoints.readState(checkpoint).provenance();
    var cost = cost(t);
    if (t.status() == TrainResult.Status.FAILED) {
      return result(entry, seed, t.message(), t.parameters(), cost, null, provenance);
    }
    log.printf("%s seed %d: scoring %d samples of the %s checkpoint with %s%n", entry.label(), seed, protocol.samples(),
        protocol.checkpoint().name().toLowerCase(), protocol.extractor());
    log.flush();
    var ev = Scoring.score(provider, spec, cfg, checkpoint, protocol.samples(), setup());
    return result(entry, seed, "", t.parameters(), cost, ev, provenance);
  }

  /** The run's costs and curve, from the trainer's result (whole run, resumed calls included). */
  private TrainingCost cost(TrainResult t) {
    var prep = t.preparation();
    double epochs = (double) t.trainingImages() / data.size();
    var curve = t.evaluations().stream().map(e -> new TrainingCost.CurvePoint(e.iteration(), e.images(), e.gflop(),
        e.seconds() + prep.seconds(), e.values())).toList();
    return new TrainingCost(t.iterations(), epochs, t.trainingImages(), t.trainingSeconds(),
        t.trainingSeconds() > 0 ? t.trainingImages() / t.trainingSeconds() : Double.NaN,
        epochs > 0 ? t.trainingSeconds() / epochs : Double.NaN, t.dataWaitSeconds(), t.lastScalars(),
        t.totalFlops() / 1e9, prep.flops() / 1e9, prep.seconds(), curve);
  }

  /** The evaluator during training, built once per protocol: its reference features serve every run. */
  private DuringTraining duringTraining() {
    if (during == null) {
      during = new DuringTraining(data, extractor, protocol.during().samples(), Protocol.EVALUATION_SEED,
          settings.device());
    }
    return during;
  }

  private Scoring.Setup setup() {
    return new Scoring.Setup(data, protocol.referenceSamples(), extractor, cache, settings.device());
  }

  /** A result: completed when it has an evaluation, failed with {@code failure} otherwise. */
  private RunResult result(Entry entry, long seed, String failure, Map<String, Long> params, TrainingCost cost,
      EvaluationResult ev, Provenance provenance) {
    String objective = registry.all().stream().filter(m -> m.name().equals(entry.model()))
        .map(GanModelProvider::objective).findFirst().orElse("");
    var p = new RunProtocol(protocol.table().key(), objective, data.id().name(), data.size(), data.id().contentHash(),
        data.shape().toString(), protocol.epochs(), protocol.budgetImages(), protocol.budgetGflop(), protocol.batch(), protocol.samples(),
        Math.min(protocol.referenceSamples(), data.size()), protocol.extractor(),
        protocol.checkpoint().name().toLowerCase(), protocol.during().describe(), Provenance.currentCodeVersion());
    return new RunResult(RunResult.FORMAT, protocol.table().key(), entry.label(), entry.model(), entry.hyper(), seed,
        ev != null ? RunResult.Status.COMPLETED : RunResult.Status.FAILED, failure, params, cost, ev, p, provenance);
  }
}
