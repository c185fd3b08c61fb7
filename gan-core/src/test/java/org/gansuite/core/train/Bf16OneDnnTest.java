package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.OneDnnJvm;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * bfloat16 training graphs. TensorFlow's bfloat16 pass needs its oneDNN operations, which it reads
 * on or off once, as it loads (on this suite's AVX2 machine: off unless {@code TF_ENABLE_ONEDNN_OPTS=1}):
 * the bfloat16 side runs in a child JVM with the switch on ({@link OneDnnJvm}, main {@link Child}),
 * the float32 side here. The pass must really rewrite the graph (seen in the graphs TensorFlow ran
 * and in bfloat16's rounding of the values), and a bf16 run records its precision and refuses to
 * resume in fp32.
 */
class Bf16OneDnnTest {

  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int N = 8;

  @TempDir Path tmp;

  /** The bfloat16 side: writes what it saw to {@code <dir>/child.json} and trains a bf16 run in {@code <dir>/bf16}. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      var out = new java.util.LinkedHashMap<String, Object>();
      out.put("env", System.getenv("TF_ENABLE_ONEDNN_OPTS"));
      out.put("onednn", MixedPrecision.oneDnnOn(ComputeDevice.CPU));
      var m = identityMatmul(Precision.BF16);
      out.put("matmul", m.values());
      out.put("matmul_ops", List.copyOf(m.rewrite().opTypes()));
      var r = new Trainer(new TinyGan(), spec(), DATA, config(dir.resolve("bf16"), Precision.BF16)
          .optMaxIterations(8).build()).train();
      out.put("status", r.status().name());
      JSON.writeValue(dir.resolve("child.json").toFile(), out);
    }
  }

  private static JsonNode child(Path dir) throws Exception {
    OneDnnJvm.run(Child.class, 5, dir.toString());
    return JSON.readTree(dir.resolve("child.json").toFile());
  }

  /** bf16(x) by round-to-nearest-even on the upper 16 bits (finite x). */
  private static float bf16(float x) {
    int bits = Float.floatToRawIntBits(x);
    bits += 0x7FFF + ((bits >>> 16) & 1);
    return Float.intBitsToFloat(bits & 0xFFFF0000);
  }

  private static float[] inputs() {
    float[] x = new float[N * N];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1f + (i % 37) / 1024f;
    }
    return x;
  }

  private record Matmul(float[] values, MixedPrecision.Rewrite rewrite) {}

  /** relu(x times the identity) + 0 on the CPU in {@code p}, traced. */
  private static Matmul identityMatmul(Precision p) {
    float[] x = inputs();
    float[] eye = new float[N * N];
    for (int i = 0; i < N; i++) {
      eye[i * N + i] = 1f;
    }
    try (Graph g = new Graph(); Session s = ComputeDevice.CPU.session(g, 1, 1, p)) {
      Ops tf = ComputeDevice.CPU.ops(g);
      var in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(N, N)));
      var w = tf.variable(tf.withInitScope().constant(Shape.of(N, N), DataBuffers.of(eye)));
      var y = tf.math.add(tf.nn.relu(tf.linalg.matMul(in, w)), tf.constant(0f));
      s.initialize();
      try (var xt = TFloat32.tensorOf(Shape.of(N, N), DataBuffers.of(x));
          Result r = s.runner().feed(in, xt).fetch(y).setOptions(MixedPrecision.TRACE).runAndFetchMetadata()) {
        float[] out = new float[N * N];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
        return new Matmul(out, MixedPrecision.observed(r.getMetadata().orElseThrow(), p));
      }
    }
  }

  private static ModelSpec spec() {
    var m = new TinyGan();
    return new ModelSpec(m.name(), SHAPE, 8, 16, 42, m.defaults());
  }

  private static TrainConfig.Builder config(Path dir, Precision p) {
    return TrainConfig.builder(dir).setEpochs(1).optThreads(1, 1).optProgress(false).optLogEvery(1)
        .optSampleEvery(0).optCheckpointEvery(5).optDevice(ComputeDevice.CPU).optPrecision(p);
  }

  private static List<double[]> losses(Path dir) throws IOException {
    List<double[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("log.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      out.add(new double[] {n.get("d/loss").asDouble(), n.get("g/loss").asDouble()});
    }
    return out;
  }

  /**
   * x times the identity: in fp32 (here) exactly x; under the bf16 pass (child) x rounded to
   * bfloat16's 8 significant bits, exactly. Values 1 + k/1024 lie between bfloat16's steps of 1/128.
   * Then a TinyGan run of 8 iterations in each: finite, close, not bit-identical, and the bf16
   * one's precision and rewrite on record.
   */
  @Test
  void bf16RewritesTheGraphRoundsItsValuesAndIsRecorded() throws Exception {
    JsonNode c = child(tmp);
    assertEquals("1", c.get("env").asText());
    assertTrue(c.get("onednn").asBoolean(), "a float32 MatMul runs as _MklMatMul in the child");

    float[] x = inputs();
    var fp32 = identityMatmul(Precision.FP32);
    assertEquals(0, fp32.rewrite().converted());
    int rounded = 0;
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], fp32.values()[i], 0f, "fp32 element " + i);
      float b = (float) c.get("matmul").get(i).asDouble();
      assertEquals(bf16(x[i]), b, 0f, "bf16 element " + i);
      rounded += b != x[i] ? 1 : 0;
    }
    assertTrue(rounded > x.length / 2, rounded + " of " + x.length + " values rounded");
    assertTrue(c.get("matmul_ops").toString().contains("\"MatMul\""), c.get("matmul_ops").toString());

    Path fp32Dir = tmp.resolve("fp32");
    Path bf16Dir = tmp.resolve("bf16");
    var a = new Trainer(new TinyGan(), spec(), DATA, config(fp32Dir, Precision.FP32).optMaxIterations(8).build()).train();
    assertEquals(TrainResult.Status.COMPLETED, a.status());
    assertEquals("COMPLETED", c.get("status").asText());
    var fp32State = Checkpoints.readState(a.lastCheckpoint().orElseThrow());
    var bf16State = Checkpoints.readState(new Checkpoints(bf16Dir.resolve("checkpoints"), 3).latest().orElseThrow());
    assertNull(fp32State.config().get("precision"), "fp32 adds no key: runs from before the option resume");
    assertNull(fp32State.provenance().config().get("precision_rewrite"));
    assertEquals("bf16", bf16State.config().get("precision"));
    assertEquals("bf16", bf16State.provenance().config().get("precision"));
    String rewrite = bf16State.provenance().config().get("precision_rewrite");
    assertTrue(rewrite.matches("bf16: [1-9][0-9]* of [0-9]+ compute ops \\(.*MatMul.*\\); oneDNN kernels: .*"), rewrite);

    // The same seed, data and iterations: finite, close, and not bit-identical (the pass rounded).
    List<double[]> la = losses(fp32Dir);
    List<double[]> lb = losses(bf16Dir);
    assertEquals(8, la.size());
    assertEquals(8, lb.size());
    double maxDiff = 0;
    for (int i = 0; i < 8; i++) {
      for (int k = 0; k < 2; k++) {
        assertTrue(Double.isFinite(lb.get(i)[k]));
        maxDiff = Math.max(maxDiff, Math.abs(la.get(i)[k] - lb.get(i)[k]));
      }
    }
    assertTrue(maxDiff > 0, "bf16 losses must differ from fp32's");
    assertTrue(maxDiff < 0.05, "bf16 losses within 0.05 of fp32's over 8 steps (d/loss near 1.7, g/loss near 0.7; "
        + "measured 0.007), got " + maxDiff);

    var e = assertThrows(IllegalStateException.class, () ->
        new Trainer(new TinyGan(), spec(), DATA, config(bf16Dir, Precision.FP32).build()).train());
    assertTrue(e.getMessage().contains("precision: bf16 -> null"), e.getMessage());
    assertFalse(Files.exists(bf16Dir.resolve("checkpoints/ckpt-0000000010")), "nothing trained in fp32");
  }
}
