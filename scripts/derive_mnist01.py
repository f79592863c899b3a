"""Derive the MNIST 0-vs-1 subset shipped with `snippets` from the four official IDX files.

Usage: python scripts/derive_mnist01.py IDX_DIR [--out snippets/mnist01.npz]

IDX_DIR holds train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz
and t10k-labels-idx1-ubyte.gz (gzipped or not). The official train/test split is kept: every 0
and 1 of the 60,000 training images (12,665) and of the 10,000 test images (2,115), in their
original order, as 28x28 uint8 images, with their labels and original MNIST indices.

The output is a zip of .npy members written with a fixed timestamp, so rerunning the script on
the same files gives a byte-identical file (and so the same sha256, which the script prints).
"""

import argparse
import gzip
import hashlib
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
DIGITS = (0, 1)


def read_idx(path: Path) -> np.ndarray:
    """Read one IDX file (optionally gzipped) into an array of its declared shape."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    zero, dtype_code, ndim = raw[0:2], raw[2], raw[3]
    if zero != b"\x00\x00" or dtype_code != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file (header {raw[:4].hex()})")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"{path}: header says {shape}, found {data.size} bytes of data")
    return data.reshape(shape)


def find(idx_dir: Path, stem: str) -> Path:
    for name in (stem + ".gz", stem, stem.replace("-idx", ".idx") + ".gz"):
        if (idx_dir / name).exists():
            return idx_dir / name
    raise FileNotFoundError(f"{idx_dir}: no {stem}.gz (or {stem}) found")


def derive(idx_dir: Path) -> dict[str, np.ndarray]:
    """The arrays to ship: x_{split} (m, 28, 28) uint8, y_{split} (m,) uint8, idx_{split} (m,) int32."""
    arrays = {}
    for split, (images, labels) in FILES.items():
        x, y = read_idx(find(idx_dir, images)), read_idx(find(idx_dir, labels))
        if x.shape[0] != y.shape[0]:
            raise ValueError(f"{split}: {x.shape[0]} images but {y.shape[0]} labels")
        keep = np.flatnonzero(np.isin(y, DIGITS))
        arrays[f"x_{split}"] = np.ascontiguousarray(x[keep])
        arrays[f"y_{split}"] = y[keep].astype(np.uint8)
        arrays[f"idx_{split}"] = keep.astype(np.int32)
    return arrays


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays as a deflated .npz whose bytes depend only on the arrays (fixed member dates)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1998, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue(), compresslevel=9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("idx_dir", type=Path, help="folder with the four official MNIST IDX files")
    parser.add_argument("--out", type=Path, default=Path(__file__).parents[1] / "snippets" / "mnist01.npz")
    args = parser.parse_args(argv)
    arrays = derive(args.idx_dir)
    write_npz(args.out, arrays)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    for split in FILES:
        counts = np.bincount(arrays[f"y_{split}"], minlength=2)
        print(f"{split}: {len(arrays[f'y_{split}'])} images (0: {counts[0]}, 1: {counts[1]})")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)\nsha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
