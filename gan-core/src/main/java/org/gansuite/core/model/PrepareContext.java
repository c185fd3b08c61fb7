package org.gansuite.core.model;

import java.nio.file.Path;
import java.util.Objects;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.Precision;

/**
 * What a model's {@link GanModelProvider#prepare preparation} may use: the run folder it keeps its
 * products under, the training data, where and how to compute, and the cadence of the logs and
 * checkpoints of any training it runs itself (e.g. an auto-encoder pre-training).
 *
 * @param runDir folder of the run; preparation products live below it
 * @param data the training data set
 * @param device where TensorFlow runs the preparation
 * @param intraOpThreads TF intra-op threads (0: TF's default)
 * @param interOpThreads TF inter-op threads (0: TF's default)
 * @param progress whether to draw progress bars on stderr
 * @param cadence checkpoint, log and sample intervals of a training run inside preparation
 * @param precision the arithmetic of a training run inside preparation, the run's own
 */
public record PrepareContext(Path runDir, ImageDataset data, ComputeDevice device, int intraOpThreads, int interOpThreads,
    boolean progress, Cadence cadence, Precision precision) {

  /**
   * Intervals in iterations, as the run's own training config has them.
   *
   * @param checkpointEvery between checkpoints (0: only at epoch ends and at the end)
   * @param keepCheckpoints newest checkpoints kept
   * @param logEvery between log lines
   * @param sampleEvery between sample grids (0: only at the end)
   */
  public record Cadence(int checkpointEvery, int keepCheckpoints, int logEvery, int sampleEvery) {
    public Cadence {
      if (checkpointEvery < 0 || sampleEvery < 0 || keepCheckpoints <= 0 || logEvery <= 0) {
        throw new IllegalArgumentException("intervals must not be negative, keep and log counts positive");
      }
    }
  }

  public PrepareContext {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(precision, "precision");
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("thread counts must not be negative");
    }
  }
}
