"""Benchmark: peak memory of cleaning an uploaded image, at the pixel cap and for a refused bomb.

Run: `.venv/bin/python bench/bench_uploads.py` (no services needed). Each image is cleaned in a
fresh process (`portal.file_metadata.clean`, what every upload goes through); the figure is the
process's peak resident memory (VmHWM) during the cleaning, over its peak before it. Writes its
section of docs/PERFORMANCE.md.
"""

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from bench.report import write_section  # noqa: E402
from tests.uploads import huge_png  # noqa: E402

# VmHWM, not getrusage: ru_maxrss starts at the parent's peak, which Linux carries across the
# fork and exec that start the measuring process.
MEASURE = """
import sys
import django
django.setup()
from portal import file_metadata
from tests.uploads import png_file

def high_water():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

file_metadata.clean(png_file((8, 8)), "image/png")  # load the plugins first
content = open(sys.argv[1], "rb").read()
before = high_water()
try:
    file_metadata.clean(content, "image/png")
    outcome = "cleaned"
except file_metadata.Uncleanable:
    outcome = "refused"
print(high_water() - before, outcome)
"""

CAP = 50_000_000


def peak(path: Path) -> tuple[int, str]:
    """Peak KiB over the process's own while cleaning `path`, and whether it was refused."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "UPLOAD_MAX_PIXELS": str(CAP),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None), env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    kib, outcome = done.stdout.split()[-2:]
    return int(kib), outcome


def main() -> None:
    cases = [
        ("12 MP RGBA PNG (4000×3000, a phone photo)", (4000, 3000)),
        ("50 MP RGBA PNG (8000×6250, at the cap)", (8000, 6250)),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for label, size in cases:
            path = Path(folder) / "image.png"
            Image.new("RGBA", size, "white").save(path)
            kib, outcome = peak(path)
            pixels = size[0] * size[1]
            rows.append((label, outcome, kib, f"{kib * 1024 / pixels:.1f}"))
        bomb = Path(folder) / "bomb.png"
        bomb.write_bytes(huge_png(20_000, 20_000))
        kib, outcome = peak(bomb)
        rows.append(("20000×20000 PNG bomb (a few hundred bytes)", outcome, kib, "—"))
    table = "\n".join(
        f"| {label} | {outcome} | {kib / 1024:.0f} MiB | {per} |"
        for label, outcome, kib, per in rows
    )
    write_section(
        "uploads",
        f"""## Uploads: memory of cleaning an image

Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.
Command: `.venv/bin/python bench/bench_uploads.py`. Pixel cap `UPLOAD_MAX_PIXELS` = {CAP:,}.
Peak resident memory of `portal.file_metadata.clean` in a fresh process, over the process's own.
What to expect: two copies of the pixels (4 bytes each: the decoded image and its metadata-free
copy) plus the PNG encoder's buffers; a refused bomb is never decoded. Before the cleaner was
changed on 2026-12-06 a 50 MP PNG took 633 MiB.

| image | outcome | peak | bytes per pixel |
|---|---|---|---|
{table}
""",
    )
    print(table)


if __name__ == "__main__":
    main()
