package org.gansuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.Pixels;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.PreparedModel;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Draws images from a trained generator: rebuilds the model's graph (its preparation is reused,
 * being idempotent), restores a checkpoint, and runs the inference-mode sampling op on z drawn
 * from a seed, batch by batch. Images are mapped to 8 bits as PROTOCOL.md says.
 */
public final class Sampler implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final GanGraph gg;
  private final ModelSpec spec;

  public Sampler(GanModelProvider<?> provider, ModelSpec spec, ImageDataset data, TrainConfig cfg, Path checkpoint)
      throws IOException {
    this.spec = spec;
    PreparedModel prepared = PreparedModel.prepare(provider, spec, cfg.prepareContext(data));
    // In the run's precision (a float16 run's loss scales, saved in its checkpoints, are not needed to sample).
    this.session = cfg.device().session(graph, cfg.intraOpThreads(), cfg.interOpThreads(), cfg.precision());
    Ops tf = cfg.device().ops(graph);
    this.gg = prepared.build(tf);
    Checkpoints.restore(session, checkpoint);
  }

  /** {@code count} images (8-bit NHWC, image after image) from z ~ U[-1, 1] drawn with {@code seed}. */
  public byte[] sample(int count, long seed, int batch) {
    return sample(session, gg, spec, count, seed, batch);
  }

  /** {@code count} images of a built graph's generator from z ~ U[-1, 1] drawn with {@code seed}, batch by batch. */
  static byte[] sample(Session session, GanGraph gg, ModelSpec spec, int count, long seed, int batch) {
    int pixels = spec.shape().pixels();
    int zDim = spec.zDim();
    byte[] out = new byte[count * pixels];
    for (int first = 0; first < count; first += batch) {
      int n = Math.min(batch, count - first);
      byte[] images = draw(session, gg, Randomness.uniformZ(n, zDim, seed, first, -1), n, zDim);
      System.arraycopy(images, 0, out, first * pixels, images.length);
    }
    return out;
  }

  /** Runs the sampling op on {@code n} given z vectors; 8-bit NHWC images. */
  static byte[] draw(Session session, GanGraph gg, float[] z, int n, int zDim) {
    float[] values = Tensors.run(session, gg.inputs().z(), z, new long[] {n, zDim}, gg.samples())[0];
    byte[] out = new byte[values.length];
    Pixels.toByte(values, 0, out, 0, values.length);
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
