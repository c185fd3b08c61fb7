package org.gansuite.models.decoding;

/**
 * Where the decoding step's per-image features come from (the paper's Tables 2/3): the
 * auto-encoder's f(x), or random features drawn once per image and then held fixed, from N(0, 1)
 * or U[-1, 1] (our reading of "normal" and "uniform" features).
 */
public enum FeatureSource {
  AE,
  NORMAL,
  UNIFORM
}
