package org.gansuite.metrics.impl;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TUint8;

/** Small tensor helpers shared by the metric graphs (not part of the public API). */
public final class Tf {

  private Tf() {}

  public static TFloat64 float64(double[] values, long... shape) {
    return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  public static TFloat32 float32(float[] values, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  public static TUint8 uint8(byte[] values, long... shape) {
    return TUint8.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** All values of a float64 tensor, row-major. */
  public static double[] doubles(Tensor tensor) {
    TFloat64 t = (TFloat64) tensor;
    double[] out = new double[Math.toIntExact(t.size())];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** All values of a float32 tensor, row-major. */
  public static float[] floats(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[Math.toIntExact(t.size())];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  public static double scalar(Tensor tensor) {
    return ((TFloat64) tensor).getDouble();
  }
}
