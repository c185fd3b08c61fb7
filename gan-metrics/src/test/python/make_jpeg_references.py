"""Reference clarity of JPEG files as OpenCV decodes them (libjpeg-turbo).

Run with Debian's python3 (cv2 4.6.0, numpy 1.24.2) from the repository root:
    /usr/bin/python3 gan-metrics/src/test/python/make_jpeg_references.py
Writes seeded JPEGs (quality 90, cv2's default 4:2:0 chroma subsampling for colour) to
gan-metrics/src/test/resources/reference/images/jpeg/ and
  clarity: cv2.Laplacian(cv2.cvtColor(cv2.imread(f), cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()
to gan-metrics/src/test/resources/reference/jpeg_expected.properties. Exact agreement needs the
decoder to reproduce libjpeg-turbo's pixels (fancy chroma upsampling included).
"""
import os
import cv2
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")
D = os.path.join(ROOT, "images", "jpeg")
os.makedirs(D, exist_ok=True)
rng = np.random.default_rng(4242)
h, w = 48, 64
yy, xx = np.mgrid[0:h, 0:w]
values = {}
for i in range(3):
    base = np.stack([xx * 255 / w, yy * 255 / h, (xx + yy) * 127 / (h + w)], axis=-1)
    bgr = np.clip(base + rng.normal(0, 30, (h, w, 3)), 0, 255).astype(np.uint8)
    img = bgr if i < 2 else cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)  # jpeg2: a grey JPEG
    name = f"jpeg{i}.jpg"
    cv2.imwrite(os.path.join(D, name), img, [cv2.IMWRITE_JPEG_QUALITY, 90])
    decoded = cv2.imread(os.path.join(D, name))
    values[f"clarity.{name}"] = cv2.Laplacian(cv2.cvtColor(decoded, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()

with open(os.path.join(ROOT, "jpeg_expected.properties"), "w") as f:
    f.write(f"# written by gan-metrics/src/test/python/make_jpeg_references.py (cv2 {cv2.__version__}, numpy {np.__version__})\n")
    for k, v in values.items():
        f.write(f"{k}={float(v)!r}\n")
print(values)
