package org.gansuite.core.device;

import java.util.Locale;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.RewriterConfig;

/**
 * The arithmetic a training graph runs in. Every graph is built in float32; a lower precision is
 * TensorFlow's automatic mixed precision, a grappler pass of the session that runs the graph:
 * it casts the inputs of the ops on its allow list (MatMul, Conv2D and their backprops) and of the
 * element-wise ops between them to the 16-bit type and back. Variables, optimizer slots and
 * updates (ApplyAdam, ApplyRMSProp, which the pass never converts) stay float32, and every metric
 * runs in sessions of its own, in float32/float64.
 *
 * <ul>
 *   <li>{@link #BF16}: bfloat16 (float32's exponent, 8 significant bits) through
 *       {@code RewriterConfig.auto_mixed_precision_onednn_bfloat16}, on the CPU. TensorFlow
 *       registers that pass only while its oneDNN custom operations are on: by default on CPUs with
 *       AVX512-VNNI, AVX512-BF16, AVX-VNNI or AMX, elsewhere only with {@code TF_ENABLE_ONEDNN_OPTS=1}
 *       set before it loads. Without AVX512-BF16 or AMX the bfloat16 kernels are emulated
 *       (Eigen's), slower than float32. No loss scaling: the range is float32's.</li>
 *   <li>{@link #FP16}: IEEE float16 through {@code RewriterConfig.auto_mixed_precision}, whose
 *       pass converts ops placed on a CUDA GPU of compute capability 7.0 or more only. Its range
 *       (largest 65504, smallest normal 6e-5) needs dynamic loss scaling
 *       ({@link org.gansuite.core.graph.LossScaling}).</li>
 * </ul>
 *
 * <p>Whether the pass really rewrote a graph is observed, not assumed: {@link MixedPrecision}
 * counts the 16-bit ops of the graph TensorFlow ran.
 */
public enum Precision {
  FP32("fp32", DataType.DT_FLOAT),
  BF16("bf16", DataType.DT_BFLOAT16),
  FP16("fp16", DataType.DT_HALF);

  /** The accepted text forms, named in parse errors. */
  public static final String FORMS = "fp32, bf16 or fp16";

  private final String key;
  private final DataType type;

  Precision(String key, DataType type) {
    this.key = key;
    this.type = type;
  }

  /** The text form: {@code fp32}, {@code bf16}, {@code fp16}. */
  public String key() {
    return key;
  }

  /** The type the compute ops run in. */
  public DataType type() {
    return type;
  }

  /** Whether the optimizer steps need dynamic loss scaling (float16's narrow range). */
  public boolean lossScaled() {
    return this == FP16;
  }

  @Override
  public String toString() {
    return key;
  }

  /**
   * Parses {@code fp32}, {@code bf16} or {@code fp16} (any case; also {@code float32},
   * {@code bfloat16}, {@code float16}).
   *
   * @throws UserError for anything else, naming the accepted forms
   */
  public static Precision parse(String text) {
    Objects.requireNonNull(text, "precision");
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "fp32", "float32" -> FP32;
      case "bf16", "bfloat16" -> BF16;
      case "fp16", "float16", "half" -> FP16;
      default -> throw new UserError("precision must be " + FORMS + ", got '" + text + "'");
    };
  }

  /** Turns on this precision's grappler pass (none for {@link #FP32}). */
  void rewrite(RewriterConfig.Builder rewriter) {
    switch (this) {
      case BF16 -> rewriter.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
      case FP16 -> rewriter.setAutoMixedPrecision(RewriterConfig.Toggle.ON);
      case FP32 -> { }
    }
  }
}
