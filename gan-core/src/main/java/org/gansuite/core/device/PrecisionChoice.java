package org.gansuite.core.device;

import java.util.Locale;
import java.util.Objects;
import org.gansuite.core.UserError;

/**
 * The precision a run gets from what the user asked ({@code fp32}, {@code bf16}, {@code fp16} or
 * {@code auto}), the device it runs on and the CPU, with what to tell the user about it: never a
 * silent choice, never a silent emulation.
 *
 * <ul>
 *   <li>{@code auto}: bf16 on a CPU with AVX512-BF16 or AMX-BF16, else fp32; on a GPU fp32 (fp16
 *       changes the numerics enough to be asked for by name). The note says which and why.</li>
 *   <li>{@code bf16} on a CPU without those instructions: bf16 all the same (its arithmetic is
 *       what was asked for), with a warning that it is emulated and slower.</li>
 *   <li>{@code fp16} on a CPU, or {@code bf16} on a GPU: refused, TensorFlow 2.18 has no such
 *       rewrite (its float16 pass converts only ops on a CUDA GPU, its bfloat16 pass only ops on
 *       the CPU).</li>
 * </ul>
 *
 * @param precision the precision the run gets
 * @param note one line for the user (empty when the choice is the one asked for and needs no comment)
 */
public record PrecisionChoice(Precision precision, String note) {

  /** The text forms of the option, {@code auto} included. */
  public static final String FORMS = "fp32, bf16, fp16 or auto";

  public PrecisionChoice {
    Objects.requireNonNull(precision, "precision");
    note = note == null ? "" : note;
  }

  /**
   * Resolves {@code requested} for a run on {@code device} (resolved, i.e. not {@code auto}).
   *
   * @throws UserError for an unknown text, fp16 on a CPU and bf16 on a GPU
   */
  public static PrecisionChoice choose(String requested, ComputeDevice device, CpuInfo cpu) {
    Objects.requireNonNull(requested, "precision");
    if (device.kind() == ComputeDevice.Kind.AUTO) {
      throw new IllegalArgumentException("resolve the device first, got auto");
    }
    boolean gpu = device.kind() == ComputeDevice.Kind.GPU;
    if (requested.trim().toLowerCase(Locale.ROOT).equals("auto")) {
      if (gpu) {
        return new PrecisionChoice(Precision.FP32, "precision auto: fp32 on " + device
            + " (float16 changes the numerics enough to be asked for by name: --precision fp16)");
      }
      return cpu.bf16()
          ? new PrecisionChoice(Precision.BF16, "precision auto: bf16 (the CPU, " + cpu.model() + ", has "
              + cpu.bf16Flags() + ")")
          : new PrecisionChoice(Precision.FP32, "precision auto: fp32 (the CPU, " + cpu.model()
              + ", has neither avx512_bf16 nor amx_bf16: bfloat16 would be emulated and slower)");
    }
    Precision p;
    try {
      p = Precision.parse(requested);
    } catch (UserError e) {
      throw new UserError("precision must be " + FORMS + ", got '" + requested + "'");
    }
    if (p == Precision.FP16 && !gpu) {
      throw new UserError("precision fp16 needs a GPU: TensorFlow's float16 rewrite converts only ops on a CUDA GPU, "
          + "and this run is on " + device + " (use bf16 or fp32 on a CPU)");
    }
    if (p == Precision.BF16 && gpu) {
      throw new UserError("precision bf16 runs on the CPU only: TensorFlow's bfloat16 rewrite converts only ops on "
          + "the CPU (its CUDA rewrite is float16), and this run is on " + device + " (use fp16 there, or --device cpu)");
    }
    if (p == Precision.BF16 && !cpu.bf16()) {
      return new PrecisionChoice(p, "warning: precision bf16 on a CPU without bfloat16 instructions ("
          + cpu.model() + ": no avx512_bf16 or amx_bf16): bfloat16 is emulated, slower than fp32");
    }
    return new PrecisionChoice(p, "");
  }
}
