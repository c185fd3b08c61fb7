package org.gansuite.core.data;

import java.util.List;

/** The two splits of the CIFAR-10 binary version and the files that hold them. */
public enum CifarSplit {
  /** The 50,000 training images: {@code data_batch_1.bin} .. {@code data_batch_5.bin}. */
  TRAIN(List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin")),
  /** The 10,000 test images: {@code test_batch.bin}. */
  TEST(List.of("test_batch.bin"));

  private final List<String> files;

  CifarSplit(List<String> files) {
    this.files = files;
  }

  public List<String> files() {
    return files;
  }
}
