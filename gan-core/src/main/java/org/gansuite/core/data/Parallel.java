package org.gansuite.core.data;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs a body for indices 0..n-1 on a few threads, stopping at the first failure. */
final class Parallel {

  private Parallel() {}

  static void forEach(int n, int threads, IntConsumer body) {
    if (threads <= 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Failure failure = new Failure();
    Thread[] workers = new Thread[Math.min(threads, n)];
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Thread(() -> {
        int i;
        while (!failure.seen() && (i = next.getAndIncrement()) < n) {
          try {
            body.accept(i);
          } catch (RuntimeException | Error e) {
            failure.offer(i, e);
          }
        }
      }, "gansuite-decode-" + t);
      workers[t].setDaemon(true);
      workers[t].start();
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while decoding", e);
      }
    }
    failure.rethrow();
  }

  /** The failure at the lowest index seen, so that the error reported is as stable as can be. */
  private static final class Failure {
    private int index = Integer.MAX_VALUE;
    private Throwable error;

    synchronized boolean seen() {
      return error != null;
    }

    synchronized void offer(int i, Throwable e) {
      if (i < index) {
        index = i;
        error = e;
      }
    }

    synchronized void rethrow() {
      if (error instanceof RuntimeException r) {
        throw r;
      }
      if (error instanceof Error e) {
        throw e;
      }
    }
  }
}
