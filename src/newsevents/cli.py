"""The ``newsevents`` command: validate, check, show and query JSON or JSON Lines files; print schemas.

Run ``newsevents --help`` (or ``python -m newsevents --help``) for the commands.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import io
import json
import os
import sys
import tempfile
import webbrowser
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TextIO

from newsevents import __version__, _cli_columnar
from newsevents._jsontext import DEFAULT_LIMITS, Limits, is_blank, parse, unreadable
from newsevents.article import Article
from newsevents.checks import Severity, check
from newsevents.corpus import Corpus, Hit
from newsevents.entities import Actor, Country, Organization, Person, Place
from newsevents.errors import ErrorDetail, NewsEventsError, ValidationError, render
from newsevents.events import Event, event_types
from newsevents.query import Predicate, by, during, involving, mentioning, of_type, to, with_status
from newsevents.report._describe import describe
from newsevents.schema import json_schema
from newsevents.serialize import bounded_lines, from_dict, line_text, to_dict

__all__ = ["PLUGIN_GROUP", "load_plugins", "main"]

_BY_TAG: dict[str, Any] = {
    "article": Article,
    "person": Person,
    "organization": Organization,
    "country": Country,
}
_BY_TAG["place"] = Place
_PROGRESS_BYTES = 50 * 1024 * 1024


class _UsageError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


# ---------------------------------------------------------------- reading files


class Document:
    """One object read from a file: its line (None for a whole-file JSON document) and value or error."""

    __slots__ = ("error", "line", "prefix", "value")

    def __init__(
        self, line: int | None, prefix: str, value: Any = None, error: ValidationError | None = None
    ) -> None:
        self.line, self.prefix, self.value, self.error = line, prefix, value, error


def _load(data: Any) -> Any:
    tag = data.get("type") if isinstance(data, dict) else None
    if not isinstance(tag, str):
        tag = "article"  # no tag, or not a string: the article loader says what is wrong with it
    cls = _BY_TAG.get(tag) or (Event if tag in event_types() else Article)
    return from_dict(cls, data)


def _document(line: int | None, prefix: str, data: Any) -> Document:
    try:
        return Document(line, prefix, _load(data))
    except ValidationError as err:
        return Document(line, prefix, error=err)


def read_documents(
    path: str, progress: TextIO | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Document]:
    """Every object in a JSON or JSON Lines file, told apart by content, not by extension.

    Whatever the file holds, each problem comes back as a :class:`Document` with an error:
    the lines around a bad line of JSON Lines still count. The file is read once, from the
    start, so a pipe (``/dev/stdin``) will do.
    """
    try:
        size = os.path.getsize(path)
        source = open(path, "rb")  # noqa: SIM115 -- closed below; the generator streams its lines
    except OSError as exc:
        raise _UsageError(f"cannot read {path!r}: {exc.strerror or exc}") from None
    cap = -1 if limits.max_document is None else min(limits.max_document + 2, sys.maxsize)
    with source:
        seen = [source.readline(cap)]
        while seen[-1] and is_blank(seen[-1]):
            seen.append(source.readline(cap))
        first = seen[-1]
        if not first:
            return  # an empty file holds no documents (dump_jsonl of nothing writes one)
        peek = source.read(1 << 16)
        head = b"".join(seen) + peek
        lines_follow = not is_blank(peek)
        overlong = len(first) == cap and not first.endswith(b"\n")
        if lines_follow and (overlong or _is_one_value(first)):
            yield from _json_lines(_Replay(head, source), path, size if progress else 0, progress, limits)
            return
        if limits.max_document is not None and size > limits.max_document:
            # Too big to be one document: JSON Lines whose first line is bad?
            if lines_follow and _has_object_line(peek, limits, cut=True):
                yield from _json_lines(_Replay(head, source), path, size if progress else 0, progress, limits)
                return
            most = f"{limits.max_document:,} bytes (--max-document)"
            message = f"expected a document of at most {most}, found {size:,}"
            yield Document(None, "$", error=ValidationError.single("$", message))
            return
        whole = head + source.read()
    try:
        data = parse(whole, limits)
    except ValidationError as exc:
        # JSON Lines whose first line is broken (or not text): the good lines after it still count.
        # A whole document that breaks a rule (a repeated key, NaN on a later line) stays one.
        if lines_follow and unreadable(exc.errors[0]) and _has_object_line(whole, limits, cut=False):
            yield from _json_lines(io.BytesIO(whole), path, 0, None, limits)
        else:
            yield Document(None, "$", error=exc)
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield _document(None, f"$[{i}]", item)
    else:
        yield _document(None, "$", data)


class _Replay:
    """The lines of a stream from its start: the bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = io.BytesIO(head), rest
        self.consumed = 0

    def readline(self, size: int = -1) -> bytes:
        line = self._head.readline(size)
        if not line.endswith(b"\n") and (size < 0 or len(line) < size):
            line += self._rest.readline(size - len(line) if size >= 0 else -1)
        self.consumed += len(line)
        return line


