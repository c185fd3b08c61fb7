package org.gansuite.bench.runs;

import org.gansuite.core.UserError;

/** Part {@code index} of {@code count} of a run matrix: the runs whose position modulo count is index. */
public record Shard(int index, int count) {

  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new UserError("shard must be i/n with 0 <= i < n, got " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}. */
  public static Shard parse(String text) {
    String[] p = text.trim().split("/");
    try {
      if (p.length == 2) {
        return new Shard(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new UserError("shard must look like 0/4, got '" + text + "'");
  }

  public boolean owns(int position) {
    return position % count == index;
  }
}
