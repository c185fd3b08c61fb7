package org.gansuite.bench.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The numbers the paper reports (PROTOCOL.md, Tables 2/3 and 5/6), printed beside ours. The IS
 * standard deviations are given unscaled (the paper prints them x0.01 for CelebA, x0.1 for CIFAR-10).
 */
public final class PaperValues {

  /** One published row. {@code params} as printed, e.g. "9.45 + 0.84". */
  public record Row(String label, int epochs, String objective, String params, double isMean, double isStd,
      double fid, double clarity, double diff) {}

  private PaperValues() {}

  /** Table 5 (CelebA 64x64). */
  public static final List<Row> CELEBA = List.of(
      new Row("BEGAN", 35, "Wasserstein", "4.47", 1.74, 0.0129, 46.24, 77.58, 30.30),
      new Row("DCGAN", 20, "JS", "9.45", 1.87, 0.0158, 50.11, 124.82, 16.94),
      new Row("LSGAN", 35, "Pearson χ²", "9.45", 2.02, 0.0163, 39.11, 122.19, 14.31),
      new Row("WGAN", 35, "Wasserstein", "9.45", 2.03, 0.0175, 40.31, 117.15, 9.27),
      new Row("WGAN-GP", 35, "Wasserstein", "9.45", 1.98, 0.0182, 37.01, 121.16, 13.28),
      new Row("SAGAN (hinge)", 30, "Wasserstein", "10.98", 2.06, 0.0179, 21.94, 109.94, 2.06),
      new Row("SAGAN (JS)", 30, "JS", "10.98", 1.99, 0.0179, 31.04, 99.57, 8.31),
      new Row("proposed", 15, "JS + λ·KL", "9.45 + 0.84", 2.05, 0.0184, 25.62, 114.95, 7.07),
      new Row("training set", 0, "", "", 2.71, 0.0248, 0.00, 107.88, 0.00));

  /** Table 6 (CIFAR-10 32x32). */
  public static final List<Row> CIFAR10 = List.of(
      new Row("BEGAN", 35, "Wasserstein", "3.67", 5.36, 0.065, 107.64, 80.89, 39.67),
      new Row("DCGAN", 20, "JS", "8.83", 5.04, 0.027, 54.27, 139.12, 18.56),
      new Row("LSGAN", 35, "Pearson χ²", "8.83", 5.70, 0.036, 43.35, 135.80, 15.24),
      new Row("WGAN", 35, "Wasserstein", "8.83", 5.25, 0.033, 53.88, 136.74, 16.18),
      new Row("WGAN-GP", 35, "Wasserstein", "8.83", 5.39, 0.030, 50.60, 139.17, 18.61),
      new Row("SAGAN (hinge)", 30, "Wasserstein", "8.57", 6.09, 0.047, 42.90, 126.28, 5.72),
      new Row("SAGAN (JS)", 30, "JS", "8.57", 5.37, 0.046, 53.49, 133.54, 12.98),
      new Row("proposed", 15, "JS + λ·KL", "8.83 + 0.23", 5.83, 0.070, 42.70, 134.97, 14.41),
      new Row("training set", 0, "", "", 10.70, 0.147, 0.00, 120.56, 0.00));

  /** Table 2 (CelebA decoding variants). */
  public static final List<Row> CELEBA_VARIANTS = List.of(
      new Row("normal features", 15, "", "", 1.88, 0.0125, 42.54, 121.40, 13.52),
      new Row("uniform features", 15, "", "", 1.82, 0.0148, 43.04, 123.02, 15.14),
      new Row("L1", 15, "", "", 1.99, 0.0153, 32.95, 120.16, 12.28),
      new Row("L2*", 15, "", "", 1.69, 0.0097, 46.08, 96.88, 11.00),
      new Row("L2 (proposed)", 15, "", "", 2.05, 0.0184, 25.62, 114.95, 7.07),
      new Row("training set", 0, "", "", 2.71, 0.0248, 0.00, 107.88, 0.00));

  /** Table 3 (CIFAR-10 decoding variants). */
  public static final List<Row> CIFAR10_VARIANTS = List.of(
      new Row("normal features", 15, "", "", 5.63, 0.064, 48.21, 139.88, 19.32),
      new Row("uniform features", 15, "", "", 5.51, 0.079, 46.57, 137.13, 16.57),
      new Row("L1", 15, "", "", 5.63, 0.079, 44.53, 138.04, 17.48),
      new Row("L2*", 15, "", "", 4.69, 0.055, 79.10, 119.62, 0.94),
      new Row("L2 (proposed)", 15, "", "", 5.83, 0.070, 42.70, 134.97, 14.41),
      new Row("training set", 0, "", "", 10.70, 0.147, 0.00, 120.56, 0.00));

  public static Optional<Row> find(List<Row> table, String label) {
    return table.stream().filter(r -> r.label().equals(label)).findFirst();
  }
}
