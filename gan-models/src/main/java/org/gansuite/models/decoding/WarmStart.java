package org.gansuite.models.decoding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gansuite.core.graph.Network;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Starts GAN training from the pre-trained auto-encoder: the generator is the auto-encoder's
 * decoder and, with a shared encoder, the discriminator's trunk is its encoder trunk (doi
 * 10.16383/j.aas.c190496: "the decoder has the generator's structure and shares its weights").
 * Each such variable gets a second initializer, ordered after its own, that assigns the
 * pre-trained value; a resume restores its checkpoint instead, as for any run.
 */
final class WarmStart {

  private WarmStart() {}

  /**
   * @param values pre-trained values by variable name; every one must name a variable of
   *     {@code nets} of the same size
   */
  static void apply(Ops tf, List<Network> nets, Map<String, float[]> values) {
    Map<String, Variable<TFloat32>> byName = new HashMap<>();
    for (Network n : nets) {
      n.trainableVariables().forEach(v -> byName.put(v.op().name(), v));
      n.stateVariables().forEach(v -> byName.put(v.op().name(), v));
    }
    Graph g = (Graph) tf.scope().env();
    for (var e : values.entrySet()) {
      Variable<TFloat32> v = byName.get(e.getKey());
      if (v == null) {
        throw new IllegalStateException("pre-trained variable " + e.getKey() + " has no counterpart in the GAN graph");
      }
      if (v.shape().size() != e.getValue().length) {
        throw new IllegalStateException("pre-trained variable " + e.getKey() + " has " + e.getValue().length
            + " values, the GAN's has shape " + v.shape());
      }
      // The init scope runs all initializers in one call: order after the variable's own one.
      Ops init = tf.withInitScope().withControlDependencyOps(List.of(initializer(g, v)));
      init.assign(v, init.constant(v.shape(), DataBuffers.of(e.getValue(), true, false)));
    }
  }

  private static GraphOperation initializer(Graph g, Variable<TFloat32> v) {
    var op = (GraphOperation) v.op();
    for (GraphOperation c : op.consumers(0)) {
      if (c.type().equals("Assign") && g.isInitializer(c)) {
        return c;
      }
    }
    throw new IllegalStateException("variable " + op.name() + " has no initializer");
  }
}
