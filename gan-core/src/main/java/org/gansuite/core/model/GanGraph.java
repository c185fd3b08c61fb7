package org.gansuite.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.core.graph.Network;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A built model: its inputs, its sampling op (generator in inference mode, images in [-1, 1]),
 * its training phases in order, and its networks (for parameter counts and checkpoints).
 */
public record GanGraph(
    GanInputs inputs, Operand<TFloat32> samples, List<Phase> phases, List<Network> networks,
    Optional<BatchFeeds> batchFeeds) {

  public GanGraph {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(samples, "samples");
    phases = List.copyOf(phases);
    networks = List.copyOf(networks);
    Objects.requireNonNull(batchFeeds, "batchFeeds");
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one training phase");
    }
  }

  public GanGraph(GanInputs inputs, Operand<TFloat32> samples, List<Phase> phases, List<Network> networks) {
    this(inputs, samples, phases, networks, Optional.empty());
  }

  /**
   * Real batches consumed by one iteration: one per step of a phase that draws, and one for the
   * first step of the iteration if no earlier step drew (a step always sees a real batch).
   */
  public int batchesPerIteration() {
    int n = 0;
    for (Phase p : phases) {
      for (int k = 0; k < p.steps(); k++) {
        if (p.drawsBatch() || n == 0) {
          n++;
        }
      }
    }
    return n;
  }

  public Network network(String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no network named " + name));
  }
}
