"""Built data kept between runs: a pickle per kind under the user cache folder, keyed by what it was built from.

`DOSSIER_CACHE_DIR` moves the folder (default `$XDG_CACHE_HOME/dossier` or `~/.cache/dossier`); setting it to
`off` builds every time.  A read-only or missing home only costs the rebuild.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    root = os.environ.get("DOSSIER_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    if root.lower() in ("0", "off", "none"):
        return None
    return Path(root) / "dossier"


def cached(prefix: str, stamp: str, kind: type[T], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier process pickled as `prefix-stamp` (the stamp names the sources)."""
    folder = cache_dir()
    path = folder / f"{prefix}-{stamp}.pickle" if folder else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            if isinstance(value, kind):
                return value
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass
    value = build()
    if path is not None:
        _write(path, prefix, value)
    return value


def _write(path: Path, prefix: str, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f"{prefix}-*.pickle"):
            stale.unlink(missing_ok=True)  # built from older sources
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
