"""The ``newsevents`` command: validate, check, show and query JSON or JSON Lines files; print schemas.

Run ``newsevents --help`` (or ``python -m newsevents --help``) for the commands.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gc
import importlib
import inspect
import json
import os
import sys
import tempfile
import webbrowser
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TextIO, cast

from newsevents import __version__, _cli_columnar
from newsevents._cli_input import STDIN, Inputs, Progress, Screen, display_name
from newsevents.article import Article
from newsevents.checks import Severity, check
from newsevents.corpus import Corpus, Hit
from newsevents.dates import TimeRef
from newsevents.entities import Actor, Country, Organization, Person, Place
from newsevents.errors import ErrorDetail, NewsEventsError, ValidationError, render
from newsevents.events import DetentionStatus, Event, RequestStatus, event_types
from newsevents.jsonl import Document, read_documents
from newsevents.query import Predicate, by, during, involving, mentioning, of_type, to, with_status
from newsevents.report._describe import describe
from newsevents.schema import json_schema
from newsevents.serialize import Limits, from_dict, to_dict

__all__ = ["PLUGIN_GROUP", "load_plugins", "main"]

_BY_TAG: dict[str, Any] = {
    "article": Article,
    "person": Person,
    "organization": Organization,
    "country": Country,
}
_BY_TAG["place"] = Place
_DEFAULT_LIMITS = Limits()


class _UsageError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


# ---------------------------------------------------------------- reading files


def _load(data: Any) -> Any:
    tag = data.get("type") if isinstance(data, dict) else None
    if not isinstance(tag, str):
        tag = "article"  # no tag, or not a string: the article loader says what is wrong with it
    cls = _BY_TAG.get(tag) or (Event if tag in event_types() else Article)
    return from_dict(cls, data)


def _documents(args: argparse.Namespace, path: str) -> Iterator[Document]:
    """Every object in a JSON or JSON Lines file (``-``: standard input), told apart by content."""
    with args.inputs.open(path) as source:
        try:
            yield from read_documents(source, _load, limits=args.limits)
        except OSError as exc:  # a file that fails while it is read (a disk error, a directory)
            raise _UsageError(f"cannot read {display_name(path)!r}: {exc.strerror or exc}") from None


def _message(detail: ErrorDetail) -> str:
    """A detail's message, naming the command's flags where the library names its Limits."""
    if detail.code != "limit":
        return detail.message
    return detail.message.replace("Limits.max_document", "--max-document").replace(
        "Limits.max_string", "--max-string"
    )


def _where(path: str, doc: Document, detail: ErrorDetail | None = None) -> str:
    at = f"{path}:{doc.line}" if doc.line is not None else path
    if detail is None:
        return at
    if detail.column is not None:  # text that is not JSON: where in the line it goes wrong
        at = f"{at}:{detail.column}" if doc.line is not None else f"{path}:{detail.line}:{detail.column}"
    # A document's details are located from its own root; the file's prefix ($[3]) goes before them.
    return f"{at}: {render(doc.prefix, detail.location)}" if detail.root == "$" else f"{at}: {detail.path}"


# ---------------------------------------------------------------- commands


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    total = bad = problems = 0
    for path in args.files:
        name = display_name(path)
        for doc in _documents(args, path):
            total += 1
            if doc.error is None:
                continue
            bad += 1
            problems += len(doc.error.errors)
            for detail in doc.error.errors:
                out.write(f"{_where(name, doc, detail)}: {_message(detail)}\n")
            if not args.keep_going and doc.line is not None:
                out.write(f"{name}: stopped at line {doc.line}; --continue checks the rest\n")
                break
    files = len(args.files)
    out.write(
        f"{total} document{'s' * (total != 1)} in {files} file{'s' * (files != 1)}: "
        f"{total - bad} valid, {bad} invalid ({problems} error{'s' * (problems != 1)})\n"
    )
    return 1 if bad else 0


def _articles(
    args: argparse.Namespace, paths: Sequence[str], err: TextIO
) -> Iterator[tuple[str, Document, Article]]:
    """The articles of the files; a bad document stops the command, or with --continue is skipped.

    Each bad document is reported on stderr (``FILE:LINE: $.path: message``); with --continue, a
    file's bad documents are then counted (``FILE: 1 of 5 lines skipped``) and ``args.skipped``
    says how many there were in all, for the exit status.
    """
    for path in paths:
        name = display_name(path)
        total = bad = 0
        unit = "document"
        for doc in _documents(args, path):
            total += 1
            if doc.line is not None:
                unit = "line"
            if doc.error is None:
                if isinstance(doc.value, Article):
                    yield name, doc, doc.value
                continue
            bad += 1
            for detail in doc.error.errors:
                err.write(f"{_where(name, doc, detail)}: {_message(detail)}\n")
            if not args.keep_going:
                raise _UsageError(f"{name} holds an invalid document; run 'newsevents validate {path}'")
        if bad:
            err.write(f"{name}: {bad} of {total} {unit}{'s' * (total != 1)} skipped\n")
            args.skipped += bad


def _skipped(args: argparse.Namespace, status: int) -> int:
    """The exit status, at least 1 when --continue skipped bad documents."""
    return max(status, 1) if args.skipped else status


def _text_of(args: argparse.Namespace, path: str) -> str:
    """The text of ``check --source`` (``-``: standard input)."""
    name = display_name(path)
    with args.inputs.open(path) as source:
        try:
            data = source.read()
        except OSError as exc:
            raise _UsageError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    try:
        return cast("bytes", data).decode("utf-8")
    except UnicodeDecodeError as exc:
        at = f"byte {exc.start:,}"
        raise _UsageError(f"cannot read {name!r}: not UTF-8 text ({exc.reason} at {at})") from None


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    floor = Severity(args.severity).rank
    text = _text_of(args, args.source) if args.source else None
    worst = len(Severity)
    shown = 0
    for path, doc, article in _articles(args, args.files, err):
        for finding in check(article, text=text):
            if finding.severity.rank <= floor:
                shown += 1
                worst = min(worst, finding.severity.rank)
                inner = doc.prefix + finding.path[1:]
                label = f"{finding.code} {finding.severity.value}"
                out.write(f"{_where(path, doc)}: {label}: {inner}: {finding.message}\n")
    out.write(f"{shown} finding{'s' * (shown != 1)}\n")
    return _skipped(args, {0: 2, 1: 1}.get(worst, 0))


def _actor_label(actor: Actor) -> str:
    if isinstance(actor, Person) and actor.roles:
        role = actor.roles[0]
        return f"{actor.name} ({role.title}{', ' + role.organization.name if role.organization else ''})"
    return actor.name


def _when(event: Event) -> str:
    ref = event.when
    if ref is None:
        return "undated"
    width = {"year": 4, "month": 7}.get(ref.precision.value, 10)
    return ref.start.date().isoformat()[:width] + ("~" if ref.approximate else "")


def _line(event: Event) -> str:
    said = describe(event)  # the wording the pages use: the type's own, or a generic line
    parties = event.parties()
    who = ", ".join(_actor_label(a) for a in parties.acting) or "-"
    towards = ", ".join(_actor_label(a) for a in parties.receiving)
    # One line: the verbatim words when the article quotes some, else the description.
    what = " / ".join(f"\u201c{q}\u201d" for q in said.quotes) or said.what
    arrow = f" -> {towards}" if towards else ""
    flag = "" if event.certainty.value == "confirmed" else f" [{event.certainty.value}]"
    return f"{who}{arrow}{flag}: {what}"


def show(article: Article) -> str:
    """A readable summary: headline, publisher and date, then the events grouped by type."""
    lines = [article.title, f"{article.publisher.name}, {article.published.isoformat()}", ""]
    groups: dict[str, list[Event]] = {}
    for event in article.events:
        groups.setdefault(type(event).__name__, []).append(event)
    for name, events in groups.items():
        lines.append(f"{name} ({len(events)})")
        lines.extend(f"  {_when(e):>11}  {e.id}: {_line(e)}" for e in events)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.html is None and not args.open:
        for _, _, article in _articles(args, [args.file], err):
            out.write(show(article) + "\n")
        return _skipped(args, 0)
    articles = [article for _, _, article in _articles(args, [args.file], err)]
    _write_page(args, articles[0] if len(articles) == 1 else Corpus(articles), out)
    return _skipped(args, 0)


def _write_page(args: argparse.Namespace, subject: Article | Corpus | Sequence[Hit], out: TextIO) -> None:
    """``--html OUT`` writes the page of newsevents.report; ``--open`` shows it in a browser."""
    from newsevents.report import to_html  # noqa: PLC0415 -- the page code only for the pages

    page = to_html(subject, title=args.title).encode("utf-8")
    if args.html is not None:
        path = args.html
        try:
            with open(path, "wb") as handle:
                handle.write(page)
        except OSError as exc:
            raise _UsageError(f"cannot write {path!r}: {exc.strerror or exc}") from None
    else:  # --open alone: a page in a temporary file that outlives the command, for the browser
        handle_fd, path = tempfile.mkstemp(prefix="newsevents-", suffix=".html")
        with os.fdopen(handle_fd, "wb") as handle:
            handle.write(page)
    out.write(f"{path}: {len(page):,} bytes\n")
    if args.open:
        webbrowser.open(Path(path).resolve().as_uri())


def _predicate(args: argparse.Namespace) -> Predicate | None:
    """The query's predicate; a bad option value is a usage error that names the option."""
    statuses = list(dict.fromkeys(m.value for kind in (RequestStatus, DetentionStatus) for m in kind))
    for value in args.type or ():
        _one_of("--type", "event type", value, list(event_types()))
    for value in args.status or ():
        _one_of("--status", "status", value, statuses)
    parts: list[Predicate] = []
    if args.type:
        parts.append(_built("--type", of_type, *args.type))
    parts += [_built("--actor", involving, a) for a in args.actor or ()]
    parts += [_built("--by", by, a) for a in args.by or ()]
    parts += [_built("--to", to, a) for a in args.to or ()]
    for flag, value in (("--since", args.since), ("--until", args.until)):
        if value is not None:
            _built(flag, during, value)
    if args.since is not None and args.until is not None:
        _in_order(args.since, args.until)
    if args.since or args.until:
        parts.append(_built("--since/--until", during, args.since or "0001", args.until or "9999"))
    parts += [_built("--text", mentioning, t) for t in args.text or ()]
    if args.status:
        parts.append(_built("--status", with_status, *args.status))
    if not parts:
        return None
    predicate = parts[0]
    for part in parts[1:]:
        predicate = predicate & part
    return predicate


