package org.gansuite.core.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Counter-based randomness: every draw is a pure function of (seed, position), so the state to
 * resume a run is its position alone, and a resumed run repeats the draws of an uninterrupted one.
 */
public final class Randomness {

  private Randomness() {}

  /** A random permutation of 0..n-1 for the given epoch (Fisher-Yates). */
  public static int[] permutation(int n, long seed, int epoch) {
    int[] p = new int[n];
    shuffle(p, new SplittableRandom(mix(seed, 0x5EEDL, epoch)));
    return p;
  }

  /**
   * Fills {@code order} with a uniform random permutation of 0..length-1 drawn from {@code rng}
   * (Fisher-Yates from the last position down: {@code length - 1} draws, bounds length down to 2).
   */
  public static void shuffle(int[] order, SplittableRandom rng) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      swap(order, i, rng.nextInt(i + 1));
    }
  }

  /**
   * {@code k} distinct indices of 0..n-1, uniformly, drawn from {@code rng}: the first {@code k}
   * steps of a Fisher-Yates shuffle from the first position up ({@code k} draws, not {@code n - 1}).
   */
  public static int[] sample(SplittableRandom rng, int n, int k) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot draw " + k + " distinct indices of " + n);
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < k; i++) {
      swap(idx, i, i + rng.nextInt(n - i));
    }
    return Arrays.copyOf(idx, k);
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** z ~ U[-1, 1]^(batch x dim) for step {@code k} of iteration {@code iteration}. */
  public static float[] uniformZ(int batch, int dim, long seed, long iteration, int k) {
    return uniform(batch * dim, mix(seed, iteration, k));
  }

  /** The fixed z of the sample grids. */
  public static float[] sampleZ(int count, int dim, long seed) {
    return uniform(count * dim, mix(seed, -1, -1));
  }

  /**
   * The seed of the evaluation samples during training: the same z at every evaluation of a run,
   * other than the grids' z and every training step's.
   */
  public static long evaluationSeed(long seed) {
    return mix(seed, -2, -2);
  }

  /** The two-word seed of in-graph stateless random ops for one step. */
  public static long[] stepSeed(long seed, long iteration, int k) {
    return new long[] {seed, iteration * 1024 + k};
  }

  private static float[] uniform(int n, long seed) {
    var rng = new SplittableRandom(seed);
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return z;
  }

  static long mix(long seed, long a, long b) {
    long h = seed * 0x9E3779B97F4A7C15L + a;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
    return h ^ (h >>> 29);
  }
}
