package org.gansuite.models.decoding;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.Pixels;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.Checkpoints;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A pre-trained U-Net auto-encoder of the decoding-constrained GAN (doi 10.16383/j.aas.c190496),
 * restored from its checkpoint in inference mode (batch norm on moving averages): the features
 * f(x) of a data set, reconstructions with skips (the paper's Table 1), and its variable values
 * (to start the GAN from them).
 */
public final class AutoEncoderSession implements AutoCloseable {

  /** Images per forward pass; results do not depend on it (inference mode). */
  private static final int CHUNK = 256;

  private final Graph graph = new Graph();
  private final Session session;
  private final ModelSpec spec;
  private final ProposedNetworks nets;
  private final Placeholder<TFloat32> input;
  private final Operand<TFloat32> feature;
  private final Operand<TFloat32> reconstruction;

  /** Receives one training image and its reconstruction, both 8-bit HWC. */
  @FunctionalInterface
  public interface PairSink {
    void accept(int index, byte[] original, byte[] reconstructed);
  }

  public AutoEncoderSession(ModelSpec aeSpec, Path checkpoint, ComputeDevice device, int intraOpThreads,
      int interOpThreads) {
    this.spec = aeSpec;
    this.session = device.session(graph, intraOpThreads, interOpThreads);
    Ops tf = device.ops(graph);
    var ae = AutoEncoderConfig.ofRun(aeSpec.hyper());
    this.nets = ProposedNetworks.forAutoEncoder(tf, aeSpec, ae);
    var s = aeSpec.shape();
    this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.height(), s.width(), s.channels())));
    var encoded = nets.autoEncoder().encode(input, Pass.inference());
    this.feature = encoded.feature();
    this.reconstruction = nets.generator().apply(encoded.feature(), Pass.inference(), encoded.stages());
    Checkpoints.restore(session, checkpoint);
  }

  /** f(x) of every image of {@code data}, in index order. */
  public Features features(ImageDataset data) {
    int dim = spec.zDim();
    float[] out = new float[data.size() * dim];
    forEachChunk(data, (first, n, pixels) -> {
      float[] f = run(feature, pixels, n);
      System.arraycopy(f, 0, out, first * dim, n * dim);
    });
    return new Features(data.size(), dim, out);
  }

  /** Every image with its U-Net reconstruction (with skips), both mapped to 8 bits. */
  public void reconstructions(ImageDataset data, PairSink sink) {
    int px = data.shape().pixels();
    byte[] original = new byte[px];
    byte[] rebuilt = new byte[px];
    forEachChunk(data, (first, n, pixels) -> {
      float[] r = run(reconstruction, pixels, n);
      for (int i = 0; i < n; i++) {
        Pixels.toByte(pixels, i * px, original, 0, px);
        Pixels.toByte(r, i * px, rebuilt, 0, px);
        sink.accept(first + i, original, rebuilt);
      }
    });
  }

  /** Values of every variable of the auto-encoder's networks (parameters and moving averages). */
  public Map<String, float[]> weights() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Network n : nets.all()) {
      for (var v : n.trainableVariables()) {
        out.put(v.op().name(), fetch(v));
      }
      for (var v : n.stateVariables()) {
        out.put(v.op().name(), fetch(v));
      }
    }
    return out;
  }

  private float[] fetch(Operand<TFloat32> v) {
    return Tensors.fetch(session, v);
  }

  private float[] run(Operand<TFloat32> out, float[] pixels, int n) {
    ImageShape s = spec.shape();
    return Tensors.run(session, input, pixels, new long[] {n, s.height(), s.width(), s.channels()}, out)[0];
  }

  private interface Chunk {
    void accept(int first, int count, float[] pixels);
  }

  /** Feeds the data set in chunks of images mapped to [-1, 1]. */
  private static void forEachChunk(ImageDataset data, Chunk chunk) {
    int px = data.shape().pixels();
    byte[] raw = new byte[px];
    for (int first = 0; first < data.size(); first += CHUNK) {
      int n = Math.min(CHUNK, data.size() - first);
      float[] pixels = new float[n * px];
      for (int i = 0; i < n; i++) {
        data.read(first + i, raw, 0);
        Pixels.toUnit(raw, 0, pixels, i * px, px);
      }
      chunk.accept(first, n, pixels);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
