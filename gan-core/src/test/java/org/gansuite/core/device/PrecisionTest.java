package org.gansuite.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gansuite.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.proto.RewriterConfig;

/** The precision's text forms, its session options, the CPU's flags and the choice of {@code auto}. */
class PrecisionTest {

  @ParameterizedTest
  @CsvSource({"fp32, FP32", "FP32, FP32", "float32, FP32", "bf16, BF16", " BF16 , BF16", "bfloat16, BF16",
      "fp16, FP16", "float16, FP16", "half, FP16"})
  void parsesEveryForm(String text, Precision expected) {
    assertEquals(expected, Precision.parse(text));
    assertEquals(expected, Precision.parse(expected.key()), "the key parses back");
  }

  @Test
  void anythingElseIsRefusedNamingTheForms() {
    var e = assertThrows(UserError.class, () -> Precision.parse("int8"));
    assertEquals("precision must be fp32, bf16 or fp16, got 'int8'", e.getMessage());
    assertThrows(UserError.class, () -> Precision.parse("auto"), "auto is a choice, not a precision");
  }

  @Test
  void eachPrecisionTurnsOnItsOwnPassOnly() {
    RewriterConfig fp32 = ComputeDevice.sessionConfig(1, 1, Precision.FP32).getGraphOptions().getRewriteOptions();
    RewriterConfig bf16 = ComputeDevice.sessionConfig(1, 1, Precision.BF16).getGraphOptions().getRewriteOptions();
    RewriterConfig fp16 = ComputeDevice.sessionConfig(1, 1, Precision.FP16).getGraphOptions().getRewriteOptions();
    assertEquals(ComputeDevice.sessionConfig(1, 1), ComputeDevice.sessionConfig(1, 1, Precision.FP32),
        "fp32's options are the suite's options of before");
    assertEquals(RewriterConfig.Toggle.DEFAULT, fp32.getAutoMixedPrecisionOnednnBfloat16());
    assertEquals(RewriterConfig.Toggle.DEFAULT, fp32.getAutoMixedPrecision());
    assertEquals(RewriterConfig.Toggle.ON, bf16.getAutoMixedPrecisionOnednnBfloat16());
    assertEquals(RewriterConfig.Toggle.DEFAULT, bf16.getAutoMixedPrecision());
    assertEquals(RewriterConfig.Toggle.ON, fp16.getAutoMixedPrecision());
    assertEquals(RewriterConfig.Toggle.DEFAULT, fp16.getAutoMixedPrecisionOnednnBfloat16());
    for (RewriterConfig r : new RewriterConfig[] {fp32, bf16, fp16}) {
      assertEquals(RewriterConfig.Toggle.OFF, r.getRemapping(), "the remapper stays off in every precision");
      assertEquals(RewriterConfig.Toggle.DEFAULT, r.getAutoMixedPrecisionCpu(), "no float16 emulation on the CPU");
    }
    assertTrue(Precision.FP16.lossScaled());
    assertFalse(Precision.BF16.lossScaled());
    assertFalse(Precision.FP32.lossScaled());
  }

