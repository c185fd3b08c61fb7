package org.gansuite.bench.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import org.gansuite.metrics.EvaluationResult;
import org.gansuite.metrics.cache.StatsCache;
import org.gansuite.metrics.extract.FeatureExtractor;

/**
 * Trains and evaluates the runs of a protocol, one folder each. A run with a stored result is
 * skipped, a partial one resumes from its checkpoints, a diverged or broken one is stored as
 * failed with its reason and the others go on.
 */
public final class RunExecutor {

  /** Where and how runs execute. */
  public record Settings(Path root, ComputeDevice device, int threads, boolean progress) {}

  private final Protocol protocol;
  private final ImageDataset data;
  private final FeatureExtractor extractor;
  private final StatsCache cache;
  private final Settings settings;
  private final ModelRegistry registry;
  private final PrintWriter log;

  public RunExecutor(Protocol protocol, ImageDataset data, FeatureExtractor extractor, StatsCache cache,
      Settings settings, ModelRegistry registry, PrintWriter log) {
    this.protocol = protocol;
    this.data = data;
    this.extractor = extractor;
    this.cache = cache;
    this.settings = settings;
    this.registry = registry;
    this.log = log;
  }

  /** Runs (or reuses) one row at one seed. */
  public ResultRecord run(Entry entry, long seed) throws IOException {
    Path dir = RunFolder.path(settings.root(), protocol.table(), data.id().name(), entry, seed);
    try (RunFolder folder = RunFolder.lock(dir)) {
      var stored = folder.result();
      if (stored.isPresent()) {
        log.printf("%s seed %d: stored result (%s), skipped%n", entry.label(), seed, stored.get().status());
        return stored.get();
      }
      ResultRecord r;
      try {
        r = trainAndEvaluate(entry, seed, dir);
      } catch (IOException | RuntimeException e) {
        // One broken run must not stop the matrix: it is stored as failed, with its reason.
        r = record(entry, seed, "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of(),
            Map.of(), Map.of(), null);
      }
      r.write(dir);
      log.printf("%s seed %d: %s%s%n", entry.label(), seed, r.status(), r.completed() ? "" : " (" + r.failure() + ")");
      return r;
    }
  }

  /** The training-set row: N training images scored like generated ones. */
  public ResultRecord trainingSet() throws IOException {
    Entry entry = Entry.of("training-set", "training set");
    Path dir = RunFolder.path(settings.root(), protocol.table(), data.id().name(), entry, 0);
    try (RunFolder folder = RunFolder.lock(dir)) {
      var stored = folder.result();
      if (stored.isPresent()) {
        return stored.get();
      }
      int n = Math.min(protocol.samples(), data.size());
      byte[] px = new byte[n * data.shape().pixels()];
      int[] order = org.gansuite.core.train.Randomness.permutation(data.size(), 12345, 0);
      for (int i = 0; i < n; i++) {
        data.read(order[i], px, i * data.shape().pixels());
      }
      var images = new InMemoryDataset(data.id().name() + "-subset-" + n, data.shape(), px);
      EvaluationResult ev = Scoring.evaluate(images, 0, setup());
      ResultRecord r = record(entry, 0, "completed", "", Map.of(), ev.toJson(), Map.of(), null);
      r.write(dir);
      return r;
    }
  }

  private ResultRecord trainAndEvaluate(Entry entry, long seed, Path dir) throws IOException {
    GanModelProvider provider = registry.get(entry.model());
    var spec = new ModelSpec(provider.name(), data.shape(), 100, 64, seed, provider.defaults().with(entry.hyper()));
    var cfg = TrainConfig.builder(dir)
        .setEpochs(protocol.epochs() > 0 ? protocol.epochs() : provider.defaultEpochs())
        .optMaxImages(protocol.budgetImages())
        .optDevice(settings.device())
        .optThreads(settings.threads(), 0)
        .optProgress(settings.progress())
        .optLogEvery(10)
        .build();
    log.printf("%s seed %d: training %s %s on %s%n", entry.label(), seed, provider.name(), spec.hyper(), data.id().name());
    log.flush();
    TrainResult t = new Trainer(provider, spec, data, cfg).train();
    Map<String, Long> params = t.parameters();
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("iterations", t.iterations());
    training.put("epochs", t.epochsDone());
    training.put("images", t.imagesSeen());
    training.put("seconds", t.seconds());
    training.put("images_per_s", t.imagesPerSecond());
    training.put("seconds_per_epoch", t.imagesSeen() > 0 ? t.seconds() * data.size() / t.imagesSeen() : Double.NaN);
    training.put("data_wait_s", t.dataWaitSeconds());
    training.put("last_scalars", new TreeMap<>(t.lastScalars()));
    var checkpoint = t.lastCheckpoint().orElseThrow(() -> new IllegalStateException("no checkpoint in " + dir));
    Provenance provenance = Checkpoints.readState(checkpoint).provenance();
    if (t.status() == TrainResult.Status.FAILED) {
      return record(entry, seed, "failed", t.message(), params, Map.of(), training, provenance);
    }
    log.printf("%s seed %d: scoring %d samples with %s%n", entry.label(), seed, protocol.samples(), protocol.extractor());
    log.flush();
    var ev = Scoring.score(provider, spec, cfg, checkpoint, protocol.samples(), setup());
    return record(entry, seed, "completed", "", params, ev.toJson(), training, provenance);
  }

  private Scoring.Setup setup() {
    return new Scoring.Setup(data, protocol.referenceSamples(), extractor, cache, settings.device());
  }

  private ResultRecord record(Entry entry, long seed, String status, String failure, Map<String, Long> params,
      Map<String, Object> metrics, Map<String, Object> training, Provenance provenance) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("table", protocol.table());
    p.put("objective", registry.all().stream().filter(m -> m.name().equals(entry.model()))
        .map(GanModelProvider::objective).findFirst().orElse(""));
    p.put("dataset", data.id().name());
    p.put("dataset_size", data.size());
    p.put("dataset_sha256", data.id().contentHash());
    p.put("image_shape", data.shape().toString());
    p.put("epochs", protocol.epochs() > 0 ? protocol.epochs() : "paper budget");
    p.put("budget_images", protocol.budgetImages());
    p.put("samples", protocol.samples());
    p.put("reference_samples", Math.min(protocol.referenceSamples(), data.size()));
    p.put("extractor", protocol.extractor());
    p.put("seed", seed);
    p.put("code_version", Provenance.currentCodeVersion());
    return new ResultRecord(ResultRecord.FORMAT, protocol.table(), entry.label(), entry.model(), entry.hyper(), seed,
        status, failure, params, metrics, training, p, provenance);
  }

}
