package org.gansuite.metrics.extract;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.UserError;

/**
 * How to open an extractor.
 *
 * @param weights the weights or graph file (e.g. {@code classify_image_graph_def.pb}), or the
 *     folder an extractor keeps its trained weights in; null lets the provider use its default
 *     location, where it has one (an extractor that needs a file refuses null, naming the extractor)
 * @param pinnedSha256 when present, the file must have this SHA-256 or opening fails
 * @param device where the network runs
 * @param extra provider-specific settings
 */
public record ExtractorOptions(Path weights, Optional<String> pinnedSha256, ComputeDevice device,
    Map<String, String> extra) {
  public ExtractorOptions {
    Objects.requireNonNull(pinnedSha256, "pinnedSha256");
    Objects.requireNonNull(device, "device");
    extra = Map.copyOf(extra);
    pinnedSha256.ifPresent(h -> {
      if (!h.matches("[0-9a-fA-F]{64}")) {
        throw new UserError("pinned SHA-256 must be 64 hex digits, got '" + h + "'");
      }
    });
  }

  /**
   * Refuses weights whose SHA-256 {@code actual} differs from the pinned one, if any;
   * {@code what} names the weights in the error.
   */
  public void checkPinned(String what, String actual) {
    pinnedSha256.ifPresent(h -> {
      if (!h.toLowerCase(Locale.ROOT).equals(actual)) {
        throw new SecurityException(what + ": SHA-256 is " + actual + " but " + h + " was pinned");
      }
    });
  }

  /** Default options with {@code weights} (null: the provider's default location). */
  public static ExtractorOptions of(Path weights) {
    return new ExtractorOptions(weights, Optional.empty(), ComputeDevice.AUTO, Map.of());
  }
}
