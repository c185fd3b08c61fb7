package org.gansuite.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One reading of the paper's clarity (清晰度), which the paper never defines: a {@link Statistic}
 * of the response of a Laplacian {@link Kernel} over the 8-bit grey image (reflect-101 borders,
 * every pixel), per image; the paper's number is its mean over images. {@link #DEFAULT} is
 * OpenCV's {@code cv2.Laplacian(grey, cv2.CV_64F).var()}, the most cited "variance of the
 * Laplacian" sharpness measure. The others are the Laplacian sharpness functions of the
 * image-quality literature (the "Laplacian gradient function" mean |L| with the 1-4-1/-20 kernel,
 * the energy of the Laplacian), kept so that the training-set row can show which one lands on
 * the paper's training-set values (107.88 CelebA, 120.56 CIFAR-10).
 */
public record ClarityDefinition(Statistic statistic, Kernel kernel) {

  /** Variance of the 4-neighbour Laplacian: OpenCV's {@code cv2.Laplacian(grey, CV_64F).var()}. */
  public static final ClarityDefinition DEFAULT = new ClarityDefinition(Statistic.VAR, Kernel.FOUR);

  /** Every candidate, statistic by statistic, kernel by kernel: the order of tables and stored lists. */
  public static final List<ClarityDefinition> ALL = all();

  /** What is computed from a response R over the n pixels of one image (numpy names in brackets). */
  public enum Statistic {
    /** Population variance of R ({@code R.var()}): today's default, cv2's variance of the Laplacian. */
    VAR("var", "population variance of the response (R.var())"),
    /** Its square root ({@code R.std()}): the scale of the response in grey levels. */
    STD("std", "population standard deviation of the response (R.std())"),
    /** Mean absolute response ({@code np.abs(R).mean()}): the "Laplacian gradient function" divided by n. */
    MEAN_ABS("mean-abs", "mean absolute response (np.abs(R).mean())"),
    /** Mean squared response ({@code (R**2).mean()}): the energy of the Laplacian divided by n. */
    ENERGY("energy", "mean squared response, the energy of the Laplacian per pixel ((R**2).mean())");

    private final String key;
    private final String description;

    Statistic(String key, String description) {
      this.key = key;
      this.description = description;
    }

    /** The command-line name. */
    public String key() {
      return key;
    }

    public String description() {
      return description;
    }

    /**
     * The statistic from exact integer sums of the undivided response over {@code n} pixels: its
     * sum, sum of squares and sum of absolute values; {@code divisor} scales the response down
     * (6 for the 1-4-1/-20 kernel).
     */
    double of(long n, long sum, long squares, long absolute, int divisor) {
      double d = divisor;
      return switch (this) {
        case VAR -> centredSquares(n, sum, squares) / ((double) n * n) / (d * d);
        case STD -> Math.sqrt(centredSquares(n, sum, squares) / ((double) n * n)) / d;
        case MEAN_ABS -> (double) absolute / n / d;
        case ENERGY -> (double) squares / n / (d * d);
      };
    }

    /**
     * n * sum(R^2) - sum(R)^2 = n^2 var(R), exact in integers and rounded once; a double formula
     * would cancel digits when the mean is large against the spread. Past the range of a long
     * (images of about ten million pixels) the product is taken in BigInteger.
     */
    private static double centredSquares(long n, long sum, long squares) {
      try {
        return Math.subtractExact(Math.multiplyExact(n, squares), Math.multiplyExact(sum, sum));
      } catch (ArithmeticException overflow) {
        var big = java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(squares))
            .subtract(java.math.BigInteger.valueOf(sum).pow(2));
        return big.doubleValue();
      }
    }

    /** The statistic of a command-line name, case-insensitive; the error names the choices. */
    public static Statistic parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(s -> s.key.equals(t)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("unknown clarity statistic '" + text + "'; choose from "
              + Arrays.stream(values()).map(Statistic::key).collect(Collectors.joining(", "))));
    }
  }

  /**
   * A 3x3 Laplacian kernel, symmetric: {@code centre} weight, weight of the 4 edge neighbours
   * ({@code cross}), of the 4 corner neighbours ({@code diagonal}), all divided by {@code divisor}.
   * The response of 8-bit grey is an integer multiple of 1/divisor, so the sums stay exact.
   */
  public enum Kernel {
    /** [[0,1,0],[1,-4,1],[0,1,0]]: cv2.Laplacian(grey, CV_64F) (ksize 1). */
    FOUR("4", -4, 1, 0, 1, "4-neighbour Laplacian [[0,1,0],[1,-4,1],[0,1,0]] (cv2.Laplacian(grey, CV_64F))"),
    /** [[1,1,1],[1,-8,1],[1,1,1]]: cv2.filter2D(grey, CV_64F, kernel). */
    EIGHT("8", -8, 1, 1, 1, "8-neighbour Laplacian [[1,1,1],[1,-8,1],[1,1,1]] (cv2.filter2D(grey, CV_64F, k))"),
    /** [[1,4,1],[4,-20,4],[1,4,1]]/6: the kernel of the "Laplacian gradient function". */
    ONE_FOUR_ONE("141", -20, 4, 1, 6,
        "Laplacian [[1,4,1],[4,-20,4],[1,4,1]]/6 (cv2.filter2D(grey, CV_64F, k / 6))");

    private final String key;
    private final int centre;
    private final int cross;
    private final int diagonal;
    private final int divisor;
    private final String description;

    Kernel(String key, int centre, int cross, int diagonal, int divisor, String description) {
      this.key = key;
      this.centre = centre;
      this.cross = cross;
      this.diagonal = diagonal;
      this.divisor = divisor;
      this.description = description;
    }

    /** The command-line name. */
    public String key() {
      return key;
    }

    public String description() {
      return description;
    }

    int centre() {
      return centre;
    }

    int cross() {
      return cross;
    }

    int diagonal() {
      return diagonal;
    }

    int divisor() {
      return divisor;
    }

    /** The kernel's integer weights (before the divisor), row by row. */
    public int[][] weights() {
      return new int[][] {{diagonal, cross, diagonal}, {cross, centre, cross}, {diagonal, cross, diagonal}};
    }

    /** The kernel of a command-line name; the error names the choices. */
    public static Kernel parse(String text) {
      String t = text.trim();
      return Arrays.stream(values()).filter(k -> k.key.equals(t)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("unknown clarity kernel '" + text + "'; choose from "
              + Arrays.stream(values()).map(Kernel::key).collect(Collectors.joining(", "))));
    }
  }

  public ClarityDefinition {
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(kernel, "kernel");
  }

  private static List<ClarityDefinition> all() {
    List<ClarityDefinition> all = new ArrayList<>();
    for (Statistic s : Statistic.values()) {
      for (Kernel k : Kernel.values()) {
        all.add(new ClarityDefinition(s, k));
      }
    }
    return List.copyOf(all);
  }

  /** For JSON keys and CSV headers: {@code var_k4}, {@code mean_abs_k141}. */
  public String key() {
    return statistic.key().replace('-', '_') + "_k" + kernel.key();
  }

  /** The options that select it: {@code --clarity std --clarity-kernel 8}. */
  public String options() {
    return "--clarity " + statistic.key() + " --clarity-kernel " + kernel.key();
  }

  /** For protocols and footnotes. */
  public String describe() {
    return statistic.description() + " of the " + kernel.description() + " of the 8-bit grey image "
        + "(OpenCV's fixed-point RGB to grey), border reflect-101, per image; mean over images";
  }

  @Override
  public String toString() {
    return statistic.key() + " " + kernel.key();
  }
}
