package org.gansuite.core.model;

import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One training phase of an iteration, run {@code steps} times: e.g. five critic steps, then one
 * generator step, or a decoding step before the adversarial ones.
 *
 * @param name phase name, used as the prefix of its logged scalars
 * @param steps how many times the phase runs per iteration
 * @param drawsBatch whether each step takes a fresh real batch (else it reuses the last one)
 * @param update the op that updates one network (and its state)
 * @param scalars values fetched with each step and logged (losses, k_t, M_global ...)
 */
public record Phase(String name, int steps, boolean drawsBatch, Op update, Map<String, Operand<TFloat32>> scalars) {

  public Phase {
    Objects.requireNonNull(update, "update");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("phase name must match [a-z][a-z0-9_]*, got '" + name + "'");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("phase " + name + ": steps must be positive, got " + steps);
    }
    scalars = Map.copyOf(scalars);
  }
}
