"""Clarity under every candidate reading, with OpenCV, on natural photographs and on Fashion-MNIST.

Run with Debian's python3 (python3-opencv 4.6.0, python3-skimage 0.19.3, numpy 1.24.2) from the
repository root:
    /usr/bin/python3 gan-metrics/src/test/python/clarity_candidates.py [FASHION_MNIST_DIR]
Photographs: scikit-image's colour sample images (astronaut, chelsea, coffee, rocket,
hubble_deep_field, retina, immunohistochemistry) and grey ones (camera, coins, moon),
centre-cropped to a square and resized to 32x32 and 64x64 with cv2.INTER_AREA. Fashion-MNIST: the
60,000 training images (train-images-idx3-ubyte.gz, default /usr/share/datasets/fashion-mnist),
28x28 padded to 32x32 with the background value 0 as the suite prepares them (PROTOCOL.md).
Readings as make_clarity_references.py: grey = cv2.cvtColor(rgb, COLOR_RGB2GRAY); response R =
cv2.Laplacian(grey, CV_64F) (kernel 4) or cv2.filter2D(grey, CV_64F, k) (kernels 8 and 141, the
latter [[1,4,1],[4,-20,4],[1,4,1]]/6); per image R.var(), R.std(), np.abs(R).mean(), (R**2).mean().
Prints, per reading, the range over the photographs at each size and the Fashion-MNIST mean.
"""
import gzip
import os
import sys
import cv2
import numpy as np
import skimage.data

KERNELS = {
    "4": None,
    "8": np.array([[1, 1, 1], [1, -8, 1], [1, 1, 1]], np.float64),
    "141": np.array([[1, 4, 1], [4, -20, 4], [1, 4, 1]], np.float64) / 6,
}
STATISTICS = {"var": np.var, "std": np.std, "mean-abs": lambda r: np.abs(r).mean(), "energy": lambda r: (r ** 2).mean()}
PHOTOS = ["astronaut", "chelsea", "coffee", "rocket", "hubble_deep_field", "retina", "immunohistochemistry",
          "camera", "coins", "moon"]


def readings(grey):
    out = {}
    for k, kernel in KERNELS.items():
        r = cv2.Laplacian(grey, cv2.CV_64F) if kernel is None else cv2.filter2D(grey, cv2.CV_64F, kernel)
        for s, f in STATISTICS.items():
            out[(s, k)] = f(r)
    return out


def square(img, size):
    h, w = img.shape[:2]
    s = min(h, w)
    y, x = (h - s) // 2, (w - s) // 2
    return cv2.resize(np.ascontiguousarray(img[y:y + s, x:x + s]), (size, size), interpolation=cv2.INTER_AREA)


def grey_of(img):
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img


photos = {name: getattr(skimage.data, name)() for name in PHOTOS}
per_size = {}
for size in (32, 64):
    per_size[size] = {name: readings(grey_of(square(img, size))) for name, img in photos.items()}
    print(f"\n{size}x{size}:")
    for name, v in per_size[size].items():
        print(f"  {name:22s} " + "  ".join(f"{s}/{k} {v[(s, k)]:.2f}" for s in STATISTICS for k in KERNELS))

folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
with gzip.open(os.path.join(folder, "train-images-idx3-ubyte.gz")) as f:
    raw = f.read()
n, h, w = np.frombuffer(raw[4:16], ">i4")
images = np.zeros((n, 32, 32), np.uint8)
images[:, 2:30, 2:30] = np.frombuffer(raw[16:], np.uint8).reshape(n, h, w)
fashion = {}
for img in images:
    for key, value in readings(img).items():
        fashion.setdefault(key, []).append(value)

print(f"\n| reading | photographs 32x32 | photographs 64x64 | Fashion-MNIST train ({n} images, 32x32) mean |")
print("|---|---|---|---|")
for s in STATISTICS:
    for k in KERNELS:
        cells = []
        for size in (32, 64):
            v = {name: per_size[size][name][(s, k)] for name in PHOTOS}
            lo, hi = min(v, key=v.get), max(v, key=v.get)
            cells.append(f"{v[lo]:,.2f} ({lo}) – {v[hi]:,.2f} ({hi})")
        print(f"| {s} {k} | {cells[0]} | {cells[1]} | {np.mean(fashion[(s, k)]):,.2f} |")
