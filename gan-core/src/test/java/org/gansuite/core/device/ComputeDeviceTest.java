package org.gansuite.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.gansuite.core.device.ComputeDevice.Kind;
import org.gansuite.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;

class ComputeDeviceTest {

  @ParameterizedTest
  @CsvSource({
      "auto, AUTO, 0, auto",
      "AUTO, AUTO, 0, auto",
      "cpu, CPU, 0, /CPU:0",
      "Cpu, CPU, 0, /CPU:0",
      "gpu, GPU, 0, /GPU:0",
      "GPU, GPU, 0, /GPU:0",
      "/GPU:0, GPU, 0, /GPU:0",
      "/gpu:3, GPU, 3, /GPU:3",
      "/CPU:0, CPU, 0, /CPU:0",
      "/cpu:2, CPU, 2, /CPU:2",
      "GPU:1, GPU, 1, /GPU:1",
      "cpu:4, CPU, 4, /CPU:4",
      "/device:GPU:2, GPU, 2, /GPU:2",
      "'  /GPU:12  ', GPU, 12, /GPU:12",
  })
  void parsesEveryFormCaseInsensitively(String text, Kind kind, int index, String canonical) {
    ComputeDevice d = ComputeDevice.parse(text);
    assertEquals(kind, d.kind());
    assertEquals(index, d.index());
    assertEquals(canonical, d.name());
    assertEquals(canonical, d.toString());
    assertEquals(d, ComputeDevice.parse(d.name()), "the canonical text parses back");
  }

