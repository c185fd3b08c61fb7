package org.gansuite.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gansuite.core.UserError;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunMetadata;

/** Device strings ({@code /GPU:0}, {@code /CPU:0}) and session configuration. */
public final class Devices {

  private static final Pattern DEVICE = Pattern.compile("/?(?:device:)?(CPU|GPU):(\\d+)", Pattern.CASE_INSENSITIVE);

  private Devices() {}

  /** Parses {@code /GPU:0}-style names; fails with the accepted form otherwise. */
  public static DeviceSpec parse(String device) {
    Matcher m = DEVICE.matcher(device.trim());
    if (!m.matches()) {
      throw new UserError("device must look like /CPU:0 or /GPU:0, got '" + device + "'");
    }
    return DeviceSpec.newBuilder()
        .deviceType(m.group(1).equalsIgnoreCase("GPU") ? DeviceSpec.DeviceType.GPU : DeviceSpec.DeviceType.CPU)
        .deviceIndex(Integer.parseInt(m.group(2)))
        .build();
  }

  /** Root ops of {@code graph}, placed on {@code device} when one is named ({@code ""}: TF's choice). */
  public static Ops ops(Graph graph, String device) {
    Ops tf = Ops.create(graph);
    return device.isEmpty() ? tf : tf.withDevice(parse(device));
  }

  /**
   * Session options: thread counts (0 = TF's default) and soft placement, so ops without a kernel
   * on the requested device fall back to the CPU instead of failing. Grappler's remapper is off:
   * on training graphs it fuses a BiasAdd that LeakyReluGrad still reads, fails, discards its
   * work and logs an error (measured: the same speed with it off).
   */
  public static ConfigProto sessionConfig(int intraOpThreads, int interOpThreads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads)
        .setAllowSoftPlacement(true)
        .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(
            RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
        .build();
  }

  /** Names of the devices that ran ops in a traced step. */
  public static List<String> used(RunMetadata metadata) {
    List<String> out = new ArrayList<>();
    for (var d : metadata.getStepStats().getDevStatsList()) {
      if (!out.contains(d.getDevice())) {
        out.add(d.getDevice());
      }
    }
    return out;
  }
}
