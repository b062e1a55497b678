"""What a reader says about input it cannot use: one line, naming the file."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """Bad input: the message is one line, without the file name (the caller adds it)."""


@dataclass(frozen=True)
class Failure:
    """An input (a file, a JSONL line, a WARC record) that could not be read or cleaned."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {' '.join(self.message.split())}"
