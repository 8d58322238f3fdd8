#!/usr/bin/env python3
"""Build the offline export: dist/kennisbank-offline.zip, to open from disk (file://).

    python3 scripts/build_offline.py [--out dist/kennisbank-offline.zip]

Steps: fetch the iframe-worker shim from npm (search needs it from file://, and without a local
copy Material would load it from a CDN), build with mkdocs.offline.yml, add the shim and its
licence, zip. Prints the zip's size and the time it took.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIM = "iframe-worker@1.0.4"
FOLDER = "kennisbank-welbevinden-op-school"  # the folder inside the zip
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def fetch_shim(work: Path) -> Path:
    """The npm package, unpacked; returns its folder."""
    subprocess.run(["npm", "pack", "--silent", SHIM], cwd=work, check=True, capture_output=True)
    with tarfile.open(next(work.glob("iframe-worker-*.tgz"))) as archive:
        archive.extractall(work, filter="data")
    return work / "package"


def build(out: Path) -> tuple[Path, float]:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        package = fetch_shim(work)
        site = work / FOLDER
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                                 "-f", str(REPO / "mkdocs.offline.yml"), "-d", str(site)],
                                cwd=REPO, env=ENV, capture_output=True, text=True)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        target = site / "assets" / "javascripts" / "iframe-worker"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(package / "shim" / "index.js", target / "shim.js")
        shutil.copy(package / "LICENSE", target / "LICENSE")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                archive.write(path, path.relative_to(work).as_posix())
    return out, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "dist" / "kennisbank-offline.zip")
    args = ap.parse_args()
    out, seconds = build(args.out.resolve())
    print(f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: {out.stat().st_size / 1e6:.1f} MB, "
          f"built in {seconds:.0f} s; open {FOLDER}/index.html from the unpacked zip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
