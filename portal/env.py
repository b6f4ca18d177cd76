"""Read the environment in one place, with the embedded defaults of `make run`."""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def words(name: str, default: str = "") -> list[str]:
    """Return a comma-separated variable as a list, blanks dropped."""
    return [part.strip() for part in text(name, default).split(",") if part.strip()]


def integer(name: str, default: int) -> int:
    value = text(name)
    return int(value) if value else default


def secret_key() -> str:
    """Return SECRET_KEY, or a key generated once into var/ for the embedded default."""
    key = text("SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
