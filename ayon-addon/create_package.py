"""Builds the installable addon zip: package.py, server/ and frontend/dist/ at the zip root.

frontend/dist is the gateway's own sync page (src/Gateway/wwwroot), copied in at build time, so AYON shows the same
page the gateway serves; the page notices it runs inside AYON and talks to this addon's endpoints.

    python3 create_package.py [--out DIR]     # default DIR: ./package
"""

import argparse
import runpy
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PAGE = ROOT.parent / "src" / "Gateway" / "wwwroot"


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def build(out_dir: Path) -> Path:
    meta = runpy.run_path(str(ROOT / "package.py"))
    if not (PAGE / "index.html").is_file():
        raise SystemExit(f"the sync page is missing: {PAGE / 'index.html'}")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{meta['name']}-{meta['version']}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(ROOT / "package.py", "package.py")
        for file in files_under(ROOT / "server"):
            archive.write(file, file.relative_to(ROOT).as_posix())
        for file in files_under(PAGE):
            archive.write(file, "frontend/dist/" + file.relative_to(PAGE).as_posix())
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "package")
    print(build(parser.parse_args().out))
