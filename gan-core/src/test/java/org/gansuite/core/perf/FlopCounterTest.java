package org.gansuite.core.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gansuite.core.graph.Conv2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Updates;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class FlopCounterTest {

  /**
   * conv 5x5, 2 -> 3 channels, stride 2 on 4x4: output 2x2x3, 2 * 2*2*3 * 5*5*2 = 1,200 FLOPs per
   * image; dense 12 -> 4: 2 * 12 * 4 = 96. A step on both networks' weights adds the filter
   * gradient (1,200), the dense weight gradient (96) and the dense input gradient (96), but no
   * gradient for the placeholder input: 2,688 per image.
   */
  @Test
  void countsForwardAndBackwardMatrixWork() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var net = new Network(tf, "n", 1, Init.GLOROT_UNIFORM);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4, 4, 2)));
      var conv = new Conv2d(net, 5, 2, 3, 2, true, false);
      var dense = new Dense(net, 12, 4);
      var y = dense.apply(tf.reshape(conv.apply(x, Pass.training()), tf.constant(new long[] {-1, 12})), Pass.training());
      var loss = tf.reduceSum(y, tf.constant(new int[] {0, 1}));
      var step = Updates.minimize(tf, OptimizerSpec.adam(1e-3, 0.5, 0.9), "opt", loss, net, List.of());
      try (var session = new org.tensorflow.Session(g);
          var in = TFloat32.tensorOf(Shape.of(3, 4, 4, 2))) {
        session.initialize();
        assertEquals(3 * 2688L, FlopCounter.count(g, session, step, r -> r.feed(x, in)));
      }
    }
  }
}
