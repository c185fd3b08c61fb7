"""OpenCV's clarity speed on the images gansuite's ClarityBenchmark times.

Run with Debian's python3 (python3-opencv 4.6.0, numpy 1.24.2):
    /usr/bin/python3 gan-metrics/src/test/python/clarity_speed.py FILE.u8 [N] [REPEATS]
Writes N (default 5000) seeded random 64x64x3 images to FILE.u8 as raw HWC bytes (kept when it
exists with the right size), then times, per image as a Python user calls OpenCV,
    cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var()
(the default reading alone) and all twelve readings (three kernels, four statistics), and prints
the median images/s and process CPU time per image over REPEATS (default 7) passes (CPU time
is the fairer figure on a shared machine: it does not count waiting for a core). Then time gansuite on the same file with
    java -cp <test class path> org.gansuite.metrics.ClarityBenchmark speed FILE.u8
"""
import os
import sys
import time
import cv2
import numpy as np

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 7
if not os.path.exists(path) or os.path.getsize(path) != n * 64 * 64 * 3:
    np.random.default_rng(20261130).integers(0, 256, (n, 64, 64, 3), dtype=np.uint8).tofile(path)
images = np.fromfile(path, np.uint8).reshape(n, 64, 64, 3)
k8 = np.array([[1, 1, 1], [1, -8, 1], [1, 1, 1]], np.float64)
k141 = np.array([[1, 4, 1], [4, -20, 4], [1, 4, 1]], np.float64) / 6


def default(img):
    return cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var()


def every(img):
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    out = []
    for r in (cv2.Laplacian(g, cv2.CV_64F), cv2.filter2D(g, cv2.CV_64F, k8), cv2.filter2D(g, cv2.CV_64F, k141)):
        out += [r.var(), r.std(), np.abs(r).mean(), (r * r).mean()]
    return out


for name, f in (("default reading (var 4)", default), ("every reading (12)", every)):
    rates, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        for img in images:
            f(img)
        rates.append(n / (time.perf_counter() - t))
        cpu.append((time.process_time() - c) / n * 1e6)
    print(f"OpenCV {cv2.__version__}, {name}, {n} images 64x64x3, cv2 threads {cv2.getNumThreads()}: "
          f"median {sorted(rates)[repeats // 2]:.0f} images/s (min {min(rates):.0f}, max {max(rates):.0f}), "
          f"median {sorted(cpu)[repeats // 2]:.1f} us CPU per image")
print(f"check: mean var of the 4-neighbour Laplacian {np.mean([default(i) for i in images]):.6f}")
