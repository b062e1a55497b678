"""Readers: files, folders, stdin, JSONL dumps and WARC files into `Article`s."""

from dossier.read.errors import Failure, InputError
from dossier.read.files import DEFAULT_MAX_BYTES, list_inputs, read_paths

__all__ = ["DEFAULT_MAX_BYTES", "Failure", "InputError", "list_inputs", "read_paths"]
