package org.gansuite.core.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.gansuite.core.UserError;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RunMetadata;

/**
 * Where TensorFlow runs a graph, and the one session configuration every graph of the suite runs
 * under (training, sampling, metrics, classifiers, benchmarks, tests).
 *
 * <p>The text form, the same for every command and config ({@link #parse}, case-insensitive):
 * {@code auto} (the first GPU when TensorFlow lists one, else the CPU), {@code cpu} (= {@code /CPU:0}),
 * {@code gpu} (= {@code /GPU:0}), {@code /CPU:n}, {@code /GPU:n}, the last two also without the slash
 * or in TensorFlow's own spelling {@code /device:GPU:n}. {@link #name()} gives the canonical text
 * ({@code auto}, {@code /CPU:0}, {@code /GPU:1}), which parses back to an equal device.
 *
 * <p>A named device must exist: {@link #resolve()} (and so {@link #ops}, {@link #place} and
 * {@link #session}) fails with a one-line message when TensorFlow does not list it on this machine,
 * rather than quietly running on the CPU. Soft placement stays on, so single ops without a kernel
 * on a device that does exist still fall back to the CPU.
 *
 * @param kind automatic, CPU or GPU
 * @param index device index; 0 for {@link Kind#AUTO}
 */
public record ComputeDevice(Kind kind, int index) {

  /** The kinds of device the suite runs on. */
  public enum Kind { AUTO, CPU, GPU }

  /** The first GPU when TensorFlow lists one, else the CPU. */
  public static final ComputeDevice AUTO = new ComputeDevice(Kind.AUTO, 0);
  /** {@code /CPU:0}. */
  public static final ComputeDevice CPU = new ComputeDevice(Kind.CPU, 0);
  /** {@code /GPU:0}. */
  public static final ComputeDevice GPU = new ComputeDevice(Kind.GPU, 0);

  /** The accepted forms, named in every parse error. */
  public static final String FORMS = "auto, cpu, gpu, /CPU:n or /GPU:n (n = 0, 1, ...)";

  private static final Pattern NAMED = Pattern.compile("/?(?:device:)?(cpu|gpu):(\\d{1,9})", Pattern.CASE_INSENSITIVE);
  /** A device as TensorFlow lists it, e.g. {@code /job:localhost/replica:0/task:0/device:CPU:0}. */
  private static final Pattern LISTED = Pattern.compile(".*device:(CPU|GPU):(\\d+)");

  public ComputeDevice {
    Objects.requireNonNull(kind, "kind");
    if (index < 0) {
      throw new IllegalArgumentException("device index must be >= 0, got " + index);
    }
    if (kind == Kind.AUTO && index != 0) {
      throw new IllegalArgumentException("auto takes no index, got " + index);
    }
  }

