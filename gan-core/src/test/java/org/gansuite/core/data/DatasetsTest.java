package org.gansuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.core.image.ImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @TempDir Path dir;

  private DataOptions options(Path fashionDir) {
    return DataOptions.builder().optCacheDir(dir.resolve("cache")).optFashionMnistDir(fashionDir).build();
  }

  @Test
  void embeddedFashionMnistTestSplit() {
    LabeledDataset data = (LabeledDataset) Datasets.open("fashion-mnist-test", options(dir));
    assertEquals("fashion-mnist-test", data.id().name());
    assertEquals(10_000, data.size());
    assertEquals(new ImageShape(32, 32, 1), data.shape());
    assertEquals(10, data.classes());
    assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, java.util.Arrays.copyOf(data.labels(), 10));
    // SHA-256 of the 28x28 images padded by 2 on each side with 0, computed independently in Python.
    assertEquals("2364637858a173aa0e745190f014fc8725b7e094c85554c0da5de720bfb02d3d", data.id().contentHash());
  }

  @Test
  void fashionMnistPrefersTheInstalledTrainingSplit() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("none"));
    assertEquals("fashion-mnist-test", Datasets.open("fashion-mnist", options(empty)).id().name());

    Path installed = Files.createDirectories(dir.resolve("fm"));
    byte[] px = new byte[3 * 28 * 28];
    px[0] = 5;
    Files.write(installed.resolve("train-images-idx3-ubyte.gz"), DataFiles.gzip(DataFiles.idxImages(3, 28, 28, px)));
    Files.write(installed.resolve("train-labels-idx1-ubyte.gz"), DataFiles.gzip(DataFiles.idxLabels(new int[] {1, 2, 3})));
    LabeledDataset data = (LabeledDataset) Datasets.open("fashion-mnist", options(installed));
    assertEquals("fashion-mnist-train", data.id().name());
    assertEquals(3, data.size());
    assertArrayEquals(new int[] {1, 2, 3}, data.labels());
    byte[] img = new byte[1024];
    data.read(0, img, 0);
    assertEquals(5, img[2 * 32 + 2]);

    DataFormatException e = assertThrows(DataFormatException.class,
        () -> Datasets.open("fashion-mnist-train", options(empty)));
    assertTrue(e.getMessage().startsWith(empty + ": Fashion-MNIST training files"), e.getMessage());
  }

  @Test
  void pathsAreRecognisedByContent() throws IOException {
    Path cifar = DataFiles.cifarTrain(dir.resolve("cifar-10-batches-bin"), 2);
    Files.write(cifar.resolve("test_batch.bin"), DataFiles.cifarRecords(0, 3));
    DataOptions opts = options(dir);
    assertEquals("cifar10-train", Datasets.open(cifar.toString(), opts).id().name());
    assertEquals(10, Datasets.open(dir.toString(), opts).size(), "parent of cifar-10-batches-bin");
    ImageDataset test = Datasets.open("cifar10-test:" + cifar, opts);
    assertEquals("cifar10-test", test.id().name());
    assertEquals(3, test.size());
    assertInstanceOf(LabeledDataset.class, test);

    Path mnist = Files.createDirectories(dir.resolve("mnist"));
    Path images = Files.write(mnist.resolve("t10k-images-idx3-ubyte"), DataFiles.idxImages(2, 28, 28, new byte[2 * 784]));
    Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), DataFiles.idxLabels(new int[] {4, 8}));
    ImageDataset idx = Datasets.open(images.toString(), opts);
    assertEquals("mnist-t10k", idx.id().name());
    assertArrayEquals(new int[] {4, 8}, ((LabeledDataset) idx).labels());

    Path unlabeled = Files.write(dir.resolve("images.idx"), DataFiles.idxImages(1, 2, 2, new byte[] {1, 2, 3, 4}));
    ImageDataset plain = Datasets.open("idx:" + unlabeled, opts);
    assertEquals(new ImageShape(32, 32, 1), plain.shape());
    assertTrue(!(plain instanceof LabeledDataset), "no labels given, none found beside");
    ImageDataset paired = Datasets.open("idx:" + images + "," + mnist.resolve("t10k-labels-idx1-ubyte"), opts);
    assertArrayEquals(new int[] {4, 8}, ((LabeledDataset) paired).labels());

    Path pngs = Files.createDirectories(dir.resolve("pngs"));
    ImageWriter.writePng(pngs.resolve("a.png"), new byte[12], 0, new ImageShape(2, 2, 3));
    ImageDataset folder = Datasets.open(pngs.toString(), opts);
    assertEquals("pngs", folder.id().name());
    assertEquals(new ImageShape(2, 2, 3), folder.shape());
  }

  @Test
  void unknownPathIsAnError() {
    Path nowhere = dir.resolve("nowhere");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> Datasets.open(nowhere.toString(), options(dir)));
    assertTrue(e.getMessage().startsWith(nowhere + ": no such file or folder"), e.getMessage());
  }
}
