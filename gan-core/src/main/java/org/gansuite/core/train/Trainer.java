package org.gansuite.core.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.graph.LossScaling;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.PreparationCost;
import org.gansuite.core.model.PreparedModel;
import org.gansuite.core.provenance.Provenance;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;

/**
 * The generic GAN trainer: runs a model's phases, iteration after iteration, over epochs of a
 * seeded shuffle of the data set. It checkpoints (every N iterations, at each epoch end and at the
 * end), resumes from the newest checkpoint under an equal configuration, logs JSON lines and
 * TensorBoard events, writes fixed-z sample grids, evaluates samples periodically (keeping the
 * best checkpoint), turns a FLOP budget into an iteration count, and stops a diverged run with a
 * failed result rather than an exception. It knows nothing model-specific.
 */
public final class Trainer {

  private static final System.Logger LOG = System.getLogger(Trainer.class.getName());
  private static final String LOG_FILE = "log.jsonl";

  private final GanModelProvider<?> provider;
  private final ModelSpec spec;
  private final ImageDataset data;
  private final TrainConfig cfg;
  private PrintStream progressOut = System.err;

  public Trainer(GanModelProvider<?> provider, ModelSpec spec, ImageDataset data, TrainConfig cfg) {
    check(spec, data);
    this.provider = provider;
    this.spec = spec;
    this.data = data;
    this.cfg = cfg;
  }

  /**
   * Refuses data the model cannot train on (another image shape, fewer images than a batch), as the
   * constructor does: callers check before they create anything. A model drawing several batches
   * per iteration can still be refused by {@link #train}, once its graph says how many.
   */
  public static void check(ModelSpec spec, ImageDataset data) {
    if (!data.shape().equals(spec.shape())) {
      throw new UserError("data set " + data.id().name() + " holds " + data.shape()
          + " images but the model is built for " + spec.shape());
    }
    if (data.size() < spec.batchSize()) {
      throw tooSmall(data, 1, spec.batchSize());
    }
  }

  private static UserError tooSmall(ImageDataset data, int batches, int batchSize) {
    return new UserError("data set " + data.id().name() + " has " + data.size()
        + " images, fewer than one iteration needs (" + batches + " batches of " + batchSize + ")");
  }

  /** Where progress lines go (stderr by default); for tests. */
  Trainer progressTo(PrintStream out) {
    this.progressOut = out;
    return this;
  }

  /** Iterations in one epoch: whole batches only, each iteration consuming its phases' batches. */
  private static long iterationsPerEpoch(int datasetSize, int batchSize, int batchesPerIteration) {
    return datasetSize / batchSize / batchesPerIteration;
  }

  /** Where a run stands before its loop: its length, what an iteration costs, and what came before. */
  private record Plan(long perEpoch, int perIteration, long total, long first, long flopsPerIteration,
      PreparationCost preparation, double previousSeconds) {}

