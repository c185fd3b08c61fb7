package org.gansuite.metrics.classifier;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.Features;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A trained domain classifier as a feature extractor: penultimate-layer activations for FID/KID,
 * softmax probabilities for IS. Restored from a {@link DomainClassifier} cache folder.
 */
public final class ClassifierExtractor implements FeatureExtractor {

  private final ExtractorInfo info;
  private final ClassifierRecord record;
  private final ImageShape shape;
  private final Graph graph;
  private final Session session;
  private final ClassifierGraph net;

  ClassifierExtractor(Path checkpoint, ClassifierRecord record, ComputeDevice device) {
    this.record = record;
    this.shape = record.train().imageShape();
    this.info = new ExtractorInfo(record.extractor(), record.weightsSha256(), ClassifierGraph.FEATURE_LAYER,
        ClassifierGraph.FEATURES, record.classes());
    graph = new Graph();
    try {
      net = new ClassifierGraph(device.place(Ops.create(graph)), shape, record.classes(), record.config().seed(), null);
      session = device.session(graph);
      session.restore(checkpoint.toString());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  @Override
  public ExtractorInfo info() {
    return info;
  }

  /** Test accuracy, training and test splits (names, sizes, hashes), settings and architecture. */
  @Override
  public Map<String, Object> provenance() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("test_accuracy", record.testAccuracy());
    m.put("feature_scale", record.featureScale());
    m.put("test_split", record.test());
    m.put("train_split", record.train());
    m.put("training", record.config());
    m.put("architecture", record.architecture());
    m.put("parameters", record.parameters());
    return m;
  }

  @Override
  public Features extract(ImageDataset images, int batchSize) {
    return infer(session, net, new ClassifierInput(images, shape), images.size(), batchSize, info,
        record.featureScale());
  }

  /**
   * Features (divided by {@code featureScale}) and probabilities of images {@code 0..n-1},
   * {@code batchSize} at a time.
   */
  static Features infer(Session session, ClassifierGraph net, ClassifierInput input, int n, int batchSize,
      ExtractorInfo info, double featureScale) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    int hw = input.pixelsPerImage();
    double[] feats = new double[n * ClassifierGraph.FEATURES];
    double[] probs = new double[n * info.classes()];
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      float[][] out = Tensors.run(session, net.images, input.batch(null, start, end), new long[] {end - start, hw},
          net.features, net.probabilities);
      copy(out[0], 1 / featureScale, feats, start * ClassifierGraph.FEATURES);
      copy(out[1], 1, probs, start * info.classes());
    }
    return new Features(new FeatureMatrix(n, ClassifierGraph.FEATURES, feats),
        new FeatureMatrix(n, info.classes(), probs), info);
  }

  private static void copy(float[] from, double factor, double[] to, int offset) {
    for (int i = 0; i < from.length; i++) {
      to[offset + i] = from[i] * factor;
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
