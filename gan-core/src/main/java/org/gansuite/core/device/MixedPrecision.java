package org.gansuite.core.device;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gansuite.core.UserError;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * What TensorFlow's mixed-precision pass did to a graph, read from the graphs it ran (the
 * partition graphs of a step traced with {@link #TRACE}): how many compute ops run in the 16-bit
 * type, of which kinds, and whether TensorFlow's oneDNN custom operations ({@code _Mkl*} kernels)
 * were on. A precision that the pass did not apply is an error, never a silent float32 run.
 */
public final class MixedPrecision {

  /** Run options of a step whose metadata holds the graphs TensorFlow ran after its rewrites. */
  public static final RunOptions TRACE = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();

  /** Plumbing and constants: not counted as compute ops. */
  private static final Set<String> NOT_COMPUTE = Set.of("Cast", "Const", "_Send", "_Recv", "_Arg", "_Retval",
      "Identity", "NoOp");

  private MixedPrecision() {}

  /**
   * What the pass did.
   *
   * @param precision the precision asked for
   * @param converted compute ops running in the precision's 16-bit type
   * @param total compute ops of the graphs run
   * @param opTypes the kinds of the converted ops, e.g. {@code Conv2D}, {@code MatMul}
   * @param oneDnn whether TensorFlow ran oneDNN custom ({@code _Mkl*}) kernels: with its oneDNN operations on it
   *     runs a float32 MatMul as one, so a float32 graph without any tells that they are off (bfloat16
   *     ops without AVX-512 are Eigen's either way)
   */
  public record Rewrite(Precision precision, int converted, int total, SortedSet<String> opTypes, boolean oneDnn) {

    public Rewrite {
      opTypes = new TreeSet<>(opTypes);
    }

    /** Whether the graph runs in the precision asked for (float32 always does). */
    public boolean applied() {
      return precision == Precision.FP32 || converted > 0;
    }

    /** E.g. {@code bf16: 41 of 187 compute ops (Conv2D, Conv2DBackpropFilter, ...); oneDNN kernels: none}. */
    public String describe() {
      String ops = precision == Precision.FP32 ? "fp32: no rewrite"
          : precision + ": " + converted + " of " + total + " compute ops" + (opTypes.isEmpty() ? ""
              : " (" + String.join(", ", opTypes) + ")");
      return ops + "; oneDNN kernels: " + (oneDnn ? "yes" : "none");
    }
  }

  /** The rewrite seen in a step's metadata (traced with {@link #TRACE}). */
  public static Rewrite observed(RunMetadata metadata, Precision precision) {
    int converted = 0;
    int total = 0;
    SortedSet<String> types = new TreeSet<>();
    boolean oneDnn = false;
    for (GraphDef g : metadata.getPartitionGraphsList()) {
      for (NodeDef n : g.getNodeList()) {
        oneDnn |= n.getOp().startsWith("_Mkl");
        if (NOT_COMPUTE.contains(n.getOp())) {
          continue;
        }
        total++;
        if (precision != Precision.FP32 && hasType(n, precision)) {
          converted++;
          types.add(n.getOp());
        }
      }
    }
    return new Rewrite(precision, converted, total, types, oneDnn);
  }

  private static boolean hasType(NodeDef n, Precision precision) {
    for (AttrValue v : n.getAttrMap().values()) {
      if (v.getValueCase() == AttrValue.ValueCase.TYPE && v.getType() == precision.type()) {
        return true;
      }
      if (v.getValueCase() == AttrValue.ValueCase.LIST && v.getList().getTypeList().contains(precision.type())) {
        return true;
      }
    }
    return false;
  }

  /** {@link #probe(ComputeDevice, Precision, int, int)} with TensorFlow's default thread counts. */
  public static Rewrite probe(ComputeDevice device, Precision precision) {
    return probe(device, precision, 0, 0);
  }

  /**
   * Runs a small float32 graph (two 32x32 matmuls with a ReLU between) on {@code device} under
   * {@code precision}'s session options and returns what the pass did to it: the check, before any
   * run starts, that this process can train in that precision. The thread counts are the run's (the
   * first session of a process sizes TensorFlow's thread pools).
   */
  public static Rewrite probe(ComputeDevice device, Precision precision, int intraOpThreads, int interOpThreads) {
    try (Graph g = new Graph(); Session s = device.session(g, intraOpThreads, interOpThreads, precision)) {
      Ops tf = device.ops(g);
      float[][] v = new float[32][32];
      for (int i = 0; i < 32; i++) {
        for (int j = 0; j < 32; j++) {
          v[i][j] = (i * 31 + j * 17) % 13 / 13f - 0.5f;
        }
      }
      var a = tf.variable(tf.withInitScope().constant(v));
      var b = tf.variable(tf.withInitScope().constant(v));
      var h = tf.nn.relu(tf.linalg.matMul(a, b));
      var y = tf.reduceSum(tf.linalg.matMul(h, b), tf.constant(new int[] {0, 1}));
      s.initialize();
      try (Result r = s.runner().fetch(y).setOptions(TRACE).runAndFetchMetadata()) {
        TFloat32 out = (TFloat32) r.get(0);
        if (!Float.isFinite(out.getFloat()) || !out.shape().equals(Shape.scalar())) {
          throw new IllegalStateException("the precision probe computed " + out.getFloat());
        }
        return observed(r.getMetadata().orElseThrow(), precision);
      }
    }
  }

  /** Whether TensorFlow's oneDNN custom operations are on in this process: a float32 matmul runs as {@code _MklMatMul}. */
  public static boolean oneDnnOn(ComputeDevice device) {
    return probe(device, Precision.FP32).oneDnn();
  }

  /**
   * Fails, saying why and what to do, when {@code rewrite} did not apply its precision.
   *
   * @throws UserError when the graph did not run in the precision asked for
   */
  public static void require(Rewrite rewrite, ComputeDevice device) {
    if (rewrite.applied()) {
      return;
    }
    String why = switch (rewrite.precision()) {
      case BF16 -> rewrite.oneDnn()
          ? "its bfloat16 pass converted no op on " + device
          : "its oneDNN custom operations, and with them its bfloat16 pass, are off in this process (TensorFlow "
              + "turns them on by default only on CPUs with AVX512-VNNI, AVX512-BF16, AVX-VNNI or AMX): set "
              + "TF_ENABLE_ONEDNN_OPTS=1 before starting Java (bin/gan-bench sets it)";
      case FP16 -> "its float16 pass converted no op on " + device
          + " (it converts only ops on a CUDA GPU of compute capability 7.0 or more, in a CUDA build: mvn -Pgpu)";
      case FP32 -> "";
    };
    throw new UserError("precision " + rewrite.precision() + " is not available here: TensorFlow ran the graph in "
        + "float32 because " + why);
  }
}
