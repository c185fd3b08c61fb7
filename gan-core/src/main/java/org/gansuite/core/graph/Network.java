package org.gansuite.core.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A named network ({@code generator}, {@code discriminator}, {@code encoder}, ...): owns the name
 * scope its variables live under and the registry that counts its parameters and hands its
 * trainable variables, and only those, to its optimizer.
 */
public final class Network {

  private final String name;
  private final Ops tf;
  private final long seed;
  private final Init defaultInit;
  private final List<Variable<TFloat32>> trainable = new ArrayList<>();
  private final List<Variable<TFloat32>> state = new ArrayList<>();
  private final Map<String, Integer> layerCounts = new HashMap<>();

  /**
   * @param tf the graph's root ops (device placement included)
   * @param name the scope name, e.g. {@code generator}
   * @param seed the run seed; each variable's initial value is drawn from (seed, its full name)
   * @param defaultInit initialiser for kernels of layers built on this network
   */
  public Network(Ops tf, String name, long seed, Init defaultInit) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("network name must match [a-z][a-z0-9_]*, got '" + name + "'");
    }
    this.name = name;
    this.tf = tf.withSubScope(name);
    this.seed = seed;
    this.defaultInit = defaultInit;
  }

  public String name() {
    return name;
  }

  /** Ops scoped under this network's name. */
  public Ops tf() {
    return tf;
  }

  public Init defaultInit() {
    return defaultInit;
  }

  /** A unique layer scope name such as {@code conv_2}. */
  String layerName(String kind) {
    int n = layerCounts.merge(kind, 1, Integer::sum) - 1;
    return kind + "_" + n;
  }

  /**
   * Creates a variable {@code <network>/<layer>/<local>} with its initialiser in the init scope.
   *
   * @param trainable whether it is a parameter (counted, optimised) or state (moving averages,
   *     spectral-norm vectors: saved in checkpoints but neither counted nor optimised)
   */
  public Variable<TFloat32> variable(String layer, String local, Shape shape, Init init, boolean trainable) {
    String fullName = name + "/" + layer + "/" + local;
    Ops scoped = tf.withSubScope(layer);
    long h = fnv1a(fullName);
    var initial = init.initialValue(scoped.withInitScope(), shape, seed, h);
    Variable<TFloat32> v = scoped.withName(local).variable(initial);
    (trainable ? this.trainable : this.state).add(v);
    return v;
  }

  public List<Variable<TFloat32>> trainableVariables() {
    return Collections.unmodifiableList(trainable);
  }

  public List<Variable<TFloat32>> stateVariables() {
    return Collections.unmodifiableList(state);
  }

  /** Exact number of trainable parameters (state such as moving averages is not counted). */
  public long parameterCount() {
    long n = 0;
    for (var v : trainable) {
      n += v.shape().size();
    }
    return n;
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