  /**
   * Parses the text form (see the class comment); surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException for anything else, naming the accepted forms
   */
  public static ComputeDevice parse(String text) {
    Objects.requireNonNull(text, "device");
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "auto":
        return AUTO;
      case "cpu":
        return CPU;
      case "gpu":
        return GPU;
      default:
        break;
    }
    Matcher m = NAMED.matcher(t);
    if (!m.matches()) {
      throw new UserError("device must be one of " + FORMS + ", got '" + text + "'");
    }
    return new ComputeDevice(m.group(1).equals("gpu") ? Kind.GPU : Kind.CPU, Integer.parseInt(m.group(2)));
  }

  /** The canonical text: {@code auto}, {@code /CPU:n} or {@code /GPU:n}. */
  public String name() {
    return kind == Kind.AUTO ? "auto" : "/" + kind + ":" + index;
  }

  @Override
  public String toString() {
    return name();
  }

  /**
   * The concrete device this names on this machine: {@link #AUTO} becomes {@code /GPU:0} when
   * TensorFlow lists a GPU, else {@code /CPU:0}; a named device is itself.
   *
   * @throws IllegalStateException when a named device is not on this machine
   */
  public ComputeDevice resolve() {
    return resolve(sessionConfig(0, 0));
  }

  private ComputeDevice resolve(ConfigProto probeConfig) {
    List<ComputeDevice> present = Machine.devices(probeConfig);
    if (kind == Kind.AUTO) {
      return present.contains(GPU) ? GPU : CPU;
    }
    if (!present.contains(this)) {
      throw new UserError("device " + name() + " is not on this machine (TensorFlow lists "
          + String.join(", ", present.stream().map(ComputeDevice::name).toList())
          + "; 'auto' takes a GPU only when there is one)");
    }
    return this;
  }

  /** Whether this device is on this machine ({@link #AUTO} always is). */
  public boolean exists() {
    return kind == Kind.AUTO || Machine.devices(sessionConfig(0, 0)).contains(this);
  }

  /** The CPU and GPU devices TensorFlow lists on this machine, e.g. {@code [/CPU:0]}. */
  public static List<ComputeDevice> present() {
    return Machine.devices(sessionConfig(0, 0));
  }

  /** TensorFlow's spec of the resolved device. */
  public DeviceSpec spec() {
    ComputeDevice d = resolve();
    return DeviceSpec.newBuilder()
        .deviceType(d.kind == Kind.GPU ? DeviceSpec.DeviceType.GPU : DeviceSpec.DeviceType.CPU)
        .deviceIndex(d.index)
        .build();
  }

  /** {@code tf} with its ops placed on the resolved device; fails as {@link #resolve()} does. */
  public Ops place(Ops tf) {
    return tf.withDevice(spec());
  }

  /** Root ops of {@code graph}, placed on the resolved device; fails as {@link #resolve()} does. */
  public Ops ops(Graph graph) {
    return place(Ops.create(graph));
  }

  /** {@link #session(Graph, int, int)} with TensorFlow's default thread counts. */
  public Session session(Graph graph) {
    return session(graph, 0, 0);
  }

  /**
   * A session over {@code graph} with {@link #sessionConfig}; fails as {@link #resolve()} does.
   * Place the graph's ops with {@link #ops} or {@link #place}.
   */
  public Session session(Graph graph, int intraOpThreads, int interOpThreads) {
    return session(graph, intraOpThreads, interOpThreads, Precision.FP32);
  }

  /**
   * A session over {@code graph} with {@link #sessionConfig(int, int, Precision)}: the graph's
   * float32 ops run in {@code precision} where TensorFlow's mixed-precision pass converts them
   * ({@link MixedPrecision} tells whether it did). Fails as {@link #resolve()} does.
   */
  public Session session(Graph graph, int intraOpThreads, int interOpThreads, Precision precision) {
    ConfigProto config = sessionConfig(intraOpThreads, interOpThreads, precision);
    // The first session of a process sizes TensorFlow's global thread pools, so the device probe
    // (when it is the first) is opened with the caller's thread counts.
    resolve(config);
    return new Session(graph, config);
  }

  /**
   * The session options of every graph in the suite: thread counts (0 = {@link Threads#resolve}:
   * the CPUs of a Slurm task, else TF's default) and soft placement, so ops without a kernel on the
   * requested device fall back to the CPU instead of failing. Grappler's remapper is off: on training graphs it fuses a BiasAdd that LeakyReluGrad
   * still reads, fails, discards its work and logs an error (measured: the same speed with it off).
   */
  public static ConfigProto sessionConfig(int intraOpThreads, int interOpThreads) {
    return sessionConfig(intraOpThreads, interOpThreads, Precision.FP32);
  }

  /**
   * {@link #sessionConfig(int, int)} with {@code precision}'s mixed-precision pass turned on
   * (none for {@link Precision#FP32}, whose options are exactly those of the two-argument form).
   */
  public static ConfigProto sessionConfig(int intraOpThreads, int interOpThreads, Precision precision) {
    Objects.requireNonNull(precision, "precision");
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("thread counts must not be negative, got " + intraOpThreads + ", "
          + interOpThreads);
    }
    var rewriter = RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF);
    precision.rewrite(rewriter);
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(Threads.resolve(intraOpThreads))
        .setInterOpParallelismThreads(Threads.resolve(interOpThreads))
        .setAllowSoftPlacement(true)
        .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewriter))
        .build();
  }

  /** Names of the devices that ran ops in a traced step, in first-seen order. */
  public static List<String> used(RunMetadata metadata) {
    List<String> out = new ArrayList<>();
    for (var d : metadata.getStepStats().getDevStatsList()) {
      if (!out.contains(d.getDevice())) {
        out.add(d.getDevice());
      }
    }
    return out;
  }

  /** The devices TensorFlow lists, probed once per JVM (a property of the machine). */
  private static final class Machine {
    private static List<ComputeDevice> devices;

    static synchronized List<ComputeDevice> devices(ConfigProto config) {
      if (devices == null) {
        devices = List.copyOf(list(config));
      }
      return devices;
    }

    /** Opens an empty session through the C API and reads its device list. */
    private static List<ComputeDevice> list(ConfigProto config) {
      TensorFlow.version(); // loads and initialises the native library
      List<ComputeDevice> out = new ArrayList<>();
      TF_Status status = tensorflow.TF_NewStatus();
      TF_Graph graph = tensorflow.TF_NewGraph();
      TF_SessionOptions options = tensorflow.TF_NewSessionOptions();
      TF_Session session = null;
      try {
        byte[] bytes = config.toByteArray();
        try (BytePointer p = new BytePointer(bytes)) {
          tensorflow.TF_SetConfig(options, p, bytes.length, status);
        }
        check(status);
        session = tensorflow.TF_NewSession(graph, options, status);
        check(status);
        TF_DeviceList list = tensorflow.TF_SessionListDevices(session, status);
        check(status);
        try {
          for (int i = 0; i < tensorflow.TF_DeviceListCount(list); i++) {
            String name = tensorflow.TF_DeviceListName(list, i, status).getString();
            check(status);
            Matcher m = LISTED.matcher(name);
            if (m.matches()) {
              ComputeDevice d = new ComputeDevice(Kind.valueOf(m.group(1)), Integer.parseInt(m.group(2)));
              if (!out.contains(d)) {
                out.add(d);
              }
            }
          }
        } finally {
          tensorflow.TF_DeleteDeviceList(list);
        }
      } finally {
        if (session != null) {
          tensorflow.TF_CloseSession(session, status);
          tensorflow.TF_DeleteSession(session, status);
        }
        tensorflow.TF_DeleteSessionOptions(options);
        tensorflow.TF_DeleteGraph(graph);
        tensorflow.TF_DeleteStatus(status);
      }
      return out;
    }

    private static void check(TF_Status status) {
      if (tensorflow.TF_GetCode(status) != tensorflow.TF_OK) {
        throw new IllegalStateException("cannot list TensorFlow's devices: " + tensorflow.TF_Message(status).getString());
      }
    }
  }
}
