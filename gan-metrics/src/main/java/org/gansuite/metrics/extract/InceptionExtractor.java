package org.gansuite.metrics.extract;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.io.Sha256;
import org.gansuite.metrics.FeatureMatrix;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * Features from the 2015-12-05 Inception graph ({@code classify_image_graph_def.pb}) that TTUR's
 * FID and openai's Inception Score use (Heusel et al. 2017; Salimans et al. 2016). Images are fed
 * as float 0..255 at {@code ExpandDims:0} (the graph resizes to 299 x 299 and normalises); features
 * are {@code pool_3:0} reshaped to N x 2048; the IS probabilities are
 * {@code softmax(pool_3 . W)} with W the second input of {@code softmax/logits/MatMul} and no bias,
 * over its 1008 classes. {@code pool_3/_reshape} is fixed to batch 1 and never fetched. Grey images
 * are repeated into three channels. The file is checked against {@link GraphOpPolicy} before import.
 */
public final class InceptionExtractor implements FeatureExtractor {

  public static final String NAME = "inception-2015-12-05";
  static final String INPUT = "ExpandDims";
  static final String POOL = "pool_3";
  static final String LOGITS_MATMUL = "softmax/logits/MatMul";

  /** Registers the extractor under {@link #NAME}. */
  public static final class Provider implements FeatureExtractorProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "pool_3 features and IS logits of the 2015-12-05 Inception graph file";
    }

    @Override
    public FeatureExtractor open(ExtractorOptions options) throws IOException {
      return InceptionExtractor.open(options);
    }
  }

  private final ExtractorInfo info;
  private final Graph graph;
  private final Session session;
  private final Output<TFloat32> input;
  private final Operand<TFloat32> features;
  private final Operand<TFloat32> probabilities;

  private InceptionExtractor(ExtractorInfo info, Graph graph, Output<TFloat32> input,
      Operand<TFloat32> features, Operand<TFloat32> probabilities, ComputeDevice device) {
    this.info = info;
    this.graph = graph;
    this.input = input;
    this.features = features;
    this.probabilities = probabilities;
    this.session = device.session(graph);
  }

  public static InceptionExtractor open(ExtractorOptions options) throws IOException {
    Path file = options.weights();
    if (file == null) {
      throw new UserError(NAME + " needs the graph file classify_image_graph_def.pb (its weights)");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": " + (Files.isDirectory(file) ? "a folder, not" : "no such file, expected")
          + " the graph file classify_image_graph_def.pb (--weights)");
    }
    byte[] bytes = Files.readAllBytes(file);
    String sha = Sha256.of(bytes);
    options.checkPinned(file.toString(), sha);
    GraphDef def;
    try {
      def = GraphDef.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new UserError(file + ": not a TensorFlow GraphDef (" + e.getMessage() + ")", e);
    }
    GraphOpPolicy.check(def, file);
    String weightsInput = weightsInput(def, file);
    def = placed(def, options.device());
    Graph g = new Graph();
    try {
      g.importGraphDef(def);
      Output<TFloat32> in = output(g, INPUT, file);
      Output<TFloat32> pool = output(g, POOL, file);
      Output<TFloat32> w = outputOf(g, weightsInput, file);
      if (w.shape().numDimensions() != 2 || w.shape().size(0) < 1) {
        throw new UserError(file + ": '" + weightsInput + "' should be a 2-D weight matrix, has shape " + w.shape());
      }
      int dim = (int) w.shape().size(0);
      int classes = (int) w.shape().size(1);
      Ops tf = options.device().place(Ops.create(g)).withSubScope("gansuite");
      Operand<TFloat32> flat = tf.reshape(pool, tf.constant(new int[] {-1, dim}));
      Operand<TFloat32> probs = tf.nn.softmax(tf.linalg.matMul(flat, w));
      ExtractorInfo info = new ExtractorInfo(NAME, sha, POOL + ":0", dim, classes);
      return new InceptionExtractor(info, g, in, flat, probs, options.device());
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  /** The name (and output index) of {@code softmax/logits/MatMul}'s second input. */
  private static String weightsInput(GraphDef def, Path file) {
    for (NodeDef n : def.getNodeList()) {
      if (n.getName().equals(LOGITS_MATMUL)) {
        if (n.getInputCount() < 2) {
          throw new UserError(file + ": '" + LOGITS_MATMUL + "' has no weights input");
        }
        return n.getInput(1);
      }
    }
    throw new UserError(file + ": no node '" + LOGITS_MATMUL + "'; is this the 2015-12-05 Inception graph?");
  }

  private static GraphDef placed(GraphDef def, ComputeDevice device) {
    String name = device.resolve().name();
    GraphDef.Builder b = def.toBuilder();
    for (NodeDef.Builder n : b.getNodeBuilderList()) {
      n.setDevice(name);
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static Output<TFloat32> output(Graph g, String op, Path file) {
    GraphOperation o = g.operation(op);
    if (o == null) {
      throw new UserError(file + ": no node '" + op + "'; is this the 2015-12-05 Inception graph?");
    }
    return (Output<TFloat32>) (Output<?>) o.output(0);
  }

  @SuppressWarnings("unchecked")
  private static Output<TFloat32> outputOf(Graph g, String tensorName, Path file) {
    String name = tensorName.startsWith("^") ? tensorName.substring(1) : tensorName;
    int colon = name.lastIndexOf(':');
    int index = colon < 0 ? 0 : Integer.parseInt(name.substring(colon + 1));
    String op = colon < 0 ? name : name.substring(0, colon);
    GraphOperation o = g.operation(op);
    if (o == null) {
      throw new UserError(file + ": missing node '" + op + "'");
    }
    return (Output<TFloat32>) (Output<?>) o.output(index);
  }


  @Override
  public ExtractorInfo info() {
    return info;
  }

  @Override
  public Features extract(ImageDataset images, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    ImageShape shape = images.shape();
    int n = images.size();
    int d = info.featureDim();
    int k = info.classes();
    double[] feats = new double[n * d];
    double[] probs = new double[n * k];
    byte[] one = new byte[shape.pixels()];
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      float[] batch = new float[count * shape.height() * shape.width() * 3];
      for (int i = 0; i < count; i++) {
        images.read(start + i, one, 0);
        toRgbFloat(one, shape, batch, i * shape.height() * shape.width() * 3);
      }
      float[][] out = Tensors.run(session, input, batch, new long[] {count, shape.height(), shape.width(), 3},
          features, probabilities);
      for (int i = 0; i < out[0].length; i++) {
        feats[start * d + i] = out[0][i];
      }
      for (int i = 0; i < out[1].length; i++) {
        probs[start * k + i] = out[1][i];
      }
    }
    return new Features(new FeatureMatrix(n, d, feats), new FeatureMatrix(n, k, probs), info);
  }

  /** 8-bit HWC to float 0..255 RGB; grey repeated into three channels. */
  private static void toRgbFloat(byte[] px, ImageShape s, float[] dst, int offset) {
    int hw = s.height() * s.width();
    for (int i = 0; i < hw; i++) {
      for (int c = 0; c < 3; c++) {
        dst[offset + i * 3 + c] = px[i * s.channels() + (s.channels() == 3 ? c : 0)] & 0xFF;
      }
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
