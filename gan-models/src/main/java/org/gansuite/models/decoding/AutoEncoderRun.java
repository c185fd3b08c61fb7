package org.gansuite.models.decoding;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.PrepareContext;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;

/**
 * The auto-encoder pre-training run of a decoding-constrained GAN run (doi 10.16383/j.aas.c190496),
 * in {@code <run>/autoencoder}: trained, resumed or reused through gan-core's trainer, so a finished
 * pre-training is never repeated.
 */
public final class AutoEncoderRun {

  private final ModelSpec spec;
  private final TrainConfig config;

  private AutoEncoderRun(ModelSpec spec, TrainConfig config) {
    this.spec = spec;
    this.config = config;
  }

  /** The pre-training that belongs to a GAN run: same shape, z size, batch and seed. */
  public static AutoEncoderRun of(ModelSpec gan, PrepareContext ganRun, AutoEncoderConfig ae) {
    var spec = new ModelSpec(AutoEncoderProvider.NAME, gan.shape(), gan.zDim(), gan.batchSize(), gan.seed(),
        ae.runHyperParameters());
    var cadence = ganRun.cadence();
    var cfg = TrainConfig.builder(ganRun.runDir().resolve("autoencoder"))
        .setEpochs(ae.epochs())
        .optMaxIterations(ae.maxIterations())
        .optCheckpointEvery(cadence.checkpointEvery())
        .optKeepCheckpoints(cadence.keepCheckpoints())
        .optLogEvery(cadence.logEvery())
        .optSampleEvery(cadence.sampleEvery())
        .optDevice(ganRun.device())
        .optThreads(ganRun.intraOpThreads(), ganRun.interOpThreads())
        .optProgress(ganRun.progress())
        .build();
    return new AutoEncoderRun(spec, cfg);
  }

  public ModelSpec spec() {
    return spec;
  }

  public Path dir() {
    return config.runDir();
  }

  /**
   * Trains to the end of the budget (a finished run only rebuilds its graph and returns) and
   * returns the final checkpoint; fails, naming the run, if training diverged.
   */
  public Path train(ImageDataset data) throws IOException {
    TrainResult r = new Trainer(new AutoEncoderProvider(), spec, data, config).train();
    if (r.status() != TrainResult.Status.COMPLETED) {
      throw new IllegalStateException("auto-encoder pre-training in " + dir() + " failed: " + r.message());
    }
    return new Checkpoints(dir().resolve("checkpoints"), config.keepCheckpoints()).latest()
        .orElseThrow(() -> new IllegalStateException("auto-encoder run " + dir() + " finished without a checkpoint"));
  }

  /**
   * A checkpoint's identity: SHA-256 over the names and bytes of its variable files (not its
   * folder name or sidecar), so equal weights give equal ids and any other weights differ.
   */
  public static String checkpointId(Path checkpoint) throws IOException {
    return Checkpoints.contentHash(checkpoint);
  }
}