  @Test
  void namedConstantsAreTheShortForms() {
    assertSame(ComputeDevice.AUTO, ComputeDevice.parse("auto"));
    assertEquals(new ComputeDevice(Kind.CPU, 0), ComputeDevice.CPU);
    assertEquals(new ComputeDevice(Kind.GPU, 0), ComputeDevice.GPU);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "tpu", "/TPU:0", "/GPU", "/GPU:", "GPU:-1", "/GPU:x", "/GPU:1:2", "gpu0",
      "/cpu0", "auto:0", "//GPU:0", "/GPU:9999999999", "/job:localhost/device:GPU:0", "cuda"})
  void refusesMalformedTextNamingTheAcceptedForms(String text) {
    var e = assertThrows(UserError.class, () -> ComputeDevice.parse(text));
    assertEquals("device must be one of auto, cpu, gpu, /CPU:n or /GPU:n (n = 0, 1, ...), got '" + text + "'",
        e.getMessage());
  }

  @Test
  void refusesNullAndInvalidComponents() {
    assertThrows(NullPointerException.class, () -> ComputeDevice.parse(null));
    assertThrows(NullPointerException.class, () -> new ComputeDevice(null, 0));
    var negative = assertThrows(IllegalArgumentException.class, () -> new ComputeDevice(Kind.GPU, -1));
    assertEquals("device index must be >= 0, got -1", negative.getMessage());
    var autoIndex = assertThrows(IllegalArgumentException.class, () -> new ComputeDevice(Kind.AUTO, 1));
    assertEquals("auto takes no index, got 1", autoIndex.getMessage());
  }

  @Test
  void listsTheCpuOnceAndCachesTheList() {
    List<ComputeDevice> present = ComputeDevice.present();
    assertTrue(present.contains(ComputeDevice.CPU), "listed: " + present);
    assertFalse(present.contains(new ComputeDevice(Kind.GPU, 7)), "listed: " + present);
    assertEquals(present.size(), present.stream().distinct().count(), "listed: " + present);
    assertSame(present, ComputeDevice.present(), "one probe per JVM");
    assertTrue(ComputeDevice.CPU.exists());
    assertTrue(ComputeDevice.AUTO.exists());
    assertFalse(new ComputeDevice(Kind.CPU, 7).exists());
  }

  @Test
  void autoResolvesToTheCpuWithoutAGpu() {
    assumeFalse(ComputeDevice.present().contains(ComputeDevice.GPU), "this machine has a GPU");
    assertEquals(List.of(ComputeDevice.CPU), ComputeDevice.present());
    assertEquals(ComputeDevice.CPU, ComputeDevice.AUTO.resolve());
    try (Graph g = new Graph()) {
      Ops tf = ComputeDevice.AUTO.ops(g);
      var c = tf.withName("c").constant(1f);
      assertEquals("/device:CPU:0", ((GraphOperation) c.op()).device());
    }
  }

  @Test
  void aGpuIsRefusedWhereThereIsNone() {
    assumeFalse(ComputeDevice.present().contains(ComputeDevice.GPU), "this machine has a GPU");
    var e = assertThrows(UserError.class, () -> ComputeDevice.parse("gpu").resolve());
    assertEquals("device /GPU:0 is not on this machine (TensorFlow lists /CPU:0; 'auto' takes a GPU only when "
        + "there is one)", e.getMessage());
  }

  @Test
  void anAbsentDeviceFailsWhenTheGraphOrSessionIsOpened() {
    ComputeDevice gpu7 = ComputeDevice.parse("/GPU:7");
    ComputeDevice cpu7 = ComputeDevice.parse("/CPU:7");
    try (Graph g = new Graph()) {
      var onOps = assertThrows(UserError.class, () -> gpu7.ops(g));
      assertTrue(onOps.getMessage().startsWith("device /GPU:7 is not on this machine (TensorFlow lists "),
          onOps.getMessage());
      assertFalse(onOps.getMessage().contains("\n"), "one line");
      var onPlace = assertThrows(UserError.class, () -> cpu7.place(Ops.create(g)));
      assertTrue(onPlace.getMessage().startsWith("device /CPU:7 is not on this machine"), onPlace.getMessage());
      var onSession = assertThrows(UserError.class, () -> gpu7.session(g, 1, 1));
      assertEquals(onOps.getMessage(), onSession.getMessage());
      assertThrows(UserError.class, gpu7::spec);
      assertFalse(g.operations().hasNext(), "nothing was added to the graph");
    }
  }

  @Test
  void cpu0PlacesAndRunsOps() {
    ComputeDevice cpu = ComputeDevice.parse("/CPU:0");
    assertSame(cpu, cpu.resolve());
    try (Graph g = new Graph(); Session s = cpu.session(g, 1, 1)) {
      Ops tf = cpu.ops(g);
      var sum = tf.withName("sum").math.add(tf.constant(1.5f), tf.constant(2.25f));
      assertEquals("/device:CPU:0", ((GraphOperation) sum.op()).device());
      try (var r = s.runner().fetch(sum).run()) {
        assertEquals(3.75f, ((TFloat32) r.get(0)).getFloat(), 0f);
      }
    }
  }

  @Test
  void sessionConfigHoldsThreadsSoftPlacementAndRemapperOff() {
    ConfigProto c = ComputeDevice.sessionConfig(3, 2);
    assertEquals(3, c.getIntraOpParallelismThreads());
    assertEquals(2, c.getInterOpParallelismThreads());
    assertTrue(c.getAllowSoftPlacement());
    assertEquals(RewriterConfig.Toggle.OFF, c.getGraphOptions().getRewriteOptions().getRemapping());
    // Only the remapper is changed among the rewriters.
    assertEquals(RewriterConfig.Toggle.DEFAULT, c.getGraphOptions().getRewriteOptions().getConstantFolding());
    assertFalse(c.getLogDevicePlacement());

    // 0 asks for the default: TF's (0) outside Slurm, the task's CPUs inside a Slurm task.
    String slurm = System.getenv(Threads.SLURM_CPUS);
    int expected = slurm == null ? 0 : Integer.parseInt(slurm);
    ConfigProto defaults = ComputeDevice.sessionConfig(0, 0);
    assertEquals(expected, defaults.getIntraOpParallelismThreads());
    assertEquals(expected, defaults.getInterOpParallelismThreads());
    assertTrue(defaults.getAllowSoftPlacement());
    assertEquals(RewriterConfig.Toggle.OFF, defaults.getGraphOptions().getRewriteOptions().getRemapping());

    var e = assertThrows(IllegalArgumentException.class, () -> ComputeDevice.sessionConfig(-1, 0));
    assertEquals("thread counts must not be negative, got -1, 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ComputeDevice.sessionConfig(0, -1));
  }

  @Test
  void usedListsEachDeviceOnceInFirstSeenOrder() {
    var stats = StepStats.newBuilder();
    for (String d : List.of("/device:GPU:0", "/device:CPU:0", "/device:GPU:0")) {
      stats.addDevStats(DeviceStepStats.newBuilder().setDevice(d));
    }
    var meta = RunMetadata.newBuilder().setStepStats(stats).build();
    assertEquals(List.of("/device:GPU:0", "/device:CPU:0"), ComputeDevice.used(meta));
    assertEquals(List.of(), ComputeDevice.used(RunMetadata.getDefaultInstance()));
  }
}
