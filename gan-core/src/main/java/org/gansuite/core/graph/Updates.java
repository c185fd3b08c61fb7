package org.gansuite.core.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds network update steps. Gradients are taken with respect to the given networks' trainable
 * variables only (a graph-wide {@code minimize} would update every variable), then applied with
 * TensorFlow's fused ApplyAdam / ApplyRMSProp kernels, grouped with the training pass's state
 * updates. Slots live under the optimizer's own scope and are saved with checkpoints.
 *
 * <p>Adam follows Kingma and Ba 2015 with TF1's bias correction through beta powers, epsilon 1e-8.
 * RMSProp: rho 0.9, epsilon 1e-10, no momentum, mean-square slot starting at 0 (as PyTorch and
 * Keras; TF1 started it at 1).
 */
public final class Updates {

  private Updates() {}

  /**
   * @param name unique optimizer scope, e.g. {@code d_adam}
   * @param stateUpdates the pass's moving-average and spectral-norm updates for this network
   */
  public static Op minimize(Ops tf, OptimizerSpec spec, String name, Operand<TFloat32> loss,
      Network net, List<Op> stateUpdates) {
    return minimize(tf, spec, name, loss, List.of(net), stateUpdates);
  }

  /**
   * One step over the trainable variables of several networks on one loss, e.g. an auto-encoder
   * whose encoder and decoder are the trunks of other networks; every other variable is untouched.
   */
  public static Op minimize(Ops tf, OptimizerSpec spec, String name, Operand<TFloat32> loss,
      List<Network> nets, List<Op> stateUpdates) {
    return new Optimizer(tf, spec, name, nets).step(loss, stateUpdates);
  }

  /**
   * One optimizer state (slots, Adam's beta powers) over some networks' trainable variables, from
   * which any number of steps on different losses can be built: each step advances the same state,
   * as calling {@code step()} twice on one PyTorch optimizer does.
   */
  public static final class Optimizer {

    private final Ops o;
    private final OptimizerSpec spec;
    private final List<Variable<TFloat32>> vars = new ArrayList<>();
    private final List<Variable<TFloat32>> first = new ArrayList<>();
    private final List<Variable<TFloat32>> second = new ArrayList<>();
    private final Variable<TFloat32> beta1Power;
    private final Variable<TFloat32> beta2Power;
    private int steps;

    /** @param name unique optimizer scope, e.g. {@code g_adam} */
    public Optimizer(Ops tf, OptimizerSpec spec, String name, List<Network> nets) {
      this.o = tf.withSubScope(name);
      this.spec = spec;
      nets.forEach(n -> vars.addAll(n.trainableVariables()));
      boolean adam = spec.kind() == OptimizerSpec.Kind.ADAM;
      beta1Power = adam ? o.withName("beta1_power").variable(o.withInitScope().constant(spec.beta1())) : null;
      beta2Power = adam ? o.withName("beta2_power").variable(o.withInitScope().constant(spec.beta2())) : null;
      for (int i = 0; i < vars.size(); i++) {
        first.add(slot(o, vars.get(i), (adam ? "m_" : "ms_") + i));
        second.add(slot(o, vars.get(i), (adam ? "v_" : "mom_") + i));
      }
    }

    /** An update step on {@code loss}, grouped with {@code stateUpdates}. */
    public Op step(Operand<TFloat32> loss, List<Op> stateUpdates) {
      Graph g = (Graph) o.scope().env();
      Output<?>[] xs = new Output<?>[vars.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = vars.get(i).asOutput();
      }
      Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
      Ops s = steps++ == 0 ? o : o.withSubScope("step" + steps);
      // Every apply waits for every gradient: a ref variable updated while another gradient still
      // reads it would make steps depend on scheduling.
      List<Op> gradOps = new ArrayList<>();
      for (Output<?> gr : grads) {
        if (gr != null) {
          gradOps.add(s.identity(gr));
        }
      }
      Ops ordered = s.withControlDependencies(gradOps);
      var lr = s.constant(spec.learningRate());
      List<Op> applies = new ArrayList<>();
      for (int i = 0; i < xs.length; i++) {
        if (grads[i] == null) {
          throw new IllegalStateException("loss does not depend on " + vars.get(i).op().name());
        }
        @SuppressWarnings("unchecked")
        Operand<TFloat32> grad = (Operand<TFloat32>) grads[i];
        var v = vars.get(i);
        if (spec.kind() == OptimizerSpec.Kind.ADAM) {
          applies.add(ordered.train.applyAdam(v, first.get(i), second.get(i), beta1Power, beta2Power, lr,
              s.constant(spec.beta1()), s.constant(spec.beta2()), s.constant(1e-8f), grad));
        } else {
          applies.add(ordered.train.applyRmsProp(v, first.get(i), second.get(i), lr,
              s.constant(0.9f), s.constant(0f), s.constant(1e-10f), grad));
        }
      }
      List<Op> all = new ArrayList<>(stateUpdates);
      if (beta1Power != null) {
        Ops after = s.withControlDependencies(applies);
        all.add(after.assign(beta1Power, after.math.mul(beta1Power, after.constant(spec.beta1()))));
        all.add(after.assign(beta2Power, after.math.mul(beta2Power, after.constant(spec.beta2()))));
      } else {
        all.addAll(applies);
      }
      return s.withName("step").withControlDependencies(all).noOp();
    }
  }

  private static Variable<TFloat32> slot(Ops o, Variable<TFloat32> like, String name) {
    var zeros = o.withInitScope().fill(o.withInitScope().constant(like.shape()), o.withInitScope().constant(0f));
    return o.withName(name).variable(zeros);
  }
}
