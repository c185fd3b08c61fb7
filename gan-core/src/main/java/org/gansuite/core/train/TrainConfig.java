package org.gansuite.core.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.Precision;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.PrepareContext;

/**
 * How a run is trained (not what is trained, which is the {@link org.gansuite.core.model.ModelSpec}).
 *
 * @param runDir folder of the run: checkpoints, logs, samples, TensorBoard events
 * @param epochs passes over the data set
 * @param maxIterations stop after this many iterations in all (0: no limit besides epochs)
 * @param maxImages stop once this many real images were drawn, in whole iterations, the
 *     preparation's included (0: no limit); a budget that treats models with several critic steps
 *     per iteration alike
 * @param checkpointEvery iterations between checkpoints (0: only at epoch ends and at the end)
 * @param checkpointMinutes wall-clock minutes after which the next iteration also checkpoints (0: never
 *     by time), so a run whose iteration cadence is too sparse for its length still loses little to a kill
 * @param keepCheckpoints how many of the newest checkpoints to keep
 * @param logEvery iterations between log lines (JSON lines, TensorBoard scalars)
 * @param sampleEvery iterations between fixed-z sample grids (0: only at the end)
 * @param device where the model's ops run (default {@link ComputeDevice#AUTO})
 * @param intraOpThreads TF intra-op threads (0: TF's default)
 * @param interOpThreads TF inter-op threads (0: TF's default)
 * @param progressMode how progress is shown on stderr ({@link Progress#AUTO}: a bar on a terminal, lines otherwise)
 * @param maxFlops training budget in counted FLOPs ({@link org.gansuite.core.perf.FlopCounter}), the
 *     preparation's included (0: none); turned into a whole number of iterations, at least 1
 * @param evaluator scores samples at iteration 0, every {@code evaluateEvery} iterations and at the end
 * @param evaluateEvery iterations between evaluations (0: see {@code evaluatePoints})
 * @param evaluatePoints with {@code evaluateEvery} 0: evaluations evenly spread over the run, about this many
 *     besides the one at iteration 0 (0: only at iteration 0 and at the end)
 * @param precision the arithmetic of the training graph (default {@link Precision#FP32}; see there)
 */
