package org.gansuite.models.decoding;

/**
 * How the decoding loss lambda * loss(G(f(x)), x) reaches the generator.
 *
 * <ul>
 *   <li>{@link #SHARED_ADAM} (default): a decoding step before each adversarial step, on the
 *       generator's own Adam state, as two {@code step()} calls on one PyTorch optimizer. The paper
 *       describes a decoding step before each adversarial step; sharing the state is what makes
 *       lambda weigh the two (Adam's second moment holds both gradients, so a larger lambda shrinks
 *       the adversarial steps).
 *   <li>{@link #OWN_ADAM}: the same order with a separate Adam state for the decoding step. Adam is
 *       invariant to the scale of its loss, so every lambda &gt; 0 trains the same generator up to
 *       epsilon: lambda only switches decoding on or off.
 *   <li>{@link #JOINT}: no separate step; the generator step minimises adv + lambda * dec on the
 *       iteration's batch.
 * </ul>
 */
public enum DecodingStep {
  SHARED_ADAM,
  OWN_ADAM,
  JOINT
}
