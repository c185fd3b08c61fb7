package org.gansuite.models.decoding;

/**
 * Which training passes of the generator update its batch-norm moving averages, which samples
 * (drawn from z in inference mode) then use.
 *
 * <ul>
 *   <li>{@link #ADVERSARIAL} (default): only the passes on z; the decoding pass on f(x) normalises
 *       with its batch statistics and leaves the averages alone, so the sampling statistics come
 *       from the input distribution samples are drawn from.
 *   <li>{@link #BOTH}: the decoding pass updates them too, mixing f(x)'s and z's statistics (the
 *       suite's behaviour before this option existed).
 * </ul>
 */
public enum BnStatistics {
  ADVERSARIAL,
  BOTH
}
