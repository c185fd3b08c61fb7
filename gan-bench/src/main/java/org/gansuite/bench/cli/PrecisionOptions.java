package org.gansuite.bench.cli;

import java.util.Locale;
import org.gansuite.core.UserError;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.CpuInfo;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.device.PrecisionChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --precision}: the arithmetic of the training graphs, shared by {@code train} and {@code reproduce}. */
final class PrecisionOptions {

  static final String DESCRIPTION = "Arithmetic of the training graph: fp32; bf16 (TensorFlow's automatic mixed "
      + "precision on the CPU; emulated and slower without avx512_bf16 or amx_bf16, which it warns about); fp16 (GPU "
      + "only, with dynamic loss scaling); or auto (bf16 where the CPU has avx512_bf16 or amx_bf16, else fp32; it "
      + "says which). Variables, optimizer state and every metric stay fp32/fp64.";

  @Option(names = "--precision", defaultValue = "fp32", paramLabel = "fp32|bf16|fp16|auto", description = DESCRIPTION)
  String precision;

  /** Whether the option asks for {@code auto}. */
  boolean auto() {
    return isAuto(precision);
  }

  /** The named precision, for a run whose machine decides nothing here (e.g. a Slurm task); usage error for auto. */
  Precision named(CommandSpec cmd, String why) {
    if (auto()) {
      throw new ParameterException(cmd.commandLine(), "--precision auto " + why + ": name the precision (fp32, bf16 or fp16)");
    }
    return parse(cmd, precision);
  }

  /** {@link #choose} for this option's value. */
  Precision resolve(CommandSpec cmd, ComputeDevice device, int threads) {
    return choose(cmd, precision, device, threads);
  }

  /**
   * The precision a run on {@code device} gets from {@code text}: says on stderr what {@code auto}
   * chose and warns of an emulated bf16; a usage error (exit code 2) for an unknown text, fp16 on a
   * CPU or bf16 on a GPU; and, below fp32, a one-line error (exit code 1) when TensorFlow would not
   * apply it in this process (checked on a small graph before anything is written, with the run's
   * {@code threads}: the first session of a process sizes TensorFlow's thread pools).
   */
  static Precision choose(CommandSpec cmd, String text, ComputeDevice device, int threads) {
    ComputeDevice resolved = device.resolve();
    PrecisionChoice choice;
    try {
      choice = PrecisionChoice.choose(text, resolved, CpuInfo.local());
    } catch (UserError e) {
      throw new ParameterException(cmd.commandLine(), "--" + e.getMessage());
    }
    if (!choice.note().isEmpty()) {
      cmd.commandLine().getErr().println("gan-bench: " + choice.note());
      cmd.commandLine().getErr().flush();
    }
    if (choice.precision() != Precision.FP32) {
      MixedPrecision.require(MixedPrecision.probe(resolved, choice.precision(), threads, 0), resolved);
    }
    return choice.precision();
  }

  static boolean isAuto(String text) {
    return text.trim().toLowerCase(Locale.ROOT).equals("auto");
  }

  private static Precision parse(CommandSpec cmd, String text) {
    try {
      return Precision.parse(text);
    } catch (UserError e) {
      throw new ParameterException(cmd.commandLine(), "--precision must be " + PrecisionChoice.FORMS + ", got '"
          + text + "'");
    }
  }
}
