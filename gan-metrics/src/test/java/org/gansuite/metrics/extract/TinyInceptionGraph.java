package org.gansuite.metrics.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.op.image.DecodeJpeg;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * A small stand-in for classify_image_graph_def.pb with its tensor names: DecodeJpeg/contents ->
 * DecodeJpeg -> Cast -> ExpandDims (the feed point) -> resize to 8x8 -> normalise -> conv -> ReLU
 * -> 8x8 average pool 'pool_3' (N x 1 x 1 x F) -> 'pool_3/_reshape' fixed to [1, F] ->
 * 'softmax/logits/MatMul' with 'softmax/weights' -> + 'softmax/biases' -> 'softmax'.
 */
public final class TinyInceptionGraph {

  static final int F = 6;
  static final int K = 5;

  private TinyInceptionGraph() {}

  static float[][] weights() {
    float[][] w = new float[F][K];
    for (int i = 0; i < F; i++) {
      for (int j = 0; j < K; j++) {
        w[i][j] = (float) Math.sin(1.3 * i + 0.7 * j) * 2f;
      }
    }
    return w;
  }

  /**
   * TF Java refuses op names starting with '_' and makes names unique per scope ('pool_3' then
   * 'pool_3_1/...'), so the real graph's names are set in the exported proto.
   */
  private static GraphDef renamed(GraphDef def) {
    Map<String, String> names = Map.of(
        "tmp_pool_3_reshape", "pool_3/_reshape",
        "tmp_softmax_logits", "softmax/logits",
        "tmp_softmax", "softmax");
    GraphDef.Builder b = def.toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      n.setName(names.getOrDefault(n.getName(), n.getName()));
      for (int i = 0; i < n.getInputCount(); i++) {
        n.setInput(i, names.getOrDefault(n.getInput(i), n.getInput(i)));
      }
    }
    return b.build();
  }

  public static Path write(Path dir, Consumer<Ops> extra) throws IOException {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TString> contents = tf.withSubScope("DecodeJpeg").withName("contents").placeholder(TString.class);
      var decoded = tf.withName("DecodeJpeg").image.decodeJpeg(contents, DecodeJpeg.channels(3L));
      var cast = tf.withName("Cast").dtypes.cast(decoded, TFloat32.class);
      Operand<TFloat32> images = tf.withName("ExpandDims").expandDims(cast, tf.constant(0));
      var resized = tf.withName("ResizeBilinear").image.resizeBilinear(images, tf.constant(new int[] {8, 8}));
      var norm = tf.withName("Mul").math.mul(tf.withName("Sub").math.sub(resized, tf.constant(128f)), tf.constant(1 / 128f));
      float[][][][] kernel = new float[3][3][3][F];
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          for (int c = 0; c < 3; c++) {
            for (int f = 0; f < F; f++) {
              kernel[a][b][c][f] = (float) Math.cos(a + 2 * b + 3 * c + 5 * f);
            }
          }
        }
      }
      var conv = tf.withName("conv").nn.conv2d(norm, tf.constant(kernel), List.of(1L, 1L, 1L, 1L), "SAME");
      var relu = tf.withName("relu").nn.relu(conv);
      Operand<TFloat32> pool = tf.withName("pool_3").nn.avgPool(relu, List.of(1L, 8L, 8L, 1L), List.of(1L, 1L, 1L, 1L), "VALID");
      var reshaped = tf.withName("tmp_pool_3_reshape").reshape(pool, tf.constant(new int[] {1, F}));
      Ops softmax = tf.withSubScope("softmax");
      var w = softmax.withName("weights").constant(weights());
      var logits = softmax.withSubScope("logits").withName("MatMul").linalg.matMul(reshaped, w);
      var biased = tf.withName("tmp_softmax_logits").math.add(logits, softmax.withName("biases").constant(new float[] {3f, -2f, 1f, 0f, 4f}));
      tf.withName("tmp_softmax").nn.softmax(biased);
      extra.accept(tf);
      Path file = dir.resolve("tiny_inception.pb");
      Files.write(file, renamed(g.toGraphDef()).toByteArray());
      return file;
    }
  }
}
