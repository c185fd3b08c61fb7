package org.gansuite.core.data;

/** The pixel mapping of PROTOCOL.md: 8-bit values to [-1, 1] and back. */
public final class Pixels {

  private Pixels() {}

  /** {@code v / 127.5 - 1}: 0 maps to -1, 255 to 1. */
  public static float toUnit(byte value) {
    return (value & 0xFF) / 127.5f - 1f;
  }

  /** {@code round((x + 1) * 127.5)} clipped to 0..255; NaN maps to 0. */
  public static byte toByte(float x) {
    float v = (x + 1f) * 127.5f;
    if (!(v > 0f)) {
      return 0;
    }
    return (byte) Math.min(255, Math.round(v));
  }

  public static void toUnit(byte[] src, int srcOffset, float[] dst, int dstOffset, int count) {
    for (int i = 0; i < count; i++) {
      dst[dstOffset + i] = toUnit(src[srcOffset + i]);
    }
  }

  public static void toByte(float[] src, int srcOffset, byte[] dst, int dstOffset, int count) {
    for (int i = 0; i < count; i++) {
      dst[dstOffset + i] = toByte(src[srcOffset + i]);
    }
  }
}
