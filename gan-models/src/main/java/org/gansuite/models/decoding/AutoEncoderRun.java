package org.gansuite.models.decoding;

import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.PreparationCost;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.PrepareContext;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;

/**
 * The auto-encoder pre-training run of a decoding-constrained GAN run (doi 10.16383/j.aas.c190496),
 * in {@code <run>/autoencoder}: trained, resumed or reused through gan-core's trainer, so a finished
 * pre-training is never repeated. Its cost (counted FLOPs of one iteration, by gan-core's trainer,
 * times the iterations trained; the real images drawn; the training seconds summed across
 * resumes) is kept in {@code <run>/autoencoder/cost.json}, so a rerun that reuses the finished
 * pre-training reports the cost of the work that made it.
 */
public final class AutoEncoderRun {

  /** The cost file inside the auto-encoder run folder. */
  public static final String COST_FILE = "cost.json";
  private static final ObjectMapper JSON = new ObjectMapper();

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
        .optPrecision(ganRun.precision())
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
    // The trainer reads a finished run's FLOPs and seconds back from its checkpoint: the same cost.
    PreparationCost cost = r.trainingCost();
    Path file = dir().resolve(COST_FILE);
    if (!cost.equals(storedCost(file))) {
      AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, cost));
    }
    return new Checkpoints(dir().resolve("checkpoints"), config.keepCheckpoints()).latest()
        .orElseThrow(() -> new IllegalStateException("auto-encoder run " + dir() + " finished without a checkpoint"));
  }

  /** What the pre-training cost, as {@link #train} stored it; an error naming the file before that. */
  public PreparationCost cost() throws IOException {
    Path file = dir().resolve(COST_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no auto-encoder cost " + file + ": the pre-training has not run");
    }
    return readCost(file);
  }

  /** The stored cost, or null if missing or unreadable (then it is written anew). */
  private static PreparationCost storedCost(Path file) {
    try {
      return Files.isRegularFile(file) ? readCost(file) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static PreparationCost readCost(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), PreparationCost.class);
    } catch (IOException e) {
      throw new IOException("unreadable auto-encoder cost " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A checkpoint's identity: SHA-256 over the names and bytes of its variable files (not its
   * folder name or sidecar), so equal weights give equal ids and any other weights differ.
   */
  public static String checkpointId(Path checkpoint) throws IOException {
    return Checkpoints.contentHash(checkpoint);
  }
}
