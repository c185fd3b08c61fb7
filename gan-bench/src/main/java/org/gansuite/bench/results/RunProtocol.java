package org.gansuite.bench.results;

/**
 * How a run was set up, beside its provenance: the table, the data set's identity, the budget and
 * the evaluation's size and extractor.
 *
 * @param table table key, or null for {@code evaluate}
 * @param objective the model's objective as the tables name it
 * @param epochs epochs per model, 0 for each model's paper budget
 * @param budgetImages real images per model, 0 for none
 * @param samples generated images scored
 * @param referenceSamples training images behind the reference statistics
 */
public record RunProtocol(String table, String objective, String dataset, int datasetSize, String datasetSha256,
    String imageShape, int epochs, long budgetImages, int samples, int referenceSamples, String extractor,
    String codeVersion) {

  /** The training budget in words, for footnotes. */
  public String budget() {
    if (budgetImages > 0) {
      return budgetImages + " real images per model";
    }
    return epochs > 0 ? epochs + " epochs per model" : "each model's paper epoch budget";
  }
}
