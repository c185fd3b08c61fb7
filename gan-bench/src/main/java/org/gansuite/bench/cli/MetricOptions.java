package org.gansuite.bench.cli;

import org.gansuite.core.device.ComputeDevice;
import picocli.CommandLine.Option;

/** Options every metric command shares: the output form and where the metric graphs run. */
final class MetricOptions {

  @Option(names = "--json", description = "Print one JSON object (the numbers and a 'protocol' object).")
  boolean json;

  @Option(names = "--device", defaultValue = "auto", converter = DeviceOptions.Parse.class, description = "Where the "
      + "metric graphs run: auto (the first GPU if there is one, else the CPU), cpu, gpu, /GPU:n, /CPU:n.")
  ComputeDevice device;

  ComputeDevice device() {
    return device;
  }
}
