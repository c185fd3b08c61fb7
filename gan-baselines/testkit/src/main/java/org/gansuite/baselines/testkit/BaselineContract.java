package org.gansuite.baselines.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What every baseline must satisfy, inherited by each module's test class: it is found by
 * ServiceLoader under its name; it samples images of the requested shape in [-1, 1] at 32x32 and
 * 64x64 with 1 or 3 channels; and each training phase changes the parameters of its own network
 * and no variable of any other network (over two steps: see the test). Models run at small widths here ({@link #smallWidths()}):
 * the exact architecture is tested by each module's parameter counts. Only {@link #provider()} must be
 * implemented; the defaults of the other hooks fit models that use the suite's hyper-parameter and
 * phase names.
 */
public abstract class BaselineContract {

  /** The provider under test. */
  protected abstract SimpleGanModelProvider provider();

  /** Width hyper-parameters the default {@link #smallWidths()} sets to 8 where a model declares them. */
  public static final Map<String, String> SMALL = Map.of("gf", "8", "df", "8", "n", "8", "h", "8");

  /** Phase names the default {@link #phaseOwners()} knows, with the network each trains. */
  public static final Map<String, String> OWNERS = Map.of("d", "discriminator", "critic", "discriminator",
      "g", "generator");

  /**
   * Hyper-parameter overrides that shrink the networks for fast tests; default: the {@link #SMALL}
   * entries the provider declares (DCGAN-layout {@code gf}/{@code df}, BEGAN-style {@code n}/{@code h}).
   */
  protected Map<String, String> smallWidths() {
    var out = new TreeMap<>(SMALL);
    out.keySet().retainAll(provider().defaults().asMap().keySet());
    return out;
  }

  /**
   * Phase name to the network it trains (every phase of the model must be a key); default
   * {@link #OWNERS}: {@code d} and {@code critic} train the discriminator, {@code g} the generator.
   * Override for other phase names.
   */
  protected Map<String, String> phaseOwners() {
    return OWNERS;
  }

  /**
   * Whether {@code parameter} of {@code owner} may legitimately keep its value in a step of
   * {@code phase}: e.g. a Wasserstein critic's output bias, on which E D(G(z)) - E D(x) does not
   * depend. None by default.
   */
  protected boolean hasNoGradient(String phase, Network owner, Variable<TFloat32> parameter) {
    return false;
  }

  @Test
  void isRegisteredThroughServiceLoader() {
    var found = ModelRegistry.load().get(provider().name());
    assertInstanceOf(provider().getClass(), found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"32x32x1", "32x32x3", "64x64x1", "64x64x3"})
  void samplesHaveTheBatchAndImageShapeAndLieInTheTanhRange(String shape) {
    var spec = TestSpecs.small(provider(), shape, smallWidths());
    try (var h = new ModelHarness(provider(), spec)) {
      var samples = h.gan().samples();
      assertEquals(List.of(-1L, (long) spec.shape().height(), (long) spec.shape().width(),
          (long) spec.shape().channels()), boxed(samples.shape().asArray()));
      float[] v = h.fetch(samples);
      assertEquals(spec.batchSize() * spec.shape().pixels(), v.length);
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (float x : v) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      assertTrue(min >= -1 && max <= 1, "samples in [" + min + ", " + max + "]");
      assertTrue(max - min > 1e-4, "samples vary: [" + min + ", " + max + "]");
    }
  }

  @Test
  void eachPhaseChangesOnlyItsOwnNetwork() {
    var spec = TestSpecs.small(provider(), "32x32x1", smallWidths());
    try (var h = new ModelHarness(provider(), spec)) {
      var phases = new HashSet<>(h.gan().phases().stream().map(p -> p.name()).toList());
      assertTrue(phaseOwners().keySet().containsAll(phases), "phases " + phases + " but owners only for "
          + phaseOwners().keySet() + ": override phaseOwners() in " + getClass().getSimpleName());
      for (var phase : h.gan().phases()) {
        String owner = phaseOwners().get(phase.name());
        // Two steps: a parameter may get its first gradient only after another moved (SAGAN's
        // attention convolutions wait for gamma, initialised to 0, to leave 0).
        var changed = h.changedBy(phase.name(), 2);
        for (var net : h.gan().networks()) {
          var names = changed.get(net.name());
          if (net.name().equals(owner)) {
            for (var v : net.trainableVariables()) {
              if (hasNoGradient(phase.name(), net, v)) {
                continue;
              }
              assertTrue(names.contains(v.op().name()), phase.name() + " left " + v.op().name() + " unchanged");
            }
          } else {
            assertEquals(List.of(), names, "phase " + phase.name() + " changed " + net.name());
          }
        }
      }
    }
  }

  private static List<Long> boxed(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
