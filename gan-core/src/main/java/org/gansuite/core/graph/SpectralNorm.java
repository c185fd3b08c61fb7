package org.gansuite.core.graph;

import java.util.IdentityHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Spectral normalisation (Miyato et al. 2018): W / sigma(W), with sigma estimated by power
 * iteration on W reshaped to [-1, out] and a persistent left vector u (state, not a parameter). A
 * training pass runs one iteration and records u's update; an inference pass uses the stored u.
 */
public final class SpectralNorm {

  private final Network net;
  private final Variable<TFloat32> weight;
  private final Variable<TFloat32> u;
  private final long out;
  /** The normalised weight and its sigma, built once per pass and shared by its applications. */
  private record Normalised(Operand<TFloat32> weight, Operand<TFloat32> sigma) {}

  private final Map<Pass, Normalised> perPass = new IdentityHashMap<>();

  public SpectralNorm(Network net, String layer, Variable<TFloat32> weight) {
    this.net = net;
    this.weight = weight;
    Shape s = weight.shape();
    this.out = s.get(s.numDimensions() - 1);
    this.u = net.variable(layer, "sn_u", Shape.of(1, out), Init.NORMAL_002, false);
  }

  /** The normalised weight for this pass (built once per pass, shared by its applications). */
  public Operand<TFloat32> weight(Pass pass) {
    return perPass.computeIfAbsent(pass, this::build).weight();
  }

  /** Estimated largest singular value for the given pass. */
  public Operand<TFloat32> sigma(Pass pass) {
    return perPass.computeIfAbsent(pass, this::build).sigma();
  }

  private Normalised build(Pass pass) {
    Ops tf = net.tf();
    var w = tf.reshape(weight, tf.constant(new long[] {-1, out}));
    var v = normalize(tf, tf.linalg.matMul(u, w, MatMul.transposeB(true)));
    Operand<TFloat32> uNext = pass.isTraining() ? normalize(tf, tf.linalg.matMul(v, w)) : u;
    if (pass.isTraining()) {
      pass.addUpdate(tf.assign(u, uNext));
    }
    var vStop = tf.stopGradient(v);
    var uStop = tf.stopGradient(uNext);
    Operand<TFloat32> sigma = tf.reshape(
        tf.linalg.matMul(tf.linalg.matMul(vStop, w), uStop, MatMul.transposeB(true)), tf.constant(new long[0]));
    return new Normalised(tf.math.div(weight, sigma), sigma);
  }

  private static Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x) {
    var sumSq = tf.math.maximum(tf.reduceSum(tf.math.square(x), tf.constant(new int[] {0, 1})), tf.constant(1e-12f));
    return tf.math.mul(x, tf.math.rsqrt(sumSq));
  }
}