def _one_of(flag: str, what: str, value: str, choices: Sequence[str]) -> None:
    """Refuse a value that is not one of ``choices``, with the closest one and the whole list."""
    if value in choices:
        return
    close = difflib.get_close_matches(value, choices, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise _UsageError(f"{flag}: unknown {what} {value!r}{hint}; expected one of: {', '.join(choices)}")


def _built(flag: str, make: Callable[..., Predicate], *values: Any) -> Predicate:
    """``make(*values)``, its errors named by the option the values came from."""
    try:
        return make(*values)
    except ValidationError as exc:
        raise _UsageError(f"{flag}: " + "; ".join(e.message for e in exc.errors)) from None


def _in_order(since: str, until: str) -> None:
    """Refuse ``--until`` before ``--since``: no date would match both."""
    low, high = _bounds(since), _bounds(until)
    if low is None or high is None:
        return  # a form only the query module reads: it says what it thinks of the span
    start, end, period = low[0], high[1], high[2]
    if end < start or (end == start and period):
        raise _UsageError(f"--until {until} is before --since {since}; no date is in both")


def _bounds(value: str) -> tuple[datetime, datetime, bool] | None:
    """The start and (exclusive) end of a date option, and whether it is a period, not an instant."""
    parts = value.strip().split("-")
    if 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        try:
            ref = TimeRef.of(*(int(p) for p in parts))
        except (ValidationError, TypeError, ValueError):
            return None
        return ref.start, ref.end, True
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return (moment, moment, False) if moment.utcoffset() is not None else None


def _query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    predicate = _predicate(args)
    if any(os.path.isdir(f) for f in args.files):  # a Parquet dataset, asked through DuckDB
        hits = _cli_columnar.dataset_hits(args.files, predicate, args.limit)
    else:
        with _no_cycle_collection():
            corpus = Corpus(article for _, _, article in _articles(args, args.files, err))
        hits = corpus.find(predicate) if predicate is not None else corpus.scan(_everything())
    if args.limit is not None:
        hits = hits[: args.limit]
    if args.html is not None or args.open:
        _write_page(args, hits, out)
        return _skipped(args, 0)
    for hit in hits:
        if args.format == "jsonl":
            row = {"article": hit.article.id, "event": to_dict(hit.event)}
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            tag = {v: k for k, v in event_types().items()}.get(type(hit.event), type(hit.event).__name__)
            out.write(
                f"{_when(hit.event):>11}  {tag:<18} {hit.article.id}#{hit.event.id}  {_line(hit.event)}\n"
            )
    if args.format == "table":
        out.write(f"{len(hits)} event{'s' * (len(hits) != 1)}\n")
    return _skipped(args, 0)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while a corpus loads: the objects it holds make no cycles.

    Each full collection rescans every object loaded so far: on a 64 MB file, pauses of up to 3 s
    (no progress drawn meanwhile) and 34 s in all, against 20 s without them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _everything() -> Predicate:
    return Predicate(lambda _: True, "everything")


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    name = args.type
    cls = _BY_TAG.get(name) or (Event if name == "event" else event_types().get(name))
    if cls is None:
        known = ", ".join([*_BY_TAG, "event", *event_types()])
        raise _UsageError(f"schema: unknown type {name!r}; expected one of: {known}")
    out.write(json.dumps(json_schema(cls), indent=2, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- plugins

PLUGIN_GROUP = "newsevents.event_types"
"""The entry-point group of packages that register event types: the command loads each at its start."""


def _plugin_failure(what: str, exc: BaseException) -> _UsageError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return _UsageError(f"{what}: {type(exc).__name__}{': ' + reason if reason else ''}")


def load_plugins(modules: Sequence[str] = ()) -> None:
    """Import the modules of the entry-point group ``newsevents.event_types``, then ``modules``.

    An entry point names a module (importing it registers its event types) or a function of
    no arguments that registers them. A ``--plugin`` module is looked for on ``sys.path`` and
    in the current directory, as ``python -m`` would. A plugin that fails is reported in one
    line naming it.
    """
    from importlib import metadata  # noqa: PLC0415 -- its import and the scan cost only the commands

    for entry in sorted(metadata.entry_points(group=PLUGIN_GROUP), key=lambda e: (e.name, e.value)):
        what = f"plugin {entry.name!r} ({entry.value}) of the entry-point group {PLUGIN_GROUP!r}"
        try:
            loaded = entry.load()
            if inspect.isfunction(loaded):
                loaded()
        except Exception as exc:  # noqa: BLE001 -- a plugin fails in any way; say which, in one line
            raise _plugin_failure(what, exc) from None
    for name in modules:
        if os.getcwd() not in sys.path and "" not in sys.path:
            sys.path.append(os.getcwd())
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 -- as above: one line naming the plugin
            raise _plugin_failure(f"--plugin {name!r}", exc) from None


# ---------------------------------------------------------------- the parser


def _count(text: str, least: int = 0) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"expected a whole number {least} or more, found {text!r}")
    return value


def _limit(text: str) -> int | None:
    return _count(text) or None


def _most(text: str) -> int:
    """``--limit N``: 0 would print nothing, which no one asks for; leaving the option out lists all."""
    try:
        return _count(text, 1)
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; leave --limit out to list every event") from None


def _page_flags(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group("an HTML page instead of text (newsevents.report)")
    group.add_argument("--html", metavar="OUT", help="write a self-contained page with a timeline to OUT")
    group.add_argument("--open", action="store_true", help="open the page in a browser")
    group.add_argument("--title", metavar="T", help="the page's heading")


_FILES = "JSON or JSON Lines files (-: standard input)"


def _parser() -> _Parser:
    parser = _Parser(prog="newsevents", description="Validate, check, show and query newsevents JSON files.")
    reading = _Parser(add_help=False)
    group = reading.add_argument_group("limits on input (0 lifts a limit)")
    for flag, unit, what in (
        ("--max-document", "BYTES", "the largest document or JSON Lines line"),
        ("--max-string", "CHARS", "the longest string in a document"),
    ):
        default = getattr(_DEFAULT_LIMITS, flag[2:].replace("-", "_"))
        help_text = f"{what} (default {default})"
        group.add_argument(flag, type=_limit, default=default, metavar=unit, help=help_text)
    reading.add_argument(
        "--continue",
        dest="keep_going",
        action="store_true",
        help="skip bad lines and documents, each reported with its line, and go on (exit status 1)",
    )
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    parser.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="MODULE",
        help=f"import MODULE first, for the event types it registers (repeatable; before the command);"
        f" installed packages register theirs through the entry-point group {PLUGIN_GROUP!r}",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate", parents=[reading], help="check files against the model; print every error"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=_FILES)
    validate.set_defaults(run=_validate)

    lint = commands.add_parser(
        "check", parents=[reading], help="consistency findings (quotes not in the text, dates, ...)"
    )
    lint.add_argument("files", nargs="+", metavar="FILE", help=_FILES)
    lint.add_argument(
        "--severity", choices=[s.value for s in Severity], default="info", help="the least shown"
    )
    lint.add_argument(
        "--source", metavar="TEXT", help="the original article text, to check quotes against (-: stdin)"
    )
    lint.set_defaults(run=_check)

    display = commands.add_parser(
        "show", parents=[reading], help="a readable summary of the articles in a file, or an HTML page"
    )
    display.add_argument("file", metavar="FILE", help="a JSON or JSON Lines file (-: standard input)")
    _page_flags(display)
    display.set_defaults(run=_show)

    query = commands.add_parser("query", parents=[reading], help="find events across files or a dataset")
    query.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JSON or JSON Lines (-: stdin), or a Parquet dataset directory",
    )
    query.add_argument("--type", action="append", metavar="T", help="event type tag, e.g. statement")
    query.add_argument("--actor", action="append", metavar="A", help="involving this actor (name, id, code)")
    query.add_argument("--by", action="append", metavar="A", help="with this actor on the acting side")
    query.add_argument("--to", action="append", metavar="A", help="with this actor on the receiving side")
    query.add_argument("--since", metavar="D", help="from this date on (YYYY, YYYY-MM, YYYY-MM-DD)")
    query.add_argument("--until", metavar="D", help="up to this date, included")
    query.add_argument("--text", action="append", metavar="S", help="mentioning this text")
    query.add_argument("--status", action="append", metavar="S", help="request or detention status")
    query.add_argument("--format", choices=["table", "jsonl"], default="table")
    query.add_argument("--limit", type=_most, metavar="N", help="at most N events (N >= 1)")
    _page_flags(query)
    query.set_defaults(run=_query)

    _cli_columnar.add_convert(commands, reading)

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON form of a type")
    schema.add_argument(
        "type", nargs="?", default="article", metavar="TYPE", help="article (default), event or a type tag"
    )
    schema.set_defaults(run=_schema)
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command line; returns the exit status.

    0: everything read, nothing to report; 1: bad data (invalid documents, lines skipped by
    ``--continue``, warnings from ``check``); 2: a usage error, a file that cannot be read, an
    invalid document without ``--continue``, or an error from ``check``. ``stdin`` is what ``-``
    reads (``sys.stdin.buffer`` by default).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        load_plugins(args.plugin)
        run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
        if hasattr(args, "max_document"):
            args.limits = Limits(max_document=args.max_document, max_string=args.max_string)
            _stdin_once(_inputs_of(args))
            progress = Progress(err) if err.isatty() else None
            args.inputs, args.skipped = Inputs(stdin, progress), 0
            if progress is not None:  # other output first wipes the progress line, then goes on
                err = cast("TextIO", Screen(err, progress))
                out = cast("TextIO", Screen(out, progress)) if out.isatty() else out
        return run(args, out, err)
    except _UsageError as exc:
        err.write(f"newsevents: error: {exc}\n")
        return 2
    except NewsEventsError as exc:  # a dataset that cannot be read, an extra that is not installed
        err.write(f"newsevents: error: {str(exc).splitlines()[0]}\n")
        return 2
    except BrokenPipeError:  # `newsevents query ... | head`
        return 0


def _inputs_of(args: argparse.Namespace) -> list[str]:
    """The files a command reads, as given on the command line."""
    names = [*getattr(args, "files", ()), getattr(args, "file", None), getattr(args, "input", None)]
    return [n for n in [*names, getattr(args, "source", None)] if n is not None]


def _stdin_once(paths: Iterable[str]) -> None:
    if sum(path == STDIN for path in paths) > 1:
        raise _UsageError("standard input ('-') can be read only once")
