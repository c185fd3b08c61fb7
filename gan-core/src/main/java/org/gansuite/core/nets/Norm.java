package org.gansuite.core.nets;

/** Normalisation between convolutions of the shared DCGAN discriminator. */
public enum Norm {
  BATCH,
  /** Per-sample normalisation: allowed in a gradient-penalty critic. */
  LAYER,
  NONE
}
