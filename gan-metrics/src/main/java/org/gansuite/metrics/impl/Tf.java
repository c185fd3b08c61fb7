package org.gansuite.metrics.impl;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * The session of the metric graphs (not part of the public API); arrays in and out of tensors go
 * through gan-core's {@link org.gansuite.core.graph.Tensors}.
 */
public final class Tf {

  private Tf() {}

  /**
   * A session with soft placement: a metric pinned to a GPU still runs the few ops that lack a GPU
   * kernel on the CPU rather than failing.
   */
  public static Session session(Graph graph) {
    return new Session(graph, ConfigProto.newBuilder().setAllowSoftPlacement(true).build());
  }
}
