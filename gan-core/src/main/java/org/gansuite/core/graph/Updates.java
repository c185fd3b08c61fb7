package org.gansuite.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
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
 *
 * <p>In a graph with {@link LossScaling} installed (float16 training), every step scales its loss,
 * unscales the gradients and applies them only when all are finite; see there.
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
   * Simultaneous steps: optimizer i steps on loss i, all from one forward pass, and every update
   * waits until every gradient of every loss is computed, so each gradient sees the variables as
   * they were before the step (as one TF1 session run of several {@code minimize} ops, e.g. the
   * BEGAN reference code's joint D and G update).
   */
  public static Op minimizeTogether(Ops tf, List<Optimizer> optimizers, List<Operand<TFloat32>> losses,
      List<Op> stateUpdates) {
    if (optimizers.size() != losses.size()) {
      throw new IllegalArgumentException(optimizers.size() + " optimizers for " + losses.size() + " losses");
    }
    List<Optimizer.Gradients> grads = new ArrayList<>();
    List<Op> reads = new ArrayList<>();
    for (int i = 0; i < optimizers.size(); i++) {
      grads.add(optimizers.get(i).gradients(losses.get(i)));
      reads.addAll(grads.get(i).reads());
    }
    List<Op> all = new ArrayList<>(stateUpdates);
    grads.forEach(g -> all.add(g.apply(reads, List.of())));
    return tf.withControlDependencies(all).noOp();
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
    /** The graph's loss scaling, if installed: then this optimizer's scale and its count of finite steps. */
    private final Optional<LossScaling> scaling;
    private final Variable<TFloat32> lossScale;
    private final Variable<TFloat32> goodSteps;
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
      scaling = LossScaling.of((Graph) o.scope().env());
      lossScale = scaling.map(ls -> o.withName("loss_scale").variable(o.withInitScope().constant(ls.initialScale())))
          .orElse(null);
      goodSteps = scaling.map(ls -> o.withName("loss_scale_good_steps").variable(o.withInitScope().constant(0f)))
          .orElse(null);
    }

    /** An update step on {@code loss}, grouped with {@code stateUpdates}. */
    public Op step(Operand<TFloat32> loss, List<Op> stateUpdates) {
      Gradients grads = gradients(loss);
      return grads.apply(grads.reads(), stateUpdates);
    }

    /** The gradients of {@code loss} for this optimizer's variables, computed but not yet applied. */
    Gradients gradients(Operand<TFloat32> loss) {
      Graph g = (Graph) o.scope().env();
      Output<?>[] xs = new Output<?>[vars.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = vars.get(i).asOutput();
      }
      Ops s = steps++ == 0 ? o : o.withSubScope("step" + steps);
      if (scaling.isEmpty()) {
        return new Gradients(s, g.addGradients(loss.asOutput(), xs), null);
      }
      Ops m = s.withSubScope("loss_scaling");
      Operand<TFloat32> scale = m.withName("scale_now").identity(lossScale);
      var scaled = m.withName("scaled_loss").math.mul(loss, scale);
      return new Gradients(s, g.addGradients(scaled.asOutput(), xs), scale);
    }

    /** Gradients of one loss in scope {@code s}; {@code scale} is the loss scale they carry, or null. */
    final class Gradients {

      private final Ops s;
      private final Output<?>[] grads;
      private final Operand<TFloat32> scale;

      private Gradients(Ops s, Output<?>[] grads, Operand<TFloat32> scale) {
        this.s = s;
        this.grads = grads;
        this.scale = scale;
      }

      /** Reads of every gradient: the updates must wait for them (and for other losses' gradients of a joint step). */
      List<Op> reads() {
        List<Op> reads = new ArrayList<>();
        for (Output<?> gr : grads) {
          if (gr != null) {
            reads.add(s.identity(gr));
          }
        }
        return reads;
      }

      /**
       * The updates, each waiting for {@code waitFor}: a ref variable updated while a gradient
       * still reads it would make steps depend on scheduling.
       */
      Op apply(List<Op> waitFor, List<Op> stateUpdates) {
        List<Operand<TFloat32>> gs = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
          gs.add(gradient(grads, i));
        }
        if (scale != null) {
          return scaledApply(s, scale, gs, waitFor, stateUpdates);
        }
        List<Op> all = new ArrayList<>(stateUpdates);
        all.addAll(applies(s, s.withControlDependencies(waitFor), gs));
        return s.withName("step").withControlDependencies(all).noOp();
      }
    }

    @SuppressWarnings("unchecked")
    private Operand<TFloat32> gradient(Output<?>[] grads, int i) {
      if (grads[i] == null) {
        throw new IllegalStateException("loss does not depend on " + vars.get(i).op().name());
      }
      return (Operand<TFloat32>) grads[i];
    }

    /**
     * The updates of every variable with {@code grads}, then (Adam) the beta powers: with
     * {@code ordered} carrying the dependencies every apply must wait for.
     */
    private List<Op> applies(Ops s, Ops ordered, List<Operand<TFloat32>> grads) {
      var lr = s.constant(spec.learningRate());
      List<Op> applies = new ArrayList<>();
      for (int i = 0; i < grads.size(); i++) {
        Operand<TFloat32> grad = grads.get(i);
        var v = vars.get(i);
        if (spec.kind() == OptimizerSpec.Kind.ADAM) {
          applies.add(ordered.train.applyAdam(v, first.get(i), second.get(i), beta1Power, beta2Power, lr,
              s.constant(spec.beta1()), s.constant(spec.beta2()), s.constant(1e-8f), grad));
        } else {
          applies.add(ordered.train.applyRmsProp(v, first.get(i), second.get(i), lr,
              s.constant(0.9f), s.constant(0f), s.constant(1e-10f), grad));
        }
      }
      if (beta1Power == null) {
        return applies;
      }
      Ops after = s.withControlDependencies(applies);
      return List.of(after.assign(beta1Power, after.math.mul(beta1Power, after.constant(spec.beta1()))),
          after.assign(beta2Power, after.math.mul(beta2Power, after.constant(spec.beta2()))));
    }

    /**
     * A loss-scaled step (see {@link LossScaling}): gradients of {@code loss * scale}, divided by
     * the scale in float32, reach the updates through a Switch on "all finite", so on a
     * non-finite step the updates (and Adam's beta powers after them) never run, as in a
     * {@code tf.cond}; a Merge of both branches keeps the step itself alive either way. The scale
     * and its count of finite steps are updated on every step, after every gradient has read it.
     */
    private Op scaledApply(Ops s, Operand<TFloat32> scale, List<Operand<TFloat32>> grads, List<Op> waitFor,
        List<Op> stateUpdates) {
      LossScaling ls = scaling.orElseThrow();
      Ops m = s.withSubScope("loss_scaling");
      Operand<TFloat32> inverse = m.math.reciprocal(scale);
      List<Operand<TFloat32>> unscaled = new ArrayList<>();
      Operand<TBool> finite = m.constant(true);
      for (Operand<TFloat32> grad : grads) {
        var u = m.math.mul(grad, inverse);
        unscaled.add(u);
        finite = m.math.logicalAnd(finite, m.reduceAll(m.math.isFinite(u), m.range(m.constant(0), m.rank(u),
            m.constant(1))));
      }
      finite = m.withName("all_finite").identity(finite);
      List<Operand<TFloat32>> gated = new ArrayList<>();
      for (Operand<TFloat32> u : unscaled) {
        gated.add(m.switchCond(u, finite).outputTrue());
      }
      var branch = m.switchCond(finite, finite);
      var applied = m.withControlDependencies(applies(s, s.withControlDependencies(waitFor), gated))
          .identity(branch.outputTrue());
      var skipped = m.identity(branch.outputFalse());
      var done = m.withName("applied").merge(List.<Operand<TBool>>of(applied, skipped));

      var good = m.math.add(goodSteps, m.constant(1f));
      var grow = m.math.greaterEqual(good, m.constant((float) ls.growthInterval()));
      var grown = m.math.minimum(m.math.mul(scale, m.constant(2f)), m.constant(LossScaling.MAX_SCALE));
      var halved = m.math.maximum(m.math.div(scale, m.constant(2f)), m.constant(1f));
      var nextScale = m.select(finite, m.select(grow, grown, scale), halved);
      var nextGood = m.select(finite, m.select(grow, m.constant(0f), good), m.constant(0f));
      // Reads of the old values first, then the writes: both new values are computed before either assign.
      Ops write = m.withControlDependencies(List.of(nextScale, nextGood));
      List<Op> all = new ArrayList<>(stateUpdates);
      all.add(done);
      all.add(write.assign(lossScale, nextScale));
      all.add(write.assign(goodSteps, nextGood));
      return s.withName("step").withControlDependencies(all).noOp();
    }
  }

  private static Variable<TFloat32> slot(Ops o, Variable<TFloat32> like, String name) {
    var zeros = o.withInitScope().fill(o.withInitScope().constant(like.shape()), o.withInitScope().constant(0f));
    return o.withName(name).variable(zeros);
  }
}
