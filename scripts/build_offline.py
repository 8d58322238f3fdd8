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


class Missing(Exception):
    """Something the export needs is not there; the message says what and how to fix it."""


_UNREACHABLE = ("ENOTFOUND", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "ECONNRESET", "ENETUNREACH",
                "EHOSTUNREACH", "network", "socket hang up", "request to http")


def fetch_shim(work: Path) -> Path:
    """The npm package, unpacked; returns its folder."""
    if shutil.which("npm") is None:
        raise Missing("npm is missing, and the search shim comes from npm: install it (Debian: "
                      "sudo apt-get install npm) and run make offline again")
    env = {**ENV, "npm_config_fetch_retries": ENV.get("npm_config_fetch_retries", "1"),
           "npm_config_fetch_timeout": ENV.get("npm_config_fetch_timeout", "30000")}
    try:
        result = subprocess.run(["npm", "pack", "--loglevel=error", SHIM], cwd=work, capture_output=True, text=True,
                                env=env, timeout=300)
    except subprocess.TimeoutExpired:
        raise Missing(f"npm did not answer within 5 minutes while fetching {SHIM}: check the network "
                      "(or the registry in npm config get registry) and run make offline again") from None
    if result.returncode:
        said = "\n".join("  " + line for line in (result.stderr or result.stdout).strip().splitlines()[:20])
        registry = subprocess.run(["npm", "config", "get", "registry"], capture_output=True, text=True,
                                  env=env).stdout.strip() or "the npm registry"
        if any(word in result.stderr for word in _UNREACHABLE):
            raise Missing(f"the npm registry ({registry}) cannot be reached, so {SHIM} cannot be fetched: "
                          f"connect to the internet, or point npm at a reachable registry "
                          f"(npm config set registry <url>), and run make offline again; npm said:\n{said}")
        raise Missing(f"npm could not fetch {SHIM} from {registry}; npm said:\n{said}")
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
    try:
        out, seconds = build(args.out.resolve())
    except Missing as exc:
        print(f"make offline: {exc}", file=sys.stderr)
        return 1
    print(f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: {out.stat().st_size / 1e6:.1f} MB, "
          f"built in {seconds:.0f} s; open {FOLDER}/index.html from the unpacked zip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