def _is_one_value(line: bytes) -> bool:
    """Whether the line is one whole JSON value in shape, whatever rule it breaks.

    A repeated key, NaN, bytes that are not UTF-8 or a byte-order mark make a bad line of JSON
    Lines, not the start of a document that goes on over the next lines.
    """
    try:
        json.loads(line.decode("utf-8", "replace").lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return True


def _has_object_line(text: bytes, limits: Limits, *, cut: bool) -> bool:
    """Whether one of the first 1,000 lines of ``text`` is a JSON object on its own.

    With ``cut``, ``text`` is the start of a file, and its last line may be cut short: it is left out.
    """
    lines = text.split(b"\n", 1000)
    for line in lines[:-1] if cut else lines:
        try:
            if isinstance(parse(line.rstrip(b"\r"), limits), dict):
                return True
        except ValidationError:
            continue
    return False


def _json_lines(
    source: Any, path: str, size: int, progress: TextIO | None, limits: Limits
) -> Iterator[Document]:
    number = 0
    for line in bounded_lines(source, limits.max_document):
        number += 1
        if progress is not None and size > _PROGRESS_BYTES and number % 100_000 == 0:
            progress.write(f"\r{path}: {number:,} lines, {source.consumed * 100 // size}%")
            progress.flush()
        try:
            raw = line_text(line, limits)
            if raw is None:
                continue
            data = parse(raw, limits)
        except ValidationError as exc:
            yield Document(number, "$", error=exc)
            continue
        yield _document(number, "$", data)
    if progress is not None and size > _PROGRESS_BYTES:
        progress.write("\n")


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
    progress = err if err.isatty() else None
    for path in args.files:
        for doc in read_documents(path, progress, args.limits):
            total += 1
            if doc.error is None:
                continue
            bad += 1
            problems += len(doc.error.errors)
            for detail in doc.error.errors:
                out.write(f"{_where(path, doc, detail)}: {_message(detail)}\n")
            if not args.keep_going and doc.line is not None:
                out.write(f"{path}: stopped at line {doc.line}; --continue checks the rest\n")
                break
    files = len(args.files)
    out.write(
        f"{total} document{'s' * (total != 1)} in {files} file{'s' * (files != 1)}: "
        f"{total - bad} valid, {bad} invalid ({problems} error{'s' * (problems != 1)})\n"
    )
    return 1 if bad else 0


def _articles(paths: Sequence[str], err: TextIO, limits: Limits) -> Iterator[tuple[str, Document, Article]]:
    for path in paths:
        for doc in read_documents(path, limits=limits):
            if doc.error is not None:
                for detail in doc.error.errors:
                    err.write(f"{_where(path, doc, detail)}: {_message(detail)}\n")
                raise _UsageError(f"{path} holds an invalid document; run 'newsevents validate {path}'")
            if isinstance(doc.value, Article):
                yield path, doc, doc.value


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    floor = Severity(args.severity).rank
    text = None
    if args.source:
        try:
            with open(args.source, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise _UsageError(f"cannot read {args.source!r}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            at = f"byte {exc.start:,}"
            raise _UsageError(f"cannot read {args.source!r}: not UTF-8 text ({exc.reason} at {at})") from None
    worst = len(Severity)
    shown = 0
    for path, doc, article in _articles(args.files, err, args.limits):
        for finding in check(article, text=text):
            if finding.severity.rank <= floor:
                shown += 1
                worst = min(worst, finding.severity.rank)
                inner = doc.prefix + finding.path[1:]
                label = f"{finding.code} {finding.severity.value}"
                out.write(f"{_where(path, doc)}: {label}: {inner}: {finding.message}\n")
    out.write(f"{shown} finding{'s' * (shown != 1)}\n")
    return {0: 2, 1: 1}.get(worst, 0)


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
        for _, _, article in _articles([args.file], err, args.limits):
            out.write(show(article) + "\n")
        return 0
    articles = [article for _, _, article in _articles([args.file], err, args.limits)]
    _write_page(args, articles[0] if len(articles) == 1 else Corpus(articles), out)
    return 0


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
    parts: list[Predicate] = []
    try:
        if args.type:
            parts.append(of_type(*args.type))
        parts += [involving(a) for a in args.actor or ()]
        parts += [by(a) for a in args.by or ()]
        parts += [to(a) for a in args.to or ()]
        for flag, value in (("--since", args.since), ("--until", args.until)):
            if value is not None:
                try:
                    during(value)
                except ValidationError as exc:
                    raise _UsageError(f"{flag}: {exc.errors[0].message}") from None
        if args.since or args.until:
            parts.append(during(args.since or "0001", args.until or "9999"))
        parts += [mentioning(t) for t in args.text or ()]
        if args.status:
            parts.append(with_status(*args.status))
    except ValidationError as exc:
        raise _UsageError("; ".join(f"{e.path}: {e.message}" for e in exc.errors)) from None
    if not parts:
        return None
    predicate = parts[0]
    for part in parts[1:]:
        predicate = predicate & part
    return predicate


def _query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    predicate = _predicate(args)
    if any(os.path.isdir(f) for f in args.files):  # a Parquet dataset, asked through DuckDB
        hits = _cli_columnar.dataset_hits(args.files, predicate, args.limit)
    else:
        corpus = Corpus(article for _, _, article in _articles(args.files, err, args.limits))
        hits = corpus.find(predicate) if predicate is not None else corpus.scan(_everything())
    if args.limit is not None:
        hits = hits[: args.limit]
    if args.html is not None or args.open:
        _write_page(args, hits, out)
        return 0
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
    return 0


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


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number 0 or more, found {text!r}")
    return value


def _limit(text: str) -> int | None:
    return _count(text) or None


def _page_flags(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group("an HTML page instead of text (newsevents.report)")
    group.add_argument("--html", metavar="OUT", help="write a self-contained page with a timeline to OUT")
    group.add_argument("--open", action="store_true", help="open the page in a browser")
    group.add_argument("--title", metavar="T", help="the page's heading")


def _parser() -> _Parser:
    parser = _Parser(prog="newsevents", description="Validate, check, show and query newsevents JSON files.")
    reading = _Parser(add_help=False)
    group = reading.add_argument_group("limits on input (0 lifts a limit)")
    for flag, unit, what in (
        ("--max-document", "BYTES", "the largest document or JSON Lines line"),
        ("--max-string", "CHARS", "the longest string in a document"),
    ):
        default = getattr(DEFAULT_LIMITS, flag[2:].replace("-", "_"))
        help_text = f"{what} (default {default})"
        group.add_argument(flag, type=_limit, default=default, metavar=unit, help=help_text)
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
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON or JSON Lines files")
    validate.add_argument("--continue", dest="keep_going", action="store_true", help="go on past bad lines")
    validate.set_defaults(run=_validate)

    lint = commands.add_parser(
        "check", parents=[reading], help="consistency findings (quotes not in the text, dates, ...)"
    )
    lint.add_argument("files", nargs="+", metavar="FILE")
    lint.add_argument(
        "--severity", choices=[s.value for s in Severity], default="info", help="the least shown"
    )
    lint.add_argument("--source", metavar="TEXT", help="the original article text, to check quotes against")
    lint.set_defaults(run=_check)

    display = commands.add_parser(
        "show", parents=[reading], help="a readable summary of the articles in a file, or an HTML page"
    )
    display.add_argument("file", metavar="FILE")
    _page_flags(display)
    display.set_defaults(run=_show)

    query = commands.add_parser("query", parents=[reading], help="find events across files or a dataset")
    query.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON, JSON Lines, or one Parquet dataset directory"
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
    query.add_argument("--limit", type=_count, metavar="N", help="at most N events")
    _page_flags(query)
    query.set_defaults(run=_query)

    _cli_columnar.add_convert(commands, reading)

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON form of a type")
    schema.add_argument(
        "type", nargs="?", default="article", metavar="TYPE", help="article (default), event or a type tag"
    )
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
        load_plugins(args.plugin)
        run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
        if hasattr(args, "max_document"):
            args.limits = Limits(max_document=args.max_document, max_string=args.max_string)
        return run(args, out, err)
    except _UsageError as exc:
        err.write(f"newsevents: error: {exc}\n")
        return 2
    except NewsEventsError as exc:  # a dataset that cannot be read, an extra that is not installed
        err.write(f"newsevents: error: {str(exc).splitlines()[0]}\n")
        return 2
    except BrokenPipeError:  # `newsevents query ... | head`
        return 0
