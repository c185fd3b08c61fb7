package org.gansuite.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.op.Op;

/**
 * One forward pass through a network: training (batch statistics, power iterations) or inference
 * (moving averages, stored singular vectors). A training pass collects the state updates its layers
 * produce (moving averages, spectral-norm vectors); the caller attaches them to the update step of
 * the network they belong to, so a discriminator step never moves the generator's state.
 */
public final class Pass {

  private final boolean training;
  private final Set<Op> updates = new LinkedHashSet<>();

  private Pass(boolean training) {
    this.training = training;
  }

  public static Pass training() {
    return new Pass(true);
  }

  public static Pass inference() {
    return new Pass(false);
  }

  public boolean isTraining() {
    return training;
  }

  /** Records a state update; ignored in inference passes, deduplicated by identity. */
  void addUpdate(Op update) {
    if (training) {
      updates.add(update);
    }
  }

  /** State updates collected so far, in creation order. */
  public List<Op> updates() {
    return Collections.unmodifiableList(new ArrayList<>(updates));
  }
}
