package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LabeledImagesTest {

  /** Four 1x1 grey images 10, 20, 30, 40 labelled 0, 1, 2, 0. */
  private static LabeledImages four() {
    var images = new InMemoryDataset("four", new ImageShape(1, 1, 1), new byte[] {10, 20, 30, 40});
    return new LabeledImages(images, new int[] {0, 1, 2, 0}, 3);
  }

  @Test
  void subsetCopiesTheChosenImagesAndLabelsInOrderWithItsOwnHash() {
    var all = four();
    var sub = LabeledImages.subset(all, new int[] {3, 1}, "two");
    assertEquals("two", sub.id().name());
    assertEquals(2, sub.size());
    byte[] px = new byte[2];
    sub.read(0, px, 0);
    sub.read(1, px, 1);
    assertArrayEquals(new byte[] {40, 20}, px);
    assertArrayEquals(new int[] {0, 1}, sub.labels());
    assertEquals(3, sub.classes());
    assertEquals(new InMemoryDataset("x", new ImageShape(1, 1, 1), new byte[] {40, 20}).id().contentHash(),
        sub.id().contentHash());
    assertNotEquals(all.id().contentHash(), sub.id().contentHash());
  }
}
