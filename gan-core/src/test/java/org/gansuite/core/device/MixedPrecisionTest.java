package org.gansuite.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.gansuite.core.UserError;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunMetadata;

/**
 * What the mixed-precision pass did, read from the graphs TensorFlow ran; in this JVM (the default
 * test run, {@code TF_ENABLE_ONEDNN_OPTS} not set by the build) also what it does to a real graph,
 * which must agree with TensorFlow's own default for this CPU. The bfloat16 graphs themselves are
 * tested where the build turns oneDNN on ({@code Bf16OneDnnTest}).
 */
class MixedPrecisionTest {

  private static NodeDef node(String op, Map<String, DataType> types) {
    var b = NodeDef.newBuilder().setName(op.toLowerCase() + types.hashCode()).setOp(op);
    types.forEach((k, v) -> b.putAttr(k, AttrValue.newBuilder().setType(v).build()));
    return b.build();
  }

  private static final RunMetadata TRACED = RunMetadata.newBuilder()
      .addPartitionGraphs(GraphDef.newBuilder()
          .addNode(node("Const", Map.of("dtype", DataType.DT_FLOAT)))
          .addNode(node("Cast", Map.of("SrcT", DataType.DT_FLOAT, "DstT", DataType.DT_BFLOAT16)))
          .addNode(node("MatMul", Map.of("T", DataType.DT_BFLOAT16)))
          .addNode(node("Relu", Map.of("T", DataType.DT_BFLOAT16)))
          .addNode(node("_MklMatMul", Map.of("T", DataType.DT_FLOAT))))
      .addPartitionGraphs(GraphDef.newBuilder()
          .addNode(node("AddV2", Map.of("T", DataType.DT_FLOAT)))
          .addNode(node("_Send", Map.of("T", DataType.DT_BFLOAT16))))
      .build();

  @Test
  void countsTheComputeOpsInTheSixteenBitType() {
    var bf16 = MixedPrecision.observed(TRACED, Precision.BF16);
    assertEquals(2, bf16.converted());
    assertEquals(4, bf16.total(), "MatMul, Relu, _MklMatMul, AddV2: not Const, Cast or _Send");
    assertEquals(Set.of("MatMul", "Relu"), bf16.opTypes());
    assertTrue(bf16.oneDnn());
    assertTrue(bf16.applied());
    assertEquals("bf16: 2 of 4 compute ops (MatMul, Relu); oneDNN kernels: yes", bf16.describe());
    var fp16 = MixedPrecision.observed(TRACED, Precision.FP16);
    assertEquals(0, fp16.converted());
    assertFalse(fp16.applied());
    var fp32 = MixedPrecision.observed(TRACED, Precision.FP32);
    assertTrue(fp32.applied());
    assertEquals("fp32: no rewrite; oneDNN kernels: yes", fp32.describe());
  }

  @Test
  void anUnappliedPrecisionIsAnErrorThatSaysWhy() {
    MixedPrecision.require(MixedPrecision.observed(RunMetadata.getDefaultInstance(), Precision.FP32), ComputeDevice.CPU);
    var off = assertThrows(UserError.class, () -> MixedPrecision.require(
        MixedPrecision.observed(RunMetadata.getDefaultInstance(), Precision.BF16), ComputeDevice.CPU));
    assertTrue(off.getMessage().startsWith("precision bf16 is not available here: TensorFlow ran the graph in float32 "
        + "because its oneDNN custom operations"), off.getMessage());
    assertTrue(off.getMessage().contains("TF_ENABLE_ONEDNN_OPTS=1"), off.getMessage());
    var fp16 = assertThrows(UserError.class, () -> MixedPrecision.require(
        MixedPrecision.observed(TRACED, Precision.FP16), ComputeDevice.CPU));
    assertTrue(fp16.getMessage().contains("converts only ops on a CUDA GPU"), fp16.getMessage());
  }

  /**
   * On this JVM the bfloat16 pass applies exactly when TensorFlow's oneDNN operations are on, which
   * (the build sets no TF_ENABLE_ONEDNN_OPTS here) must be TensorFlow's default for this CPU as
   * {@link CpuInfo#oneDnnByDefault} reads it.
   */
  @Test
  void theBf16PassAppliesExactlyWhereOneDnnIsOn() {
    var fp32 = MixedPrecision.probe(ComputeDevice.CPU, Precision.FP32);
    assertEquals(0, fp32.converted());
    assertTrue(fp32.total() >= 3, "the probe's MatMul, Relu, MatMul ...: " + fp32);
    boolean on = MixedPrecision.oneDnnOn(ComputeDevice.CPU);
    if (System.getenv("TF_ENABLE_ONEDNN_OPTS") == null) {
      assertEquals(CpuInfo.local().oneDnnByDefault(), on, "TensorFlow's default for " + CpuInfo.local());
    }
    var bf16 = MixedPrecision.probe(ComputeDevice.CPU, Precision.BF16);
    if (on) {
      assertTrue(bf16.opTypes().contains("MatMul"), bf16.describe());
    } else {
      assertEquals(0, bf16.converted(), bf16.describe());
      var e = assertThrows(UserError.class, () -> MixedPrecision.require(bf16, ComputeDevice.CPU));
      assertTrue(e.getMessage().contains("TF_ENABLE_ONEDNN_OPTS=1"), e.getMessage());
    }
    var cpu = CpuInfo.local();
    if (!cpu.flags().contains("avx512_fp16") && !cpu.flags().contains("amx_fp16")) {
      assertEquals(0, MixedPrecision.probe(ComputeDevice.CPU, Precision.FP16).converted(),
          "float16 is converted on a GPU only (or on CPUs with float16 instructions)");
    }
  }
}
