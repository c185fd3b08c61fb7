package org.gansuite.models.decoding;

/**
 * Which variables the U-Net encoder's conv trunk uses. {@link #SHARED} (default): the
 * discriminator's own trunk, so only the z-sized projection is new, matching the paper's "+0.84M"
 * (64x64) and "+0.23M" (32x32) extra parameters. {@link #SEPARATE}: a trunk of the same structure
 * with its own weights, in a network named {@code encoder} together with the projection.
 */
public enum EncoderKind {
  SHARED,
  SEPARATE
}
