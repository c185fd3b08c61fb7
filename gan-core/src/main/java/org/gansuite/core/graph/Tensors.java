package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TUint8;

/**
 * Java arrays in and out of TF tensors, and the common session call that feeds one float batch and
 * fetches float outputs: the one place that copies values across (trainer, sampler, auto-encoder,
 * metric graphs). Tensors returned are the caller's to close.
 */
public final class Tensors {

  private Tensors() {}

  public static TFloat32 float32(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  public static TFloat64 float64(double[] values, long... shape) {
    return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  public static TUint8 uint8(byte[] values, long... shape) {
    return TUint8.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** All values of a float32 tensor, row-major. */
  public static float[] floats(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[Math.toIntExact(t.size())];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** All values of a float64 tensor, row-major. */
  public static double[] doubles(Tensor tensor) {
    TFloat64 t = (TFloat64) tensor;
    double[] out = new double[Math.toIntExact(t.size())];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** The value of a float64 scalar. */
  public static double scalar(Tensor tensor) {
    return ((TFloat64) tensor).getDouble();
  }

  /**
   * Feeds {@code values} (of {@code shape}) to {@code input}, runs, and returns the values of each
   * float32 output in order.
   */
  @SafeVarargs
  public static float[][] run(Session session, Operand<TFloat32> input, float[] values, long[] shape,
      Operand<TFloat32>... outputs) {
    try (var in = float32(values, shape)) {
      var runner = session.runner().feed(input, in);
      for (var o : outputs) {
        runner.fetch(o);
      }
      try (Result r = runner.run()) {
        float[][] out = new float[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
          out[i] = floats(r.get(i));
        }
        return out;
      }
    }
  }

  /** The values of variables or other operands that need no feed. */
  public static float[] fetch(Session session, Operand<TFloat32> output) {
    try (Result r = session.runner().fetch(output).run()) {
      return floats(r.get(0));
    }
  }
}
