package org.gansuite.metrics.extract;

import java.nio.file.Path;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * A graph file is code: importing it lets it run any op TensorFlow has, including ones that read
 * or write files ({@code ReadFile}, {@code WriteFile}, {@code Save}/{@code Restore}, {@code PyFunc},
 * readers, {@code Print}). Before import every node's op must be on this allow-list of pure compute
 * ops, and the graph may not carry a function library (function bodies could hide other ops).
 */
public final class GraphOpPolicy {

  /** Stateless compute ops, enough for the 2015 Inception graph and small CNN classifiers. */
  static final Set<String> ALLOWED = Set.of(
      // structure and constants
      "Const", "Placeholder", "PlaceholderWithDefault", "Identity", "IdentityN", "NoOp",
      "StopGradient", "CheckNumerics",
      // image decoding from in-memory bytes (the Inception graph starts with DecodeJpeg)
      "DecodeJpeg", "DecodePng", "DecodeBmp",
      // shapes and layout
      "Cast", "ExpandDims", "Squeeze", "Reshape", "Shape", "Size", "Rank", "Pack", "Unpack",
      "Concat", "ConcatV2", "Split", "SplitV", "Slice", "StridedSlice", "Tile", "Pad", "PadV2",
      "MirrorPad", "Transpose", "Fill", "Range", "Gather", "GatherV2",
      "ResizeBilinear", "ResizeBicubic", "ResizeNearestNeighbor",
      // arithmetic
      "Add", "AddV2", "AddN", "Sub", "Mul", "Div", "RealDiv", "Neg", "Sqrt", "Rsqrt", "Square",
      "Exp", "Log", "Pow", "Maximum", "Minimum", "Abs", "Sum", "Mean", "Max", "Min", "Prod",
      "ArgMax", "Equal", "Greater", "Less", "Select", "SelectV2",
      // network layers
      "MatMul", "BatchMatMul", "BatchMatMulV2", "BiasAdd", "Conv2D", "DepthwiseConv2dNative",
      "MaxPool", "AvgPool", "BatchNormWithGlobalNormalization", "FusedBatchNorm",
      "FusedBatchNormV2", "FusedBatchNormV3", "LRN", "Relu", "Relu6", "Elu", "LeakyRelu",
      "Sigmoid", "Tanh", "Softmax", "LogSoftmax");

  private GraphOpPolicy() {}

  /** Throws naming the first op that is not allowed, its node and the file. */
  public static void check(GraphDef graph, Path source) {
    if (graph.getLibrary().getFunctionCount() > 0) {
      throw new SecurityException(source + ": graph defines " + graph.getLibrary().getFunctionCount()
          + " functions (e.g. '" + graph.getLibrary().getFunction(0).getSignature().getName()
          + "'); graphs with function libraries are refused");
    }
    for (NodeDef node : graph.getNodeList()) {
      if (!ALLOWED.contains(node.getOp())) {
        throw new SecurityException(source + ": op '" + node.getOp() + "' (node '" + node.getName()
            + "') is not on the allow-list of pure compute ops; refusing to import this graph");
      }
    }
  }
}
