"""The command line's columnar parts: ``convert``, and ``query`` over a Parquet dataset. Private.

Kept apart from :mod:`newsevents.cli` so that the command works without the
extras; pyarrow and duckdb are imported only when these parts run, and their
absence is a one-line error that names the extra to install.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newsevents._cli_input import Inputs, display_name
from newsevents.article import Article
from newsevents.corpus import Hit
from newsevents.errors import NewsEventsError, ValidationError
from newsevents.events import Event
from newsevents.jsonl import read_jsonl
from newsevents.query import Predicate, of_type
from newsevents.serialize import Limits

__all__ = ["add_convert", "dataset_hits"]


class CommandError(NewsEventsError):
    """A command that cannot run as asked (an extra not installed, a mix of inputs): one line, status 2."""


def _require(module: str, extra: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise CommandError(f"this needs {module}: pip install 'newsevents[{extra}]'")


def add_convert(commands: Any, reading: argparse.ArgumentParser) -> None:
    """Add ``newsevents convert IN.jsonl OUT_DIR`` to the command line's subcommands."""
    convert = commands.add_parser(
        "convert", parents=[reading], help="write a JSON Lines file as a Parquet dataset (the arrow extra)"
    )
    convert.add_argument("input", metavar="IN", help="a JSON Lines file of articles (-: standard input)")
    convert.add_argument("output", metavar="OUT_DIR", help="a new directory for the dataset")
    convert.add_argument("--partition-by", choices=["year"], help="split the events table by year")
    convert.add_argument("--compression", default="zstd", help="the Parquet codec (default zstd)")
    convert.set_defaults(run=convert_command)


def convert_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Convert; a progress line on a terminal; every bad line reported as FILE:LINE: path: message."""
    _require("pyarrow", "arrow")
    from newsevents.arrow import write_parquet  # noqa: PLC0415 -- the extra, only when asked for

    name = display_name(args.input)
    bad: list[ValidationError] = []
    limits: Limits = args.limits
    inputs: Inputs = args.inputs

    def skip(error: ValidationError) -> None:
        bad.append(error)
        for detail in error.errors:
            err.write(f"{name}:{detail.line}: {detail.path}: {detail.message}\n")

    def progress(articles: int, events: int) -> None:
        if inputs.progress is not None:
            inputs.progress.detail = f"{articles:,} articles, {events:,} events written"

    read = 0

    def counted(articles: Iterator[Article]) -> Iterator[Article]:
        nonlocal read
        for article in articles:
            read += 1
            yield article

    try:
        with inputs.open(args.input) as source:
            lines = read_jsonl(source, Article, on_error=skip if args.keep_going else None, limits=limits)
            count = write_parquet(
                counted(lines),
                args.output,
                partition_by=args.partition_by,
                compression=args.compression,
                progress=progress,
            )
    except ValidationError as exc:
        for detail in exc.errors:
            where = f"{name}:{detail.line}: " if detail.line is not None else ""
            err.write(f"{where}{detail.path}: {detail.message}\n")
        return 1
    except OSError as exc:
        raise ValidationError.single(args.input, exc.strerror or str(exc)) from None
    if bad:
        total = read + len(bad)
        err.write(f"{name}: {len(bad)} of {total} line{'s' * (total != 1)} skipped\n")
    out.write(f"{count:,} article{'s' * (count != 1)} written to {args.output}\n")
    return 1 if bad else 0


def dataset_hits(paths: Sequence[str], predicate: Predicate | None, limit: int | None) -> list[Hit]:
    """The hits of a query over one Parquet dataset directory, through DuckDB, in Corpus.find's order."""
    if len(paths) != 1:
        raise CommandError("query: give one Parquet dataset directory, or JSON / JSON Lines files")
    _require("duckdb", "duckdb")
    _require("pyarrow", "arrow")
    from newsevents import duckdb as nd  # noqa: PLC0415 -- the extra, only when asked for

    try:
        con = nd.connect(paths[0])
    except ValidationError as exc:  # a folder that is not a dataset: what a file that is not JSON gets
        first = exc.errors[0]
        raise CommandError(
            f"cannot read {paths[0]} as a Parquet dataset: {first.path}: {first.message}"
        ) from None
    return nd.find(con, predicate if predicate is not None else of_type(Event), limit=limit)