  /**
   * Trains (or resumes) the run. The caller keeps other processes out of the run folder (the
   * command line locks it): temporaries left there are deleted as a killed process's.
   */
  public TrainResult train() throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(cfg.runDir());
    // What a killed process was writing (checkpoint folders, atomic files) is never complete.
    AtomicFiles.deleteTemporaries(cfg.runDir(), 3);
    PreparedModel prepared = PreparedModel.prepare(provider, spec, cfg.prepareContext(data));
    SortedMap<String, String> identity = RunIdentity.of(spec, data.id(), cfg.precision());
    prepared.identity().forEach((k, v) -> identity.put("prepared." + k, v));
    var checkpoints = new Checkpoints(cfg.runDir().resolve("checkpoints"), cfg.keepCheckpoints());
    var evaluations = new Evaluations(cfg);
    try (Graph g = new Graph();
        Session session = cfg.device().session(g, cfg.intraOpThreads(), cfg.interOpThreads(), cfg.precision())) {
      Ops tf = cfg.device().ops(g);
      if (cfg.precision().lossScaled()) {
        LossScaling.DEFAULT.install(tf);
      }
      GanGraph gg = prepared.build(tf);
      int perIteration = gg.batchesPerIteration();
      long perEpoch = iterationsPerEpoch(data.size(), spec.batchSize(), perIteration);
      if (perEpoch == 0) {
        throw tooSmall(data, perIteration, spec.batchSize());
      }
      CheckpointState resumed = restoreNewest(session, checkpoints, identity);
      if (resumed == null) {
        session.initialize();
      }
      evaluations.resume(resumed, identity);
      // Lines past the checkpoint are logged again by this call (none at all on a fresh start).
      RunLog.cutAfter(cfg.runDir().resolve(LOG_FILE), resumed == null ? -1 : resumed.iteration());
      long first = resumed == null ? 0 : resumed.iteration();
      var steps = new StepRunner(session, gg, spec, cfg.precision() != Precision.FP32);
      // A resume keeps the stored count, so the iteration count a FLOP budget gave cannot move.
      long flops = resumed != null && resumed.flopsPerIteration() > 0
          ? resumed.flopsPerIteration() : iterationFlops(g, gg, steps, first);
      long total = totalIterations(perEpoch, perIteration, flops, prepared.cost());
      var plan = new Plan(perEpoch, perIteration, total, first, flops, prepared.cost(),
          resumed == null ? 0 : resumed.seconds());
      return new Loop(gg, session, checkpoints, identity, plan, steps, evaluations, start).run();
    }
  }

  /**
   * Restores the newest checkpoint that reads back and returns its state (null when there is
   * none). A broken one (truncated by a full disk or a copy) is passed over with a warning naming
   * it; when every checkpoint is broken the run is refused rather than silently restarted.
   */
  private CheckpointState restoreNewest(Session session, Checkpoints checkpoints, SortedMap<String, String> identity)
      throws IOException {
    List<Path> all = checkpoints.list();
    List<String> broken = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Path c = all.get(i);
      try {
        CheckpointState state = Checkpoints.readState(c);
        List<String> diff = Checkpoints.differences(state.config(), identity);
        if (!diff.isEmpty()) {
          throw new IllegalStateException("cannot resume " + cfg.runDir() + " from " + c.getFileName()
              + ": the configuration differs (" + String.join("; ", diff) + ")");
        }
        Checkpoints.restore(session, c);
        return state;
      } catch (IOException | TensorFlowException e) {
        String why = c + " (" + Checkpoints.cause(e) + ")";
        LOG.log(System.Logger.Level.WARNING, "unreadable checkpoint " + why
            + (i > 0 ? "; resuming from the one before" : ""));
        broken.add(why);
      }
    }
    if (!broken.isEmpty()) {
      throw new IOException("cannot resume " + cfg.runDir() + ": no checkpoint reads back (" + String.join("; ", broken)
          + "); move " + checkpoints.dir() + " aside to train from the start");
    }
    return null;
  }

  /**
   * The counted FLOPs of one iteration: every phase times its steps, each counted with the real
   * feeds of the run's first batch (the counter runs the Shape ops, no update).
   */
  private long iterationFlops(Graph g, GanGraph gg, StepRunner steps, long iteration) {
    int[] order = Randomness.permutation(data.size(), spec.seed(), 0);
    Batch batch = BatchPrefetcher.read(data, order, 0, spec.batchSize());
    long flops = 0;
    int k = 0;
    for (Phase p : gg.phases()) {
      flops += p.steps() * steps.flops(g, p, batch, iteration, k);
      k += p.steps();
    }
    return flops;
  }

  /**
   * The run's length: epochs, then the iteration, image and FLOP budgets. The image and FLOP
   * budgets count the preparation's images and FLOPs (e.g. an auto-encoder's pre-training) first,
   * so a model that prepares gets no head start over one that does not.
   */
  private long totalIterations(long perEpoch, int perIteration, long flopsPerIteration, PreparationCost preparation) {
    long total = cfg.epochs() * perEpoch;
    if (cfg.maxIterations() > 0) {
      total = Math.min(total, cfg.maxIterations());
    }
    if (cfg.maxImages() > 0) {
      long left = cfg.maxImages() - preparation.images();
      total = Math.min(total, Math.max(1, left / ((long) spec.batchSize() * perIteration)));
    }
    if (cfg.maxFlops() > 0 && flopsPerIteration > 0) {
      long left = cfg.maxFlops() - preparation.flops();
      total = Math.min(total, Math.max(1, left / flopsPerIteration));
    }
    return total;
  }

  /** The state of one call of {@link #train}. */
  private final class Loop {
    private final GanGraph gg;
    private final Session session;
    private final Checkpoints checkpoints;
    private final SortedMap<String, String> identity;
    private final Plan plan;
    private final long perEpoch;
    private final int perIteration;
    private final long total;
    private final long first;
    private final long start;
    private final StepRunner steps;
    private final Evaluations evaluations;
    private Provenance provenance;
    /** What the mixed-precision pass did to the first step's graphs (null in float32). */
    private String rewrite;
    private Map<String, Double> scalars = new LinkedHashMap<>();
    private Optional<Path> lastCheckpoint = Optional.empty();
    /** Time in this call's training steps, logs and sample grids (not evaluations, not checkpoint writes). */
    private long trainingNanos;

    Loop(GanGraph gg, Session session, Checkpoints checkpoints, SortedMap<String, String> identity, Plan plan,
        StepRunner steps, Evaluations evaluations, long start) {
      this.gg = gg;
      this.session = session;
      this.checkpoints = checkpoints;
      this.identity = identity;
      this.plan = plan;
      this.perEpoch = plan.perEpoch();
      this.perIteration = plan.perIteration();
      this.total = plan.total();
      this.first = plan.first();
      this.start = start;
      this.steps = steps;
      this.evaluations = evaluations;
    }

    TrainResult run() throws IOException {
      Path runDir = cfg.runDir();
      var status = new RunStatus(runDir.resolve(RunStatus.FILE));
      Progress mode = cfg.progressMode().resolve();
      try (var prefetch = new BatchPrefetcher(data, spec.batchSize());
          var log = new RunLog(runDir.resolve(LOG_FILE));
          var board = new TensorBoardWriter(runDir.resolve("tensorboard"));
          ProgressBar bar = mode == Progress.BAR ? progressBar() : null) {
        var lines = mode == Progress.LINES
            ? new ProgressLines(spec.model(), first, total, imagesPerIteration(), progressOut, System::nanoTime) : null;
        status.write("running", first, "");
        if (first == 0 && first < total && evaluations.enabled()) {
          evaluate(log, board, 0);
        }
        long windowStart = System.nanoTime();
        long lastSave = windowStart;
        long windowIterations = 0;
        for (long it = first; it < total; it++) {
          long t0 = System.nanoTime();
          int epoch = (int) (it / perEpoch);
          int inEpoch = (int) (it % perEpoch);
          if (it == first || inEpoch == 0) {
            int[] order = Randomness.permutation(data.size(), spec.seed(), epoch);
            prefetch.start(order, inEpoch * perIteration, (int) ((perEpoch - inEpoch) * perIteration));
          }
          var failure = runIteration(prefetch, it);
          if (failure != null) {
            trainingNanos += System.nanoTime() - t0;
            status.write("failed", it, failure);
            return result(TrainResult.Status.FAILED, it, failure, prefetch);
          }
          windowIterations++;
          long done = it + 1;
          if (done % cfg.logEvery() == 0 || done == total) {
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            logLine(log, board, done, epoch, windowIterations, seconds, prefetch);
            windowStart = System.nanoTime();
            windowIterations = 0;
          }
          if ((cfg.sampleEvery() > 0 && done % cfg.sampleEvery() == 0) || done == total) {
            writeSamples(board, done);
          }
          trainingNanos += System.nanoTime() - t0;
          if (evaluations.due(done, total)) {
            evaluate(log, board, done);
          }
          boolean epochEnd = done % perEpoch == 0;
          boolean timely = cfg.checkpointMinutes() > 0 && System.nanoTime() - lastSave >= cfg.checkpointMinutes() * 60e9;
          if ((cfg.checkpointEvery() > 0 && done % cfg.checkpointEvery() == 0) || epochEnd || done == total || timely) {
            save(done);
            lastSave = System.nanoTime();
          }
          if (bar != null) {
            bar.stepTo(done);
            double rate = (done - first) * imagesPerIteration() / ((System.nanoTime() - start) / 1e9);
            bar.setExtraMessage(String.format(" epoch %d/%d, %.0f images/s", epoch + 1, cfg.epochs(), rate));
          }
          if (lines != null) {
            lines.update(done);
          }
        }
        status.write("completed", total, "");
        return result(TrainResult.Status.COMPLETED, total, "", prefetch);
      }
    }

    private long imagesPerIteration() {
      return (long) perIteration * spec.batchSize();
    }

    /** Training seconds of the whole run so far: the resumed checkpoint's plus this call's. */
    private double trainingSeconds() {
      return plan.previousSeconds() + trainingNanos / 1e9;
    }

    private double gflop(long done) {
      return (plan.preparation().flops() + done * plan.flopsPerIteration()) / 1e9;
    }

    private void evaluate(RunLog log, TensorBoardWriter board, long done) throws IOException {
      evaluations.evaluate(steps, session, done, done * imagesPerIteration(), gflop(done), trainingSeconds(), log,
          board, this::state);
    }

    /** Runs every phase of one iteration; returns a failure message when a scalar is not finite. */
    private String runIteration(BatchPrefetcher prefetch, long it) throws IOException {
      Batch batch = null;
      int k = 0;
      for (Phase phase : gg.phases()) {
        for (int s = 0; s < phase.steps(); s++, k++) {
          if (phase.drawsBatch() || batch == null) {
            try {
              batch = prefetch.next();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException("interrupted while waiting for a batch", e);
            }
          }
          boolean trace = provenance == null;
          var values = steps.run(phase, batch, it, k, trace);
          if (trace) {
            checkPrecision();
            provenance = capture(steps.traced() == null ? List.of() : ComputeDevice.used(steps.traced()));
          }
          scalars.putAll(values);
          for (var e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
              return "diverged at iteration " + (it + 1) + ", phase " + phase.name() + " step " + (s + 1)
                  + ": " + values;
            }
          }
        }
      }
      return null;
    }

    private Provenance capture(List<String> devices) {
      SortedMap<String, String> config = identity;
      if (rewrite != null) {
        // What TensorFlow really ran, beside what was asked for: provenance, not identity.
        config = new java.util.TreeMap<>(identity);
        config.put("precision_rewrite", rewrite);
      }
      return Provenance.capture(spec.model(), config, spec.seed(), data.id().name(), data.id().contentHash(), devices);
    }

    /**
     * Below float32, the first step's graphs must hold ops in the 16-bit type: a pass that did not
     * apply (e.g. TensorFlow's oneDNN operations off) stops the run instead of training in float32
     * under a bf16 label.
     */
    private void checkPrecision() {
      if (cfg.precision() == Precision.FP32) {
        return;
      }
      if (steps.traced() == null) {
        throw new IllegalStateException("no trace of the first step to check precision " + cfg.precision() + " with");
      }
      var observed = MixedPrecision.observed(steps.traced(), cfg.precision());
      try {
        MixedPrecision.require(observed, cfg.device());
      } catch (UserError e) {
        throw new IllegalStateException("cannot train " + cfg.runDir() + ": " + e.getMessage(), e);
      }
      rewrite = observed.describe();
      LOG.log(System.Logger.Level.INFO, spec.model() + ": " + rewrite);
    }

    private void logLine(RunLog log, TensorBoardWriter board, long done, int epoch, long iterations,
        double seconds, BatchPrefetcher prefetch) throws IOException {
      var line = new LinkedHashMap<String, Object>();
      line.put("iteration", done);
      line.put("epoch", epoch + 1);
      line.putAll(scalars);
      line.put("ms_per_iteration", 1000 * seconds / iterations);
      line.put("images_per_s", iterations * imagesPerIteration() / seconds);
      line.put("data_wait_s", prefetch.waitNanos() / 1e9);
      log.write(line);
      for (var e : scalars.entrySet()) {
        board.scalar(e.getKey(), done, e.getValue().floatValue());
      }
      board.scalar("perf/images_per_s", done, (float) (iterations * imagesPerIteration() / seconds));
      board.flush();
    }

    private void writeSamples(TensorBoardWriter board, long done) throws IOException {
      int count = 64;
      byte[] pixels = steps.samples(count);
      var s = spec.shape();
      board.images("samples", done, pixels, count, s.height(), s.width(), s.channels());
      SampleGrids.write(cfg.runDir().resolve("samples"), done, pixels, count, s);
    }

    /** The checkpoint state after {@code done} iterations (before the first step, provenance without devices). */
    private CheckpointState state(long done) {
      int epoch = (int) (done / perEpoch);
      int inEpoch = (int) (done % perEpoch);
      return new CheckpointState(CheckpointState.FORMAT, done, epoch, inEpoch, inEpoch * perIteration,
          spec.seed(), identity, scalars, provenance != null ? provenance : capture(List.of()),
          plan.flopsPerIteration(), trainingSeconds(), evaluations.all(), evaluations.bestFid());
    }

    private void save(long done) throws IOException {
      lastCheckpoint = Optional.of(checkpoints.save(session, state(done)));
    }

    private TrainResult result(TrainResult.Status st, long iterations, String message, BatchPrefetcher prefetch)
        throws IOException {
      if (lastCheckpoint.isEmpty()) {
        lastCheckpoint = checkpoints.latest();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long images = (iterations - first) * imagesPerIteration();
      Map<String, Long> parameters = new LinkedHashMap<>();
      gg.networks().forEach(n -> parameters.put(n.name(), n.parameterCount()));
      return new TrainResult(st, iterations, (int) (iterations / perEpoch), message, scalars, lastCheckpoint,
          seconds, prefetch.waitNanos() / 1e9, images, parameters, plan.flopsPerIteration(), imagesPerIteration(),
          plan.preparation(), trainingSeconds(), evaluations.bestCheckpoint(), evaluations.all());
    }

    private ProgressBar progressBar() {
      return new ProgressBarBuilder()
          .setTaskName(spec.model())
          .setInitialMax(total)
          .startsFrom(first, java.time.Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" it", 1)
          .showSpeed()
          .build();
    }
  }
}
