package org.gansuite.metrics.extract;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.metrics.ComputeDevice;

/**
 * How to open an extractor.
 *
 * @param weights the weights or graph file (e.g. {@code classify_image_graph_def.pb})
 * @param pinnedSha256 when present, the file must have this SHA-256 or opening fails
 * @param device where the network runs
 * @param extra provider-specific settings
 */
public record ExtractorOptions(Path weights, Optional<String> pinnedSha256, ComputeDevice device,
    Map<String, String> extra) {
  public ExtractorOptions {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(pinnedSha256, "pinnedSha256");
    Objects.requireNonNull(device, "device");
    extra = Map.copyOf(extra);
    pinnedSha256.ifPresent(h -> {
      if (!h.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("pinned SHA-256 must be 64 hex digits, got '" + h + "'");
      }
    });
  }

  public static ExtractorOptions of(Path weights) {
    return new ExtractorOptions(weights, Optional.empty(), ComputeDevice.AUTO, Map.of());
  }
}
