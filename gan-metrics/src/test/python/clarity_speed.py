"""OpenCV's clarity speed on the images gansuite's ClarityBenchmark times.

Run with Debian's python3 (python3-opencv 4.6.0, numpy 1.24.2) from the repository root:
    /usr/bin/python3 gan-metrics/src/test/python/clarity_speed.py DIR [N] [REPEATS] [SIZES] [THREADS] [BATCHES]
For each size S in SIZES (default "32,64") writes N (default 5000) seeded random SxSx3 images to
DIR/clarity_S.u8 as raw HWC bytes (kept when it exists with the right size), loads them into memory,
then times only the computation (no file reading) of

  per image, default reading:  cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var()
                               (as a Python user calls OpenCV, one image at a time)
  per image, every reading:    grey once, then cv2.Laplacian / cv2.filter2D for the three kernels,
                               and per response var, std (= sqrt(var), as numpy computes it),
                               mean |R|, mean R^2: the twelve values gansuite computes per image
  batch, default reading:      B images at a time: one cvtColor call on all of them, np.pad(mode='reflect')
                               (= reflect-101) per image, one cv2.Laplacian over the padded images
                               stacked, then numpy's var per image over the interiors (no Python loop
                               per image)
  batch, every reading:        the same for the three kernels and four statistics
for each batch size B of BATCHES (default "256,all": the best of them is OpenCV's best figure here;
small batches keep the float64 responses in cache, one batch of everything has the least overhead)

under each cv2 thread count of THREADS (default "1,default": cv2.setNumThreads(1), then OpenCV's
own default, cv2.getNumThreads() at start). Prints the median images/s (wall) and process CPU
time per image over REPEATS (default 7) passes. The batch variants are checked against the
per-image ones (1e-12 relative). Then time gansuite on the same files with
    java -cp <test class path> org.gansuite.metrics.ClarityBenchmark speed DIR/clarity_S.u8 [repeats] [S]
(gan-metrics README, "Speed"). To pin either side to one core: taskset -c 0 ...
"""
import os
import sys
import time
import cv2
import numpy as np

out_dir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 7
sizes = [int(s) for s in (sys.argv[4] if len(sys.argv) > 4 else "32,64").split(",")]
default_threads = cv2.getNumThreads()
threads = [default_threads if t == "default" else int(t)
           for t in (sys.argv[5] if len(sys.argv) > 5 else "1,default").split(",")]
batches = [0 if b == "all" else int(b) for b in (sys.argv[6] if len(sys.argv) > 6 else "256,all").split(",")]

K8 = np.array([[1, 1, 1], [1, -8, 1], [1, 1, 1]], np.float64)
K141 = np.array([[1, 4, 1], [4, -20, 4], [1, 4, 1]], np.float64) / 6


def stats(r, axis=None):
    var = r.var(axis=axis)
    return [var, np.sqrt(var), np.abs(r).mean(axis=axis), (r * r).mean(axis=axis)]


def per_image_default(images):
    return [cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var() for img in images]


def per_image_every(images):
    out = []
    for img in images:
        g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
        v = []
        for r in (cv2.Laplacian(g, cv2.CV_64F), cv2.filter2D(g, cv2.CV_64F, K8), cv2.filter2D(g, cv2.CV_64F, K141)):
            v += stats(r)
        out.append(v)
    return out


def padded_grey(images):
    m, h, w, _ = images.shape
    g = cv2.cvtColor(images.reshape(m * h, w, 3), cv2.COLOR_RGB2GRAY).reshape(m, h, w)
    return np.pad(g, ((0, 0), (1, 1), (1, 1)), mode="reflect").reshape(m * (h + 2), w + 2), (m, h, w)


def interiors(r, shape):
    m, h, w = shape
    return r.reshape(m, h + 2, w + 2)[:, 1:-1, 1:-1]


def batch_default(images):
    p, shape = padded_grey(images)
    return interiors(cv2.Laplacian(p, cv2.CV_64F), shape).var(axis=(1, 2))


def batch_every(images):
    p, shape = padded_grey(images)
    v = []
    for r in (cv2.Laplacian(p, cv2.CV_64F), cv2.filter2D(p, cv2.CV_64F, K8), cv2.filter2D(p, cv2.CV_64F, K141)):
        v += stats(interiors(r, shape), axis=(1, 2))
    return np.stack(v, axis=1)


def in_batches(f, size):
    def run(images):
        b = size or len(images)
        return np.concatenate([f(images[i:i + b]) for i in range(0, len(images), b)])
    return run


def agree(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    assert np.all(np.abs(a - b) <= 1e-12 * np.abs(b)), np.max(np.abs(a - b) / np.abs(b))


print(f"OpenCV {cv2.__version__}, numpy {np.__version__}, {os.cpu_count()} CPUs visible, "
      f"affinity {sorted(os.sched_getaffinity(0))}, cv2 default threads {default_threads}")
for size in sizes:
    path = os.path.join(out_dir, f"clarity_{size}.u8")
    if not os.path.exists(path) or os.path.getsize(path) != n * size * size * 3:
        np.random.default_rng(20261130).integers(0, 256, (n, size, size, 3), dtype=np.uint8).tofile(path)
    images = np.fromfile(path, np.uint8).reshape(n, size, size, 3)
    agree(in_batches(batch_default, 64)(images[:200]), per_image_default(images[:200]))
    agree(in_batches(batch_every, 64)(images[:200]), per_image_every(images[:200]))
    for t in threads:
        cv2.setNumThreads(t)
        variants = [("per image, default reading (var 4)", per_image_default),
                    ("per image, every reading (12)", per_image_every)]
        for b in batches:
            variants += [(f"batch of {b or n}, default reading (var 4)", in_batches(batch_default, b)),
                         (f"batch of {b or n}, every reading (12)", in_batches(batch_every, b))]
        for name, f in variants:
            rates, cpu = [], []
            for _ in range(repeats):
                tw, tc = time.perf_counter(), time.process_time()
                f(images)
                rates.append(n / (time.perf_counter() - tw))
                cpu.append((time.process_time() - tc) / n * 1e6)
            print(f"OpenCV {size}x{size}x3, {n} images, cv2 threads {cv2.getNumThreads()}, {name}: "
                  f"median {sorted(rates)[repeats // 2]:.0f} images/s (min {min(rates):.0f}, max {max(rates):.0f}), "
                  f"median {sorted(cpu)[repeats // 2]:.1f} us CPU per image", flush=True)
    print(f"check {size}: mean var of the 4-neighbour Laplacian {np.mean(batch_default(images)):.6f}")
