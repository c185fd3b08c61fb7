package org.gansuite.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a set of numbers was computed: printed with every number (PROTOCOL.md, "Every number
 * carries its protocol").
 *
 * @param extractor extractor name
 * @param weightsSha256 SHA-256 of its weights / graph file
 * @param layer feature layer
 * @param nGenerated samples evaluated
 * @param nReference reference samples behind the statistics
 * @param referenceDataset reference data set name
 * @param referenceHash reference data set content hash
 * @param referenceSplit e.g. {@code train}
 * @param splits IS splits
 * @param seed seed of the reference subset and the KID subsets
 * @param kidSubsets KID subsets (0 when KID was not computed)
 * @param kidSubsetSize KID subset size (0 when KID was not computed)
 * @param prdcGenerated generated samples behind PRDC and mode coverage (at most
 *     {@link Evaluation#PRDC_SAMPLES}, a seeded subset)
 * @param prdcReference reference samples behind PRDC and mode coverage (likewise)
 * @param greyConversion grey conversion used by clarity
 * @param device the compute device requested
 * @param extractorProvenance what else the extractor's numbers carry (a trained classifier's test
 *     accuracy and training data, {@link org.gansuite.metrics.extract.FeatureExtractor#provenance()})
 */
public record Protocol(String extractor, String weightsSha256, String layer, int nGenerated, int nReference,
    String referenceDataset, String referenceHash, String referenceSplit, int splits, long seed,
    int kidSubsets, int kidSubsetSize, int prdcGenerated, int prdcReference, GreyConversion greyConversion, String device,
    Map<String, Object> extractorProvenance) {

  public Protocol {
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(weightsSha256, "weightsSha256");
    Objects.requireNonNull(referenceSplit, "referenceSplit");
    Objects.requireNonNull(greyConversion, "greyConversion");
    extractorProvenance = Map.copyOf(extractorProvenance);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extractor", extractor);
    m.put("weights_sha256", weightsSha256);
    m.put("layer", layer);
    m.put("n_generated", nGenerated);
    m.put("n_reference", nReference);
    m.put("reference_dataset", referenceDataset);
    m.put("reference_sha256", referenceHash);
    m.put("reference_split", referenceSplit);
    m.put("splits", splits);
    m.put("seed", seed);
    m.put("kid_subsets", kidSubsets);
    m.put("kid_subset_size", kidSubsetSize);
    m.put("prdc_generated", prdcGenerated);
    m.put("prdc_reference", prdcReference);
    m.put("grey_conversion", greyConversion.name());
    m.put("device", device);
    if (!extractorProvenance.isEmpty()) {
      m.put("extractor_provenance", extractorProvenance);
    }
    return m;
  }
}