  /** Two processors of an AMX machine: the first one's name and flags count. */
  static final String SAPPHIRE_RAPIDS = """
      processor\t: 0
      vendor_id\t: GenuineIntel
      model name\t: Intel(R) Xeon(R) Platinum 8480+
      flags\t\t: fpu sse2 avx2 fma avx512f avx512_vnni avx512_bf16 amx_bf16 amx_tile amx_int8 avx512_fp16
      bugs\t\t: spectre_v1

      processor\t: 1
      vendor_id\t: GenuineIntel
      model name\t: another name
      flags\t\t: fpu
      """;
  static final String EPYC_AVX2 = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      model name\t: AMD EPYC
      flags\t\t: fpu sse2 avx f16c avx2 fma bmi2
      """;
  static final String COOPER_LAKE = """
      model name\t: Intel(R) Xeon(R) Platinum 8380H
      flags\t\t: avx2 avx512f avx512_vnni avx512_bf16
      """;
  static final String CASCADE_LAKE = """
      model name\t: Intel(R) Xeon(R) Gold 6248
      flags\t\t: avx2 avx512f avx512_vnni
      """;

  @Test
  void readsTheFirstProcessorsModelAndFlags() {
    var spr = CpuInfo.parse(SAPPHIRE_RAPIDS);
    assertEquals("Intel(R) Xeon(R) Platinum 8480+", spr.model());
    assertTrue(spr.flags().containsAll(Set.of("amx_bf16", "avx512_bf16", "avx2")));
    assertFalse(spr.flags().contains("spectre_v1"), "bugs are not flags");
    assertTrue(spr.bf16());
    assertEquals("amx_bf16, avx512_bf16", spr.bf16Flags());
    assertTrue(spr.oneDnnByDefault());
    assertEquals("avx2 yes, fma yes, avx512f yes, avx512_vnni yes, avx512_bf16 yes, amx_tile yes, amx_bf16 yes, "
        + "avx512_fp16 yes, amx_fp16 no", spr.describeFlags());

    var epyc = CpuInfo.parse(EPYC_AVX2);
    assertEquals("AMD EPYC", epyc.model());
    assertFalse(epyc.bf16());
    assertEquals("", epyc.bf16Flags());
    assertFalse(epyc.oneDnnByDefault(), "TensorFlow keeps its oneDNN operations off on an AVX2-only CPU");
    assertEquals("avx2 yes, fma yes, avx512f no, avx512_vnni no, avx512_bf16 no, amx_tile no, amx_bf16 no, "
        + "avx512_fp16 no, amx_fp16 no", epyc.describeFlags());

    assertTrue(CpuInfo.parse(COOPER_LAKE).bf16());
    var cascade = CpuInfo.parse(CASCADE_LAKE);
    assertFalse(cascade.bf16(), "AVX512-VNNI is no bfloat16 instruction");
    assertTrue(cascade.oneDnnByDefault(), "but it turns TensorFlow's oneDNN operations on");

    var none = CpuInfo.parse("");
    assertEquals("unknown", none.model());
    assertEquals(Set.of(), none.flags());
  }

  @Test
  void thisMachinesCpuIsRead() {
    var cpu = CpuInfo.local();
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/cpuinfo"))
        && System.getProperty("os.arch").matches("amd64|x86_64")) {
      assertFalse(cpu.model().equals("unknown"), "model name of " + cpu);
      assertTrue(cpu.flags().contains("sse2"), "every x86-64 CPU has sse2: " + cpu.flags());
    } else {
      assertEquals("unknown", cpu.model());
    }
  }

  @Test
  void autoPicksBf16OnlyWhereTheCpuHasItAndSaysWhy() {
    var amx = PrecisionChoice.choose("auto", ComputeDevice.CPU, CpuInfo.parse(SAPPHIRE_RAPIDS));
    assertEquals(Precision.BF16, amx.precision());
    assertEquals("precision auto: bf16 (the CPU, Intel(R) Xeon(R) Platinum 8480+, has amx_bf16, avx512_bf16)",
        amx.note());
    var avx2 = PrecisionChoice.choose("AUTO", ComputeDevice.CPU, CpuInfo.parse(EPYC_AVX2));
    assertEquals(Precision.FP32, avx2.precision());
    assertEquals("precision auto: fp32 (the CPU, AMD EPYC, has neither avx512_bf16 nor amx_bf16: bfloat16 would be "
        + "emulated and slower)", avx2.note());
    var gpu = PrecisionChoice.choose("auto", ComputeDevice.GPU, CpuInfo.parse(SAPPHIRE_RAPIDS));
    assertEquals(Precision.FP32, gpu.precision());
    assertTrue(gpu.note().startsWith("precision auto: fp32 on /GPU:0"), gpu.note());
  }

  @Test
  void namedPrecisionsAreKeptWarnedOfOrRefused() {
    var emulated = PrecisionChoice.choose("bf16", ComputeDevice.CPU, CpuInfo.parse(EPYC_AVX2));
    assertEquals(Precision.BF16, emulated.precision());
    assertEquals("warning: precision bf16 on a CPU without bfloat16 instructions (AMD EPYC: no avx512_bf16 or "
        + "amx_bf16): bfloat16 is emulated, slower than fp32", emulated.note());
    var nativeBf16 = PrecisionChoice.choose("bf16", ComputeDevice.CPU, CpuInfo.parse(COOPER_LAKE));
    assertEquals(new PrecisionChoice(Precision.BF16, ""), nativeBf16);
    assertEquals(new PrecisionChoice(Precision.FP32, ""), PrecisionChoice.choose("fp32", ComputeDevice.CPU,
        CpuInfo.parse(EPYC_AVX2)));
    assertEquals(new PrecisionChoice(Precision.FP16, ""), PrecisionChoice.choose("fp16", new ComputeDevice(
        ComputeDevice.Kind.GPU, 1), CpuInfo.parse(EPYC_AVX2)));
    var fp16OnCpu = assertThrows(UserError.class, () -> PrecisionChoice.choose("fp16", ComputeDevice.CPU,
        CpuInfo.parse(SAPPHIRE_RAPIDS)));
    assertTrue(fp16OnCpu.getMessage().startsWith("precision fp16 needs a GPU"), fp16OnCpu.getMessage());
    var bf16OnGpu = assertThrows(UserError.class, () -> PrecisionChoice.choose("bf16", ComputeDevice.GPU,
        CpuInfo.parse(SAPPHIRE_RAPIDS)));
    assertTrue(bf16OnGpu.getMessage().startsWith("precision bf16 runs on the CPU only"), bf16OnGpu.getMessage());
    var unknown = assertThrows(UserError.class, () -> PrecisionChoice.choose("fp8", ComputeDevice.CPU,
        CpuInfo.parse(EPYC_AVX2)));
    assertEquals("precision must be fp32, bf16, fp16 or auto, got 'fp8'", unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PrecisionChoice.choose("fp32", ComputeDevice.AUTO,
        CpuInfo.parse(EPYC_AVX2)), "the device is resolved first");
  }
}
