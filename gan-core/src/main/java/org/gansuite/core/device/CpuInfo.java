package org.gansuite.core.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU as Linux describes it in {@code /proc/cpuinfo}: its model name and the instruction-set
 * flags of its first processor, read for the choice of precision and for performance reports.
 *
 * @param model the model name, e.g. {@code AMD EPYC} ({@code unknown} where there is none)
 * @param flags the flags, e.g. {@code avx2}, {@code avx512_bf16}, {@code amx_bf16}
 */
public record CpuInfo(String model, Set<String> flags) {

  /** The flags a performance report names: vector width and the 16-bit float instructions. */
  public static final List<String> REPORTED = List.of("avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16",
      "amx_tile", "amx_bf16", "avx512_fp16", "amx_fp16");

  /**
   * The flags with which TensorFlow 2.18 turns its oneDNN custom operations (and with them its
   * bfloat16 pass) on by default on Linux ({@code DefaultOneDnnPolicy} in
   * {@code tensorflow/core/util/util.cc}).
   */
  static final List<String> ONEDNN_BY_DEFAULT = List.of("avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile",
      "amx_int8", "amx_bf16");

  public CpuInfo {
    model = model == null || model.isBlank() ? "unknown" : model.trim();
    flags = Set.copyOf(flags);
  }

  /** This machine's CPU; {@code unknown} with no flags where {@code /proc/cpuinfo} cannot be read. */
  public static CpuInfo local() {
    try {
      return parse(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException | SecurityException e) {
      return new CpuInfo("unknown", Set.of());
    }
  }

  /** The model name and flags of the first processor described in {@code text} (x86 Linux format). */
  public static CpuInfo parse(String text) {
    String model = null;
    Set<String> flags = null;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        if (line.isBlank() && model != null && flags != null) {
          break;
        }
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model == null) {
        model = value;
      } else if (key.equals("flags") && flags == null) {
        flags = new TreeSet<>(List.of(value.split("\\s+")));
        flags.remove("");
      }
    }
    return new CpuInfo(model, flags == null ? Set.of() : flags);
  }

  /** Whether the CPU computes in bfloat16 natively (AVX512-BF16 or AMX-BF16); else bfloat16 is emulated. */
  public boolean bf16() {
    return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
  }

  /** The native bfloat16 instructions it has, e.g. {@code amx_bf16, avx512_bf16} (empty if none). */
  public String bf16Flags() {
    List<String> out = new ArrayList<>();
    for (String f : List.of("amx_bf16", "avx512_bf16")) {
      if (flags.contains(f)) {
        out.add(f);
      }
    }
    return String.join(", ", out);
  }

  /** Whether TensorFlow turns its oneDNN operations on by default on this CPU (see {@link #ONEDNN_BY_DEFAULT}). */
  public boolean oneDnnByDefault() {
    return ONEDNN_BY_DEFAULT.stream().anyMatch(flags::contains);
  }

  /** The {@link #REPORTED} flags with yes or no, e.g. {@code avx2 yes, avx512f no, ...}. */
  public String describeFlags() {
    List<String> out = new ArrayList<>();
    for (String f : REPORTED) {
      out.add(f + (flags.contains(f) ? " yes" : " no"));
    }
    return String.join(", ", out);
  }
}
