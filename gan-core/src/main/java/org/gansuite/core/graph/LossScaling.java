package org.gansuite.core.graph;

import java.nio.ByteOrder;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.TensorProto;

/**
 * Dynamic loss scaling (Micikevicius et al. 2018, "Mixed Precision Training"; the schedule of
 * Keras' {@code LossScaleOptimizer}) for float16 training: each optimizer step multiplies its loss
 * by a scale, so that small gradients survive float16's range, divides the gradients by it in
 * float32, and applies them only when every one is finite. A step with an infinite or NaN gradient
 * changes no weight, slot or Adam beta power and halves the scale (to no less than 1); after
 * {@code growthInterval} finite steps in a row the scale doubles (to at most 2^24). Scales are
 * powers of two, so scaling and unscaling are exact: a finite step equals the unscaled one.
 *
 * <p>A graph asks for it once, before its model is built ({@link #install}); every optimizer of
 * {@link Updates} built in that graph then keeps a scale of its own (a variable {@code loss_scale}
 * and a count {@code loss_scale_good_steps} under its scope, saved with checkpoints). Models need
 * not know: they build their steps with {@link Updates} as always.
 *
 * @param initialScale the first scale, a power of two
 * @param growthInterval finite steps in a row after which the scale doubles
 */
public record LossScaling(float initialScale, int growthInterval) {

  /** Keras' defaults: 2^15, doubled after 2,000 finite steps. */
  public static final LossScaling DEFAULT = new LossScaling(32768f, 2000);
  /** The largest scale: growth stops here. */
  public static final float MAX_SCALE = 16_777_216f;
  /** Name of the graph's marker, a constant holding {@code [initialScale, growthInterval]}. */
  static final String MARKER = "mixed_precision/loss_scaling";

  public LossScaling {
    if (!(initialScale >= 1) || initialScale > MAX_SCALE
        || initialScale != Math.scalb(1f, Math.getExponent(initialScale))) {
      throw new IllegalArgumentException("the initial loss scale must be a power of two in [1, 2^24], got "
          + initialScale);
    }
    if (growthInterval < 1) {
      throw new IllegalArgumentException("the growth interval must be at least 1, got " + growthInterval);
    }
  }

  /** Marks {@code tf}'s graph: every optimizer built in it afterwards scales its loss. */
  public void install(Ops tf) {
    if (of((Graph) tf.scope().env()).isPresent()) {
      throw new IllegalStateException("loss scaling is already installed in this graph");
    }
    // Root ops: the marker's name must not carry the caller's scope.
    Ops.create(tf.scope().env()).withSubScope("mixed_precision").withName("loss_scaling")
        .constant(new float[] {initialScale, growthInterval});
  }

  /** The loss scaling installed in {@code graph}, if any. */
  public static Optional<LossScaling> of(Graph graph) {
    GraphOperation op = graph.operation(MARKER);
    if (op == null) {
      return Optional.empty();
    }
    TensorProto t = op.attributes().getAttrValueProto("value").getTensor();
    float[] v = new float[2];
    if (t.getFloatValCount() == 2) {
      v[0] = t.getFloatVal(0);
      v[1] = t.getFloatVal(1);
    } else {
      var bytes = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      bytes.get(v);
    }
    return Optional.of(new LossScaling(v[0], Math.round(v[1])));
  }
}
