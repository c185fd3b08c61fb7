package org.gansuite.models.decoding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.ModelSpec;
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
  public static AutoEncoderRun of(ModelSpec gan, TrainConfig ganConfig, AutoEncoderConfig ae) {
    var spec = new ModelSpec(AutoEncoderProvider.NAME, gan.shape(), gan.zDim(), gan.batchSize(), gan.seed(),
        ae.runHyperParameters());
    var cfg = TrainConfig.builder(ganConfig.runDir().resolve("autoencoder"))
        .setEpochs(ae.epochs())
        .optMaxIterations(ae.maxIterations())
        .optCheckpointEvery(ganConfig.checkpointEvery())
        .optKeepCheckpoints(ganConfig.keepCheckpoints())
        .optLogEvery(ganConfig.logEvery())
        .optSampleEvery(ganConfig.sampleEvery())
        .optDevice(ganConfig.device())
        .optThreads(ganConfig.intraOpThreads(), ganConfig.interOpThreads())
        .optProgress(ganConfig.progress())
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
    MessageDigest md = sha256();
    List<Path> files;
    try (Stream<Path> s = Files.list(checkpoint)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("model.")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("checkpoint " + checkpoint + " holds no model.* variable files");
    }
    byte[] buffer = new byte[1 << 16];
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
        while (in.read(buffer) >= 0) {
          // the digest stream hashes what is read
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }
}
