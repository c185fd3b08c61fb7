"""Reference clarity under every candidate definition, from OpenCV, on images this script writes.

Run with Debian's python3 (apt-get install python3-opencv python3-skimage; here cv2 4.6.0,
scikit-image 0.19.3, numpy 1.24.2) from the repository root:
    /usr/bin/python3 gan-metrics/src/test/python/make_clarity_references.py
Writes PNG images to gan-metrics/src/test/resources/reference/images/clarity/ and
gan-metrics/src/test/resources/reference/clarity_expected.properties with one key per definition
and image, <statistic>_k<kernel>.<file> (the keys of ClarityDefinition.key()):
  grey  = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) (grey files as they are)
  R     = cv2.Laplacian(grey, cv2.CV_64F)                      kernel 4   [[0,1,0],[1,-4,1],[0,1,0]]
          cv2.filter2D(grey, cv2.CV_64F, k8)                   kernel 8   [[1,1,1],[1,-8,1],[1,1,1]]
          cv2.filter2D(grey, cv2.CV_64F, k141 / 6)             kernel 141 [[1,4,1],[4,-20,4],[1,4,1]]/6
          (OpenCV's default border, BORDER_REFLECT_101)
  var = R.var(), std = R.std(), mean_abs = np.abs(R).mean(), energy = (R ** 2).mean()
Each response is also checked against numpy alone (np.pad mode 'reflect', which is reflect-101).
The images: two of scikit-image's photographs centre-cropped and resized with INTER_AREA (as the
gan-metrics README's candidate table), a grey photograph, seeded noise wider than 64 pixels (the
Java code sums rows in segments of 64), a 0/255 checkerboard (the largest responses), a 2 x 2
image (the smallest allowed) and a grey gradient.
"""
import os
import cv2
import numpy as np
import skimage
import skimage.data

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")
D = os.path.join(ROOT, "images", "clarity")
os.makedirs(D, exist_ok=True)
rng = np.random.default_rng(20261130)

KERNELS = {
    "4": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float64),
    "8": np.array([[1, 1, 1], [1, -8, 1], [1, 1, 1]], np.float64),
    "141": np.array([[1, 4, 1], [4, -20, 4], [1, 4, 1]], np.float64) / 6,
}
STATISTICS = {
    "var": lambda r: r.var(),
    "std": lambda r: r.std(),
    "mean_abs": lambda r: np.abs(r).mean(),
    "energy": lambda r: (r ** 2).mean(),
}


def square(img, size):
    """Centre crop to a square, then cv2.resize with INTER_AREA."""
    h, w = img.shape[:2]
    s = min(h, w)
    y, x = (h - s) // 2, (w - s) // 2
    return cv2.resize(np.ascontiguousarray(img[y:y + s, x:x + s]), (size, size), interpolation=cv2.INTER_AREA)


def responses(grey):
    out = {"4": cv2.Laplacian(grey, cv2.CV_64F),
           "8": cv2.filter2D(grey, cv2.CV_64F, KERNELS["8"]),
           "141": cv2.filter2D(grey, cv2.CV_64F, KERNELS["141"])}
    padded = np.pad(grey.astype(np.float64), 1, mode="reflect")
    h, w = grey.shape
    for k, r in out.items():
        mine = sum(KERNELS[k][i, j] * padded[i:i + h, j:j + w] for i in range(3) for j in range(3))
        assert np.allclose(mine, r, rtol=0, atol=1e-9), k
    assert np.array_equal(out["4"], cv2.filter2D(grey, cv2.CV_64F, KERNELS["4"]))
    return out


yy, xx = np.mgrid[0:3, 0:9]
checker = ((np.indices((66, 66)).sum(axis=0) % 2) * 255).astype(np.uint8)
images = {
    "astronaut_32.png": square(skimage.data.astronaut(), 32),
    "chelsea_64.png": square(skimage.data.chelsea(), 64),
    "camera_32.png": square(skimage.data.camera(), 32),                          # grey
    "noise_45x70.png": rng.integers(0, 256, (45, 70, 3), dtype=np.uint8),
    "checker_66x66.png": checker,                                                 # grey
    "tiny_2x2.png": rng.integers(0, 256, (2, 2, 3), dtype=np.uint8),
    "gradient_3x9.png": (xx * 29 + yy * 7).astype(np.uint8),                     # grey
}
values = {}
for name, img in images.items():
    path = os.path.join(D, name)
    if img.ndim == 3:
        cv2.imwrite(path, cv2.cvtColor(img, cv2.COLOR_RGB2BGR))
        back = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_UNCHANGED), cv2.COLOR_BGR2RGB)
        grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    else:
        cv2.imwrite(path, img)
        back = cv2.imread(path, cv2.IMREAD_UNCHANGED)
        grey = img
    assert back.tolist() == img.tolist(), name
    for k, r in responses(grey).items():
        for s, f in STATISTICS.items():
            values[f"{s}_k{k}.{name}"] = f(r)

with open(os.path.join(ROOT, "clarity_expected.properties"), "w") as f:
    f.write("# written by gan-metrics/src/test/python/make_clarity_references.py "
            f"(cv2 {cv2.__version__}, scikit-image {skimage.__version__}, numpy {np.__version__})\n")
    for k, v in values.items():
        f.write(f"{k}={float(v)!r}\n")
print(len(values), "values")
