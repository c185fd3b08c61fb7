package org.gansuite.core.data;

import org.gansuite.core.UserError;

/**
 * How IDX images are placed: {@code padTo} (0 = keep the stored size) pads each image to a
 * {@code padTo x padTo} square, centred, with {@code background}. MNIST and Fashion-MNIST are 28x28
 * on a background of 0; the GAN architectures need 32x32 (PROTOCOL.md, "Data").
 */
public record IdxOptions(int padTo, int background) {

  /** 32x32 on background 0, as PROTOCOL.md asks for MNIST and Fashion-MNIST. */
  public static final IdxOptions DEFAULT = new IdxOptions(32, 0);

  public IdxOptions {
    if (padTo < 0) {
      throw new UserError("padTo must be 0 (no padding) or positive, got " + padTo);
    }
    if (background < 0 || background > 255) {
      throw new UserError("background must be 0..255, got " + background);
    }
  }
}
