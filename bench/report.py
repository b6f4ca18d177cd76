"""Writes a benchmark's section of docs/PERFORMANCE.md, replacing the section's previous run."""

from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parent.parent / "docs" / "PERFORMANCE.md"


def write_section(name: str, text: str) -> None:
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    section = f"{start}\n{text.rstrip()}\n{end}"
    current = PERFORMANCE.read_text(encoding="utf-8") if PERFORMANCE.exists() else ""
    if start in current and end in current:
        before, rest = current.split(start, 1)
        current = before + section + rest.split(end, 1)[1]
    else:
        current = (current.rstrip() + "\n\n" if current.strip() else "") + section + "\n"
    PERFORMANCE.write_text(current, encoding="utf-8")
