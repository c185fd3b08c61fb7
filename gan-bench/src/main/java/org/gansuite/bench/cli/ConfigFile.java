package org.gansuite.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gansuite.core.UserError;
import org.gansuite.core.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: a command's options from a JSON or YAML file (keys are the long option
 * names without dashes, e.g. {@code model: dcgan}, {@code epochs: 5}, {@code hp: {lambda: 2}},
 * {@code models: [dcgan, wgan]}), as StudioGAN users keep their runs in config files. Flags on
 * the command line win over the file. Every command that trains stores its effective options in
 * the same format ({@link #FILE} in its run folder), so a run can be repeated from it.
 */
final class ConfigFile {

  /** The file a training command writes into its run folder. */
  static final String FILE = "gan-bench-config.yaml";

  private static final ObjectMapper YAML = new YAMLMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Options that say how to run, not what: a run's configuration neither stores nor reads them. */
  private static final List<String> NOT_STORED = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("config", "help", "version", "shard"), SlurmOptions.keys().stream()).toList();

  private ConfigFile() {}

  /** Installs the values of the {@code --config} file named in {@code args} as the subcommand's defaults. */
  static void install(CommandLine cli, String[] args) {
    String command = null;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      if (command == null && !args[i].startsWith("-")) {
        command = args[i];
      } else if (args[i].equals("--config") && i + 1 < args.length) {
        file = Path.of(args[i + 1]);
      } else if (args[i].startsWith("--config=")) {
        file = Path.of(args[i].substring("--config=".length()));
      }
    }
    CommandLine sub = command == null ? null : cli.getSubcommands().get(command);
    if (file == null || sub == null || sub.getCommandSpec().findOption("--config") == null) {
      return;
    }
    Map<String, String> values = read(file, sub.getCommandSpec());
    sub.setDefaultValueProvider(arg -> arg instanceof OptionSpec o ? values.getOrDefault(key(o), arg.defaultValue()) : null);
  }

  /** Reads the file: every key must be an option of the command; values become option text. */
  static Map<String, String> read(Path file, CommandSpec spec) {
    Map<String, Object> raw;
    try {
      String name = file.getFileName().toString();
      var mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
      raw = mapper.readValue(Files.readString(file), mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (IOException e) {
      throw new UserError(file + ": not a readable JSON/YAML config (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (raw == null) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    for (var e : raw.entrySet()) {
      OptionSpec option = spec.findOption("--" + e.getKey());
      if (option == null || NOT_STORED.contains(e.getKey())) {
        throw new UserError(file + ": '" + e.getKey() + "' is not an option of " + spec.name() + " (options: "
            + spec.options().stream().map(ConfigFile::key).filter(k -> !NOT_STORED.contains(k)).collect(Collectors.joining(", ")) + ")");
      }
      out.put(e.getKey(), text(e.getValue(), option));
    }
    return out;
  }

  private static String text(Object v, OptionSpec option) {
    String split = option.splitRegex().isEmpty() ? "," : option.splitRegex();
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining(split));
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(split));
    }
    return String.valueOf(v);
  }

  /** Writes the command's effective options to {@code file} (YAML), atomically. */
  static void store(CommandSpec spec, Path file) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      Object v = o.getValue();
      if (v != null && !NOT_STORED.contains(key(o)) && !(v instanceof Map<?, ?> m && m.isEmpty())) {
        out.put(key(o), plain(v));
      }
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, stream -> YAML.writeValue(stream, out));
  }

  /** Numbers, booleans, strings, lists and maps of strings: what both reading and YAML keep as they are. */
  private static Object plain(Object v) {
    if (v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return String.valueOf(v);
  }

  private static String key(OptionSpec o) {
    return o.longestName().replaceFirst("^--", "");
  }
}
