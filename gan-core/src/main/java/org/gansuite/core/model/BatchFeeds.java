package org.gansuite.core.model;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;

/**
 * Extra per-batch inputs a model needs beyond images and z, looked up by the data set indices of
 * the batch (e.g. the cached auto-encoder features of the proposed model). The trainer closes the
 * returned tensors after the step.
 */
@FunctionalInterface
public interface BatchFeeds {

  Map<Operand<?>, Tensor> forBatch(int[] indices);
}
