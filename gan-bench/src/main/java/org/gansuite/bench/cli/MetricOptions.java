package org.gansuite.bench.cli;

import org.gansuite.metrics.ComputeDevice;
import picocli.CommandLine.Option;

/** Options every metric command shares: the output form and where the metric graphs run. */
final class MetricOptions {

  @Option(names = "--json", description = "Print one JSON object (the numbers and a 'protocol' object).")
  boolean json;

  @Option(names = "--device", defaultValue = "auto",
      description = "Where the metric graphs run: auto (TensorFlow's choice), cpu, gpu, /GPU:1.")
  String device;

  ComputeDevice device() {
    return ComputeDevice.parse(device);
  }
}
