package org.gansuite.bench.results;

/**
 * How a run was set up, beside its provenance: the table, the data set's identity, the budget and
 * the evaluation's size and extractor.
 *
 * @param table table key, or null for {@code evaluate}
 * @param objective the model's objective as the tables name it
 * @param epochs epochs per model, 0 for each model's paper budget
 * @param budgetImages real images per model, 0 for none
 * @param budgetGflop counted training GFLOP per model, preparation included, 0 for none
 * @param batch the training batch (0 where unknown: {@code evaluate} of a run trained elsewhere)
 * @param samples generated images scored
 * @param referenceSamples training images behind the reference statistics
 * @param checkpoint which checkpoint was scored: {@code final} or {@code best} (lowest FID during training)
 * @param duringTraining the evaluations during training, in words
 */
public record RunProtocol(String table, String objective, String dataset, int datasetSize, String datasetSha256,
    String imageShape, int epochs, long budgetImages, double budgetGflop, int batch, int samples, int referenceSamples, String extractor,
    String checkpoint, String duringTraining, String codeVersion) {

  /** The training budget in words, for footnotes: every limit that was set (the first reached ends a run). */
  public String budget() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (budgetGflop > 0) {
      parts.add(String.format(java.util.Locale.ROOT, "%,.0f GFLOP of counted training compute per model "
          + "(pre-training included)", budgetGflop));
    }
    if (budgetImages > 0) {
      parts.add(budgetImages + " real images per model");
    }
    parts.add(epochs > 0 ? "at most " + epochs + " epoch" + (epochs == 1 ? "" : "s") + " per model"
        : "at most each model's paper epochs");
    if (batch > 0) {
      parts.add("batches of " + batch);
    }
    return String.join(", ", parts);
  }
}
