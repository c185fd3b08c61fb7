package org.gansuite.metrics.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.FileTrees;
import org.gansuite.core.UserError;
import org.gansuite.core.data.LabeledDataset;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.FileTrees;
import org.gansuite.core.io.Sha256;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A classifier for a labelled data set without an Inception graph (PROTOCOL.md, "Feature
 * extractors"): trained by the suite on the training split, its test-split accuracy recorded, and
 * cached in {@code <cache>/<name>-<key>/} (a TensorFlow checkpoint {@code model.*} and the
 * {@link ClassifierRecord} {@code classifier.json}). The key hashes the name, architecture, training
 * settings and both splits' pixel and label hashes, so a changed data set trains a new classifier.
 * The folder is written under a temporary name and moved into place atomically; the checkpoint's
 * SHA-256 is verified on every load.
 */
public final class DomainClassifier {

  static final String RECORD = "classifier.json";
  static final String CHECKPOINT = "model";
  /** Version of the cache layout and record; part of the key, so an older cache is retrained. */
  static final int FORMAT = 3;
  /** Training images the feature scale is measured on. */
  static final int SCALE_IMAGES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final System.Logger LOG = System.getLogger(DomainClassifier.class.getName());

  /** An opened classifier, its record, and whether this call trained it. */
  public record Opened(ClassifierExtractor extractor, ClassifierRecord record, boolean trainedNow) {}

  private DomainClassifier() {}

  /** The cached classifier for these splits and settings, trained first when there is none. */
  public static Opened open(String name, Path cacheDir, LabeledDataset train, LabeledDataset test,
      ClassifierConfig config, ComputeDevice device) throws IOException {
    if (train.classes() != test.classes()) {
      throw new UserError(train.id().name() + " has " + train.classes() + " classes but "
          + test.id().name() + " has " + test.classes());
    }
    var tr = ClassifierRecord.DataRef.of(train);
    var te = ClassifierRecord.DataRef.of(test);
    String key = Sha256.of((name + "|format=" + FORMAT + "|" + ClassifierGraph.ARCHITECTURE + "|" + config.canonical() + "|" + tr.canonical()
        + "|" + te.canonical()).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path dir = cacheDir.resolve(name + "-" + key);
    boolean trained = false;
    if (!Files.isDirectory(dir)) {
      LOG.log(System.Logger.Level.INFO, "no cached " + name + " in " + dir + ": training it on " + tr.name() + " ("
          + tr.size() + " images, " + config.epochs() + " epochs); this happens once");
      train(dir, name, key, train, test, config, device);
      trained = true;
    }
    ClassifierRecord record = load(dir, key);
    return new Opened(new ClassifierExtractor(dir.resolve(CHECKPOINT), record, device), record, trained);
  }

  private static void train(Path dir, String name, String key, LabeledDataset train, LabeledDataset test,
      ClassifierConfig config, ComputeDevice device) throws IOException {
    Files.createDirectories(dir.getParent());
    Path tmp = AtomicFiles.createTemporaryDirectory(dir.getParent(), ".tmp-" + dir.getFileName());
    try {
      ClassifierRecord record;
      try (Graph g = new Graph()) {
        ClassifierGraph net = new ClassifierGraph(device.place(Ops.create(g)), ClassifierRecord.DataRef.of(train)
            .imageShape(), train.classes(), config.seed(), OptimizerSpec.adam(config.learningRate(), 0.9, 0.999));
        try (Session s = device.session(g)) {
          s.initialize();
          long t0 = System.nanoTime();
          ClassifierTrainer.train(s, net, train, config, name);
          double seconds = (System.nanoTime() - t0) / 1e9;
          s.save(tmp.resolve(CHECKPOINT).toString());
          String sha = Checkpoints.contentHash(tmp);
          ExtractorInfo info = new ExtractorInfo(name, sha, ClassifierGraph.FEATURE_LAYER, ClassifierGraph.FEATURES,
              train.classes());
          double accuracy = ClassifierTrainer.accuracy(s, net, test, info);
          double scale = ClassifierTrainer.featureScale(s, net, train, info, SCALE_IMAGES);
          record = new ClassifierRecord(FORMAT, key, name, ClassifierGraph.ARCHITECTURE, net.parameterCount(),
              train.classes(), config, ClassifierRecord.DataRef.of(train), ClassifierRecord.DataRef.of(test), accuracy,
              scale, seconds, sha, Provenance.currentCodeVersion(), Instant.now().toString());
        }
      }
      JSON.writeValue(tmp.resolve(RECORD).toFile(), record);
      LOG.log(System.Logger.Level.INFO, String.format("%s: test accuracy %.4f on %s (%d images), trained in %.0f s",
          name, record.testAccuracy(), record.test().name(), record.test().size(), record.trainSeconds()));
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        LOG.log(System.Logger.Level.INFO, dir + " appeared meanwhile (another process trained it); using that one");
      }
    } finally {
      FileTrees.delete(tmp);
    }
  }

  /** The record of {@code dir}, after checking its key and its checkpoint's SHA-256. */
  static ClassifierRecord load(Path dir, String key) throws IOException {
    Path file = dir.resolve(RECORD);
    if (!Files.isRegularFile(file)) {
      throw new UserError(dir + ": cached classifier lacks " + RECORD + "; delete the folder to retrain");
    }
    ClassifierRecord r = JSON.readValue(file.toFile(), ClassifierRecord.class);
    if (!key.equals(r.key())) {
      throw new UserError(file + ": holds key " + r.key() + ", expected " + key + "; delete the folder");
    }
    String sha = Checkpoints.contentHash(dir);
    if (!sha.equals(r.weightsSha256())) {
      throw new IllegalStateException(dir + ": checkpoint SHA-256 is " + sha + " but " + RECORD + " records "
          + r.weightsSha256() + "; delete the folder to retrain");
    }
    return r;
  }
}
