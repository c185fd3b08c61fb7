"""Reference clarity, PSNR and SSIM values from OpenCV and scikit-image.

Run with Debian's python3 (apt-get install python3-opencv python3-skimage; here cv2 4.6.0,
scikit-image 0.19.3, numpy 1.24.2) from the repository root:
    /usr/bin/python3 gan-metrics/src/test/python/make_image_references.py
Writes seeded PNG images to gan-metrics/src/test/resources/reference/images/{a,b}/ and the
expected values to gan-metrics/src/test/resources/reference/image_expected.properties:
  clarity: cv2.Laplacian(gray, cv2.CV_64F).var(), gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
           (grey files are used as they are), for every image of folder a;
  psnr:    10 log10(255^2 / MSE) in float64 (skimage.metrics.peak_signal_noise_ratio, data_range=255);
  ssim:    skimage.metrics.structural_similarity with gaussian_weights=True, sigma=1.5,
           use_sample_covariance=False, data_range=255, channel_axis=-1 -- the tf.image.ssim
           setting: 11x11 window (truncate 3.5), population statistics, mean over the valid
           region (skimage crops the (11-1)/2 border it filtered with reflection), then channels.
"""
import os
import cv2
import numpy as np
import skimage
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")
A = os.path.join(ROOT, "images", "a")
B = os.path.join(ROOT, "images", "b")
os.makedirs(A, exist_ok=True)
os.makedirs(B, exist_ok=True)
rng = np.random.default_rng(9001)


def smooth_rgb(h, w):
    """Noise over a gradient: textured but not white noise, like real images."""
    yy, xx = np.mgrid[0:h, 0:w]
    base = np.stack([xx * 255 / w, yy * 255 / h, (xx + yy) * 127 / (h + w)], axis=-1)
    return np.clip(base + rng.normal(0, 25, (h, w, 3)), 0, 255).astype(np.uint8)


images = {
    "img0.png": smooth_rgb(24, 31),
    "img1.png": rng.integers(0, 256, (16, 16, 3), dtype=np.uint8),
    "img2.png": smooth_rgb(32, 32),
    "img3.png": rng.integers(0, 256, (13, 19), dtype=np.uint8),  # grey
    "img4.png": np.full((12, 14, 3), 77, dtype=np.uint8),          # constant: clarity 0
}
values = {}
for name, img in images.items():
    if img.ndim == 3:
        cv2.imwrite(os.path.join(A, name), cv2.cvtColor(img, cv2.COLOR_RGB2BGR))
        gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    else:
        cv2.imwrite(os.path.join(A, name), img)
        gray = img
    values[f"clarity.{name}"] = cv2.Laplacian(gray, cv2.CV_64F).var()
    # folder b: the same image with seeded noise (a "reconstruction"); img4 stays identical
    if name == "img4.png":
        other = img.copy()
    else:
        other = np.clip(img.astype(np.int16) + rng.integers(-20, 21, img.shape), 0, 255).astype(np.uint8)
    if other.ndim == 3:
        cv2.imwrite(os.path.join(B, name), cv2.cvtColor(other, cv2.COLOR_RGB2BGR))
    else:
        cv2.imwrite(os.path.join(B, name), other)
    back_a = cv2.imread(os.path.join(A, name), cv2.IMREAD_UNCHANGED)
    assert (back_a if img.ndim == 2 else cv2.cvtColor(back_a, cv2.COLOR_BGR2RGB)).tolist() == img.tolist()
    if name != "img4.png":
        values[f"psnr.{name}"] = peak_signal_noise_ratio(img, other, data_range=255)
    values[f"ssim.{name}"] = structural_similarity(
        img, other, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
        data_range=255, channel_axis=-1 if img.ndim == 3 else None)

with open(os.path.join(ROOT, "image_expected.properties"), "w") as f:
    f.write("# written by gan-metrics/src/test/python/make_image_references.py "
            f"(cv2 {cv2.__version__}, scikit-image {skimage.__version__}, numpy {np.__version__})\n")
    for k, v in values.items():
        f.write(f"{k}={float(v)!r}\n")
print(values)
