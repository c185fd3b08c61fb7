package org.gansuite.core.train;

/** A batch of real images in [-1, 1] (NHWC, flattened) with their data set indices. */
public record Batch(int[] indices, float[] pixels) {}
