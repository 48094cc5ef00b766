"""Builds package/shotgrid_orleans-<version>.zip with package.py, server/ and frontend/ at the zip root."""

import runpy
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INCLUDED = ["package.py", "server", "frontend/dist"]


def main() -> Path:
    meta = runpy.run_path(str(ROOT / "package.py"))
    target = ROOT / "package" / f"{meta['name']}-{meta['version']}.zip"
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in INCLUDED:
            path = ROOT / entry
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            for file in files:
                archive.write(file, file.relative_to(ROOT).as_posix())
    print(target)
    return target


if __name__ == "__main__":
    main()
