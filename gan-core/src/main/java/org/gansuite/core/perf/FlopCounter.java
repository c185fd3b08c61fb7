package org.gansuite.core.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * Counts the floating-point operations of the matrix-multiply-like ops (Conv2D and its two
 * backprops, MatMul, BatchMatMul) that a target op runs: 2 per multiply-add, the usual convention.
 * Element-wise ops are memory-bound and left out, so the count is a lower bound of the work.
 * Gradient ops often lack static shapes, so the shapes are read at run time: one extra run of
 * Shape ops with the caller's feeds.
 */
public final class FlopCounter {

  private FlopCounter() {}

  private static final Set<String> COUNTED = Set.of(
      "Conv2D", "Conv2DBackpropInput", "Conv2DBackpropFilter", "MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3");

  /**
   * @param feeds adds the feeds {@code target} needs to a runner
   */
  public static long count(Graph graph, Session session, Op target, UnaryOperator<Session.Runner> feeds) {
    List<GraphOperation> ops = new ArrayList<>();
    for (GraphOperation op : graph.subgraphToOps(Set.of((GraphOperation) target.op()))) {
      if (COUNTED.contains(op.type())) {
        ops.add(op);
      }
    }
    if (ops.isEmpty()) {
      return 0;
    }
    Ops tf = Ops.create(graph).withSubScope("flop_counter");
    Session.Runner runner = feeds.apply(session.runner());
    for (GraphOperation op : ops) {
      runner.fetch(tf.shape(op.output(0)));
      for (int i = 0; i < 3; i++) {
        runner.fetch(tf.shape(i < op.numInputs() ? op.input(i) : op.output(0)));
      }
    }
    long total = 0;
    try (Result r = runner.run()) {
      for (int j = 0; j < ops.size(); j++) {
        long[][] s = new long[4][];
        for (int i = 0; i < 4; i++) {
          s[i] = dims((TInt32) r.get(4 * j + i));
        }
        total += flops(ops.get(j), s[0], s[1], s[2], s[3]);
      }
    }
    return total;
  }

  /** FLOPs of one op from its output shape and its first three input shapes. */
  static long flops(GraphOperation op, long[] out, long[] in0, long[] in1, long[] in2) {
    switch (op.type()) {
      case "Conv2D":
        return 2 * out[0] * out[1] * out[2] * in1[0] * in1[1] * in1[2] * in1[3];
      case "Conv2DBackpropInput":
        return 2 * in2[0] * in2[1] * in2[2] * in1[0] * in1[1] * in1[2] * in1[3];
      case "Conv2DBackpropFilter":
        return 2 * in2[0] * in2[1] * in2[2] * out[0] * out[1] * out[2] * out[3];
      case "MatMul":
        return 2 * out[0] * out[1] * (op.attributes().getAttrBool("transpose_a") ? in0[0] : in0[1]);
      default: {
        int r = in0.length;
        long k = op.attributes().getAttrBool("adj_x") ? in0[r - 2] : in0[r - 1];
        long n = 1;
        for (long d : out) {
          n *= d;
        }
        return 2 * n * k;
      }
    }
  }

  private static long[] dims(TInt32 t) {
    long[] d = new long[(int) t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t.getInt(i);
    }
    return d;
  }

}