public record TrainConfig(Path runDir, int epochs, long maxIterations, long maxImages, int checkpointEvery,
    double checkpointMinutes, int keepCheckpoints,
    int logEvery, int sampleEvery, ComputeDevice device, int intraOpThreads, int interOpThreads, Progress progressMode,
    long maxFlops, Optional<PeriodicEvaluator> evaluator, long evaluateEvery, int evaluatePoints,
    Precision precision) {

  public TrainConfig {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(progressMode, "progressMode");
    Objects.requireNonNull(evaluator, "evaluator");
    if (maxFlops < 0 || evaluateEvery < 0 || evaluatePoints < 0) {
      throw new UserError("the FLOP budget and the evaluation interval and points must not be negative");
    }
    if (epochs <= 0) {
      throw new UserError("epochs must be positive, got " + epochs);
    }
    nonNegative("maxIterations", maxIterations);
    nonNegative("maxImages", maxImages);
    nonNegative("checkpointEvery", checkpointEvery);
    nonNegative("sampleEvery", sampleEvery);
    nonNegative("intraOpThreads", intraOpThreads);
    nonNegative("interOpThreads", interOpThreads);
    if (!(checkpointMinutes >= 0)) {
      throw new UserError("checkpointMinutes must not be negative, got " + checkpointMinutes);
    }
    if (keepCheckpoints <= 0 || logEvery <= 0) {
      throw new UserError("keepCheckpoints and logEvery must be positive");
    }
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new UserError(name + " must not be negative, got " + value);
    }
  }

  /** Whether any progress is shown. */
  public boolean progress() {
    return progressMode != Progress.NONE;
  }

  /** What a model's preparation may use of this run: its folder, the data, the device and the cadence. */
  public PrepareContext prepareContext(ImageDataset data) {
    return new PrepareContext(runDir, data, device, intraOpThreads, interOpThreads, progress(),
        new PrepareContext.Cadence(checkpointEvery, keepCheckpoints, logEvery, sampleEvery), precision);
  }

  /**
   * Minutes between checkpoints by time: a kill loses at most this much work, while a checkpoint
   * (under a second for the paper's networks) costs well under 1% of it.
   */
  public static final double DEFAULT_CHECKPOINT_MINUTES = 2;

  public static Builder builder(Path runDir) {
    return new Builder(runDir);
  }

  /**
   * Builder with the defaults: 1 epoch, checkpoints every 500 iterations or
   * {@value #DEFAULT_CHECKPOINT_MINUTES} minutes (whichever comes first) keeping 3, log every 50.
   */
  public static final class Builder {
    private final Path runDir;
    private int epochs = 1;
    private long maxIterations;
    private long maxImages;
    private int checkpointEvery = 500;
    private double checkpointMinutes = DEFAULT_CHECKPOINT_MINUTES;
    private int keepCheckpoints = 3;
    private int logEvery = 50;
    private int sampleEvery = 500;
    private ComputeDevice device = ComputeDevice.AUTO;
    private int intraOpThreads;
    private int interOpThreads;
    private Progress progress = Progress.AUTO;
    private long maxFlops;
    private PeriodicEvaluator evaluator;
    private long evaluateEvery;
    private int evaluatePoints;
    private Precision precision = Precision.FP32;

    private Builder(Path runDir) {
      this.runDir = runDir;
    }

    public Builder setEpochs(int v) { epochs = v; return this; }
    public Builder optMaxIterations(long v) { maxIterations = v; return this; }
    public Builder optMaxImages(long v) { maxImages = v; return this; }
    public Builder optCheckpointEvery(int v) { checkpointEvery = v; return this; }
    /** Wall-clock minutes after which the next iteration checkpoints too (0: by iterations only). */
    public Builder optCheckpointMinutes(double v) { checkpointMinutes = v; return this; }
    public Builder optKeepCheckpoints(int v) { keepCheckpoints = v; return this; }
    public Builder optLogEvery(int v) { logEvery = v; return this; }
    public Builder optSampleEvery(int v) { sampleEvery = v; return this; }
    public Builder optDevice(ComputeDevice v) { device = v; return this; }
    public Builder optThreads(int intra, int inter) { intraOpThreads = intra; interOpThreads = inter; return this; }
    /** {@code true}: {@link Progress#AUTO} (a bar on a terminal, lines otherwise); {@code false}: none. */
    public Builder optProgress(boolean v) { progress = v ? Progress.AUTO : Progress.NONE; return this; }
    public Builder optProgress(Progress v) { progress = Objects.requireNonNull(v, "progress"); return this; }
    /** The arithmetic of the training graph (default {@link Precision#FP32}). */
    public Builder optPrecision(Precision v) { precision = Objects.requireNonNull(v, "precision"); return this; }
    /** Training budget in counted FLOPs, the preparation's included (0: none). */
    public Builder optMaxFlops(long v) { maxFlops = v; return this; }

    /** Scores samples at iteration 0, every {@code every} iterations (0: never between) and at the end. */
    public Builder optEvaluation(PeriodicEvaluator v, long every) {
      evaluator = Objects.requireNonNull(v, "evaluator");
      evaluateEvery = every;
      return this;
    }

    /** Scores samples at iteration 0, at about {@code points} evenly spread iterations and at the end. */
    public Builder optEvaluationPoints(PeriodicEvaluator v, int points) {
      evaluator = Objects.requireNonNull(v, "evaluator");
      evaluatePoints = points;
      return this;
    }

    public TrainConfig build() {
      return new TrainConfig(runDir, epochs, maxIterations, maxImages, checkpointEvery, checkpointMinutes,
          keepCheckpoints, logEvery,
          sampleEvery, device, intraOpThreads, interOpThreads, progress, maxFlops, Optional.ofNullable(evaluator),
          evaluateEvery, evaluatePoints, precision);
    }
  }
}
