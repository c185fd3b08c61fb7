package org.gansuite.models.decoding;

/**
 * The U-Net auto-encoder's skip connections (encoder stage added to the decoder stage of the same
 * shape).
 *
 * <ul>
 *   <li>{@link #ALL} (default): every level, the deepest (H/16 x W/16) included: a U-Net as usually
 *       drawn. That skip carries 8 x df x H/16 x W/16 values (8,192 at 64x64, 2,048 at 32x32), far
 *       more than f(x)'s 100, so the pre-training can reconstruct through it rather than through
 *       f(x).
 *   <li>{@link #NO_DEEPEST}: every level but the deepest, so the bottleneck information passes
 *       through f(x) or the shallower, higher-resolution skips.
 * </ul>
 */
public enum Skips {
  ALL,
  NO_DEEPEST
}
