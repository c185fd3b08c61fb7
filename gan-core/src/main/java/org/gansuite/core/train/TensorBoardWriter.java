package org.gansuite.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.gansuite.core.device.ComputeDevice;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.WriteImageSummary;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * Writes TensorBoard event files ({@code events.out.tfevents.*}) with TensorFlow's own summary
 * ops, in a small graph of its own so the model's graph stays free of logging ops.
 */
public final class TensorBoardWriter implements AutoCloseable {

  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> value;
  private final Placeholder<TUint8> image;
  private final Op writeScalar;
  private final Op writeImage;
  private final Op flush;
  private final Op closeOp;
  private final Path logDir;

  public TensorBoardWriter(Path logDir) {
    this.logDir = logDir;
    Ops tf = Ops.create(graph);
    // A resource name of its own: summary writers live in a process-wide resource manager.
    var writer = tf.summary.summaryWriter(org.tensorflow.op.summary.SummaryWriter.sharedName(
        "gansuite_tb_" + java.util.UUID.randomUUID()));
    step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    image = tf.placeholder(TUint8.class, Placeholder.shape(Shape.unknown()));
    var create = tf.summary.createSummaryFileWriter(writer, tf.constant(logDir.toAbsolutePath().toString()),
        tf.constant(10), tf.constant(5000), tf.constant(".gansuite"));
    writeScalar = tf.summary.writeScalarSummary(writer, step, tag, value);
    var badColor = tf.constant(Shape.of(4), DataBuffers.of(new byte[] {(byte) 255, 0, 0, (byte) 255}));
    writeImage = tf.summary.writeImageSummary(writer, step, tag,
        image, badColor,
        WriteImageSummary.maxImages(64L));
    flush = tf.summary.flushSummaryWriter(writer);
    closeOp = tf.summary.closeSummaryWriter(writer);
    session = ComputeDevice.CPU.session(graph);
    try {
      run(session.runner().addTarget(create));
    } catch (RuntimeException e) {
      session.close();
      graph.close();
      throw e;
    }
  }

  public void scalar(String name, long atStep, float v) {
    try (var s = TInt64.scalarOf(atStep); var t = TString.scalarOf(name); var x = TFloat32.scalarOf(v)) {
      run(session.runner().feed(step, s).feed(tag, t).feed(value, x).addTarget(writeScalar));
    }
  }

  /** Images as 8-bit NHWC, {@code count} of them. */
  public void images(String name, long atStep, byte[] pixels, int count, int h, int w, int c) {
    try (var s = TInt64.scalarOf(atStep); var t = TString.scalarOf(name);
        var im = TUint8.tensorOf(Shape.of(count, h, w, c), DataBuffers.of(pixels, true, false))) {
      run(session.runner().feed(step, s).feed(tag, t).feed(image, im).addTarget(writeImage));
    }
  }

  public void flush() {
    run(session.runner().addTarget(flush));
  }

  /** Runs a writer op; a failure (a full disk, a removed folder) names the folder in one line. */
  private void run(Session.Runner runner) {
    try {
      runner.run();
    } catch (TensorFlowException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new UncheckedIOException(new IOException("cannot write TensorBoard events in " + logDir + ": " + first, e));
    }
  }

  @Override
  public void close() {
    try {
      // Two runs: in one, nothing orders the two targets, and a close that runs first makes the
      // flush fail with "Resource ... SummaryWriterInterface does not exist".
      flush();
      run(session.runner().addTarget(closeOp));
    } finally {
      session.close();
      graph.close();
    }
  }
}
