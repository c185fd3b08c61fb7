package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.testing.GraphRunner;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A graph, a session and helpers for layer tests: feeding, setting weights, finite differences. */
final class LayerTestSupport implements AutoCloseable {

  final Graph graph = new Graph();
  final Ops tf = Ops.create(graph);
  final Network net = new Network(tf, "net", 3, Init.GLOROT_UNIFORM);
  private Session session;

  Placeholder<TFloat32> input(long... shape) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
  }

  Session session() {
    if (session == null) {
      session = ComputeDevice.AUTO.session(graph, 1, 1);
      session.initialize();
    }
    return session;
  }

  void set(Variable<TFloat32> v, float... values) {
    var op = tf.assign(v, tf.constant(v.shape(), DataBuffers.of(values)));
    session().runner().addTarget(op).run();
  }

  float[] run(Operand<TFloat32> y, Placeholder<TFloat32> x, float[] xv) {
    try (var t = TFloat32.tensorOf(x.shape(), DataBuffers.of(xv));
        Result r = session().runner().feed(x, t).fetch(y).run()) {
      return GraphRunner.values((TFloat32) r.get(0));
    }
  }

  static float[] random(int n, long seed) {
    var rng = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }

  /**
   * Checks d(sum(y * r))/dx from {@link Graph#addGradients} against central differences with step
   * 1e-2 (float32), on every element of x; tolerance 2e-3 absolute plus 2e-2 relative.
   */
  void checkInputGradient(Operand<TFloat32> y, Placeholder<TFloat32> x, float[] x0) {
    int ny = (int) y.shape().size();
    Operand<TFloat32> r = tf.constant(y.shape(), DataBuffers.of(random(ny, 99)));
    Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(y, r), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    Output<?>[] g = graph.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()});
    @SuppressWarnings("unchecked")
    float[] analytic = run((Operand<TFloat32>) g[0], x, x0);
    float h = 1e-2f;
    for (int i = 0; i < x0.length; i++) {
      float[] p = x0.clone();
      p[i] += h;
      float[] m = x0.clone();
      m[i] -= h;
      double numeric = (run(loss, x, p)[0] - run(loss, x, m)[0]) / (2.0 * h);
      assertEquals(numeric, analytic[i], 2e-3 + 2e-2 * Math.abs(numeric), "d loss / d x[" + i + "]");
    }
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    graph.close();
  }
}
