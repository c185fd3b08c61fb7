package org.gansuite.core.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.Pixels;

/**
 * Reads and converts the batches of one epoch on a background thread, a few ahead of the
 * training step. The time {@link #next} waits is measured: it should stay near zero.
 */
final class BatchPrefetcher implements AutoCloseable {

  private static final int AHEAD = 4;

  private final ImageDataset data;
  private final int batchSize;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
  private Thread worker;
  private long waitNanos;

  BatchPrefetcher(ImageDataset data, int batchSize) {
    this.data = data;
    this.batchSize = batchSize;
  }

  /** Starts streaming {@code count} batches of {@code order}, beginning at batch {@code first}. */
  void start(int[] order, int first, int count) {
    stop();
    queue.clear();
    worker = new Thread(() -> produce(order, first, count), "gansuite-prefetch");
    worker.setDaemon(true);
    worker.start();
  }

  private void produce(int[] order, int first, int count) {
    try {
      for (int b = first; b < first + count; b++) {
        queue.put(read(data, order, b, batchSize));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      try {
        queue.put(e);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Batch {@code b} of {@code order}, read on the calling thread. */
  static Batch read(ImageDataset data, int[] order, int b, int batchSize) {
    int pixels = data.shape().pixels();
    byte[] raw = new byte[pixels];
    int[] idx = new int[batchSize];
    float[] out = new float[batchSize * pixels];
    for (int i = 0; i < batchSize; i++) {
      idx[i] = order[b * batchSize + i];
      data.read(idx[i], raw, 0);
      Pixels.toUnit(raw, 0, out, i * pixels, pixels);
    }
    return new Batch(idx, out);
  }

  /** The next batch; rethrows a data set error raised on the background thread. */
  Batch next() throws InterruptedException {
    long t0 = System.nanoTime();
    Object o = queue.poll(10, TimeUnit.MINUTES);
    waitNanos += System.nanoTime() - t0;
    if (o instanceof RuntimeException e) {
      throw new IllegalStateException("reading data set " + data.id().name() + " failed: " + e.getMessage(), e);
    }
    if (o == null) {
      throw new IllegalStateException("no batch from data set " + data.id().name() + " within 10 minutes");
    }
    return (Batch) o;
  }

  /** Total time spent waiting in {@link #next}, in nanoseconds. */
  long waitNanos() {
    return waitNanos;
  }

  private void stop() {
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
