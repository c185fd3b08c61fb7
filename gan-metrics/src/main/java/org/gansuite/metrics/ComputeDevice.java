package org.gansuite.metrics;

import java.util.Locale;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.tensorflow.DeviceSpec;
import org.tensorflow.op.Ops;

/**
 * Where a metric's graph runs. {@link #AUTO} leaves placement to TensorFlow, which puts every op
 * with a GPU kernel on the first GPU when one exists; {@code /GPU:0} or {@code /CPU:0} pin it.
 * Sessions use soft placement, so an op without a kernel on the pinned device falls back to the CPU
 * instead of failing.
 *
 * @param type {@code null} for automatic placement, else the device type
 * @param index device index, 0 when not given
 */
public record ComputeDevice(DeviceSpec.DeviceType type, int index) {

  /** Let TensorFlow place the ops. */
  public static final ComputeDevice AUTO = new ComputeDevice(null, 0);

  public ComputeDevice {
    if (index < 0) {
      throw new IllegalArgumentException("device index must be >= 0, got " + index);
    }
    if (type == DeviceSpec.DeviceType.CUSTOM || type == DeviceSpec.DeviceType.TPU) {
      throw new IllegalArgumentException("metrics run on CPU or GPU, not " + type);
    }
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code gpu}, {@code /GPU:1}, {@code /device:CPU:0}
   * (case-insensitive).
   */
  public static ComputeDevice parse(String text) {
    Objects.requireNonNull(text, "device");
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("AUTO")) {
      return AUTO;
    }
    if (t.startsWith("/")) {
      t = t.substring(1);
    }
    if (t.startsWith("DEVICE:")) {
      t = t.substring("DEVICE:".length());
    }
    String[] parts = t.split(":");
    if (parts.length > 2 || !(parts[0].equals("CPU") || parts[0].equals("GPU"))) {
      throw new UserError(
          "device must look like auto, cpu, gpu or /GPU:0, got '" + text + "'");
    }
    try {
      int index = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return new ComputeDevice(DeviceSpec.DeviceType.valueOf(parts[0]), index);
    } catch (NumberFormatException e) {
      throw new UserError("device index in '" + text + "' is not a number", e);
    }
  }

  /** {@code tf} restricted to this device, or {@code tf} itself for {@link #AUTO}. */
  public Ops place(Ops tf) {
    if (type == null) {
      return tf;
    }
    return tf.withDevice(DeviceSpec.newBuilder().deviceType(type).deviceIndex(index).build());
  }

  @Override
  public String toString() {
    return type == null ? "auto" : "/" + type + ":" + index;
  }
}
