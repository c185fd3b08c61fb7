package org.gansuite.bench.cli;

import org.gansuite.core.device.ComputeDevice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where TensorFlow runs: the options shared by the commands that train, sample or score. */
final class DeviceOptions {

  @Option(names = "--device", defaultValue = "auto", converter = DeviceOptions.Parse.class, description = "TensorFlow "
      + "device: auto (the first GPU if there is one, else the CPU), cpu, gpu, /GPU:n, /CPU:n.")
  ComputeDevice device;

  @Option(names = "--threads", defaultValue = "0", description = "TF intra-op threads (0: all cores).")
  int threads;

  /** The same device for the metric graphs. */
  ComputeDevice metrics() {
    return device;
  }

  /** {@code --device} text to a {@link ComputeDevice}, with its parse message as the usage error. */
  static final class Parse implements ITypeConverter<ComputeDevice> {
    @Override
    public ComputeDevice convert(String value) {
      try {
        return ComputeDevice.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
