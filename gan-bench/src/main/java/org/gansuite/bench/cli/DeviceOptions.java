package org.gansuite.bench.cli;

import org.gansuite.metrics.ComputeDevice;
import picocli.CommandLine.Option;

/** Where TensorFlow runs: the options shared by the commands that train, sample or score. */
final class DeviceOptions {

  @Option(names = "--device", defaultValue = "", description = "TensorFlow device, e.g. /GPU:0 (default: TF's choice).")
  String device;

  @Option(names = "--threads", defaultValue = "0", description = "TF intra-op threads (0: all cores).")
  int threads;

  /** The same device for the metric graphs (TF's choice when none was named). */
  ComputeDevice metrics() {
    return ComputeDevice.parse(device);
  }
}
