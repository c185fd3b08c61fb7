package org.gansuite.core.testing;

import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Test helper: fetches float tensors from a session as flat arrays. */
public final class GraphRunner {

  private GraphRunner() {}

  public static float[] fetch(Session s, Operand<TFloat32> x) {
    try (Result r = s.runner().fetch(x).run()) {
      return values((TFloat32) r.get(0));
    }
  }

  public static float[] values(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}
