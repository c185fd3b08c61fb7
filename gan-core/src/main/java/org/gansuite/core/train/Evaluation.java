package org.gansuite.core.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation during training: where the run stood and what the {@link PeriodicEvaluator}
 * returned (keys as it gave them, in name order, without the log's {@code eval_} prefix).
 *
 * @param iteration completed iterations when the samples were drawn
 * @param images real images the training had drawn by then (all iterations, resumed ones included)
 * @param gflop counted training GFLOP by then, the preparation's included
 * @param seconds training seconds by then, summed across resumes (preparation and evaluations excluded)
 * @param values the evaluator's scores
 */
public record Evaluation(long iteration, long images, double gflop, double seconds, Map<String, Double> values) {

  public Evaluation {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }
}
