package org.gansuite.baselines.wgan;

import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.graph.Network;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * WGAN's Lipschitz constraint (Arjovsky et al. 2017, Algorithm 1, line 7): after each critic
 * update, every critic parameter is clipped to [-c, c].
 */
public final class WeightClipping {

  private WeightClipping() {}

  /**
   * The critic step followed by the clip of each of {@code critic}'s parameters (batch-norm scale
   * and offset included, as the reference implementation clips all of them; moving statistics
   * are not parameters). The clips read the variables under a control dependency on the step, so
   * they see its result in the same session run; the returned op completes when all have run.
   */
  public static Op after(Ops tf, Op criticStep, Network critic, float c) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("clip bound must be positive, got " + c);
    }
    Ops afterStep = tf.withSubScope("clip").withControlDependencies(List.of(criticStep));
    List<Op> clips = new ArrayList<>();
    for (var v : critic.trainableVariables()) {
      clips.add(afterStep.assign(v, afterStep.clipByValue(v, afterStep.constant(-c), afterStep.constant(c))));
    }
    return tf.withSubScope("clip").withName("step").withControlDependencies(clips).noOp();
  }
}
