package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomnessTest {

  /** The loop the trainer, the classifier trainer and the held-out split each had, as it was. */
  private static int[] oldPermutation(int n, SplittableRandom rng) {
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

  /** KID's partial shuffle as it was. */
  private static int[] oldSample(SplittableRandom rng, int n, int k) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return Arrays.copyOf(idx, k);
  }

  @Test
  void shuffleReproducesTheOldAlgorithmBitForBit() {
    for (int n : new int[] {0, 1, 2, 7, 1000}) {
      int[] order = new int[n];
      Randomness.shuffle(order, new SplittableRandom(42));
      assertArrayEquals(oldPermutation(n, new SplittableRandom(42)), order);
    }
    // The epoch permutation is the shuffle under the mixed seed.
    assertArrayEquals(oldPermutation(100, new SplittableRandom(Randomness.mix(7, 0x5EEDL, 3))),
        Randomness.permutation(100, 7, 3));
    // Pinned: a change of algorithm would reorder every resumed run's epochs.
    int[] ten = new int[10];
    Randomness.shuffle(ten, new SplittableRandom(1));
    assertArrayEquals(oldPermutation(10, new SplittableRandom(1)), ten);
    int[] sorted = ten.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
  }

  @Test
  void sampleReproducesKidsPartialShuffle() {
    for (int[] nk : new int[][] {{30, 30}, {30, 5}, {1000, 50}, {3, 0}}) {
      assertArrayEquals(oldSample(new SplittableRandom(5), nk[0], nk[1]),
          Randomness.sample(new SplittableRandom(5), nk[0], nk[1]));
    }
    assertThrows(IllegalArgumentException.class, () -> Randomness.sample(new SplittableRandom(1), 3, 4));
  }
}
