package org.gansuite.core.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The values the trainer feeds every step: a batch of real images in [-1, 1] (NHWC), a batch of z
 * drawn uniformly from [-1, 1], and a two-word seed for in-graph stateless randomness (e.g. the
 * interpolation weights of a gradient penalty), so that a resumed run repeats its random draws.
 */
public record GanInputs(Placeholder<TFloat32> real, Placeholder<TFloat32> z, Placeholder<TInt64> seed) {

  public static GanInputs create(Ops tf, ModelSpec spec) {
    var s = spec.shape();
    return new GanInputs(
        tf.withName("real").placeholder(TFloat32.class,
            Placeholder.shape(Shape.of(-1, s.height(), s.width(), s.channels()))),
        tf.withName("z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.zDim()))),
        tf.withName("step_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2))));
  }
}
