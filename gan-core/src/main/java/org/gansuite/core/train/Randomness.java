package org.gansuite.core.train;

import java.util.SplittableRandom;

/**
 * Counter-based randomness: every draw is a pure function of (seed, position), so the state to
 * resume a run is its position alone, and a resumed run repeats the draws of an uninterrupted one.
 */
public final class Randomness {

  private Randomness() {}

  /** A random permutation of 0..n-1 for the given epoch (Fisher-Yates). */
  public static int[] permutation(int n, long seed, int epoch) {
    var rng = new SplittableRandom(mix(seed, 0x5EEDL, epoch));
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** z ~ U[-1, 1]^(batch x dim) for step {@code k} of iteration {@code iteration}. */
  public static float[] uniformZ(int batch, int dim, long seed, long iteration, int k) {
    return uniform(batch * dim, mix(seed, iteration, k));
  }

  /** The fixed z of the sample grids. */
  public static float[] sampleZ(int count, int dim, long seed) {
    return uniform(count * dim, mix(seed, -1, -1));
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
