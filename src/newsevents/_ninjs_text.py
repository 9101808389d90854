"""Private: the text of a ninjs item (its body and its byline) and the helpers that read an item's entries.

:func:`newsevents.from_ninjs` is the public side; this module holds the rules it
states for choosing a body by content type (plain text, then HTML, then NITF),
turning markup into paragraphs with the standard library's ``html.parser``, and
reading the names in a byline.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, Final

from newsevents.entities import Organization, Person, slugify
from newsevents.errors import ErrorDetail, ValidationError
from newsevents.validators import describe

_TOP = (
    "uri", "type", "firstCreated", "versionCreated", "contentCreated", "language", "altIds", "headlines",
    "by", "infoSources", "copyrightHolder", "bodies", "subjects", "people", "organisations", "title",
    "representationType", "standard", "provider",
)  # fmt: skip
_CANONICAL = {name.lower(): name for name in [*_TOP, "contentType"]}
_BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article", "br", "tr")
)
# NITF (IPTC's News Industry Text Format): the text is in <body.content>; these are its blocks.
_NITF_BLOCKS = _BLOCKS | {"hl1", "hl2", "block", "bq", "dd", "dt", "pre"}
_MARKUP = re.compile(r"<[A-Za-z!?/]")
_BY_WORDS = re.compile(r"(?i)^(?:by|von|av|af|par|por|di|door|de)\s+")
_BY_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bog\b|\boch\b|\bet\b|\by\b|\be\b)\s*")
_PARTICLES = frozenset(
    ("van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "bin", "al")
)
_NAME_WORD = re.compile(r"(?:[dDlLO]['\u2019])?[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019.-][^\W\d_]*)*\.?")


def _canonical(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in ninjs 3 spelling: ninjs 1 and 2 items write them in lower case (``versioncreated``)."""
    return {_CANONICAL.get(key.lower(), key) if isinstance(key, str) else key: v for key, v in data.items()}


def _items(item: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = item.get(key)
    if not isinstance(value, list):
        return []
    return [(i, _canonical(v)) for i, v in enumerate(value) if isinstance(v, dict)]


_ENTITY_PATHS: Final = {"name": "name", "id": "literal", "wikidata": "uri"}


def _built(cls: Any, path: str, errors: list[ErrorDetail], **values: Any) -> Any:
    """``cls(**values)``, its errors placed under ``path`` (an entry's name, literal or uri)."""
    try:
        return cls(**values)
    except ValidationError as exc:
        for e in exc.errors:
            field = e.location[0] if e.location and isinstance(e.location[0], str) else ""
            place = f"{path}.{_ENTITY_PATHS.get(field, field)}".rstrip(".")
            errors.append(ErrorDetail(place, e.message, code=e.code))
        return None


def _string(value: Any) -> str:
    """A string value as it is; anything else as "" (never ``str()`` of data: it may nest too deeply)."""
    return value if isinstance(value, str) else ""


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class _Paragraphs(HTMLParser):
    """The text of an HTML (or NITF) body, one string per block element.

    With ``within``, only the text inside that element counts (NITF's ``body.content``).
    """

    def __init__(self, blocks: frozenset[str] = _BLOCKS, within: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.seen_within = within is None
        self._text: list[str] = []
        self._skip = 0
        self._blocks, self._within, self._depth = blocks, within, 0 if within else 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self._within:
            self._depth += 1
            self.seen_within = True
        self._tag(tag, +1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._blocks:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, -1)
        if tag == self._within:
            self._depth = max(0, self._depth - 1)

    def _tag(self, tag: str, step: int) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip + step)
        elif tag in self._blocks:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skip and self._depth:
            self._text.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.found.append(text)
        self._text = []


def _markup(
    value: str, blocks: frozenset[str] = _BLOCKS, within: str | None = None
) -> tuple[list[str], bool]:
    parser = _Paragraphs(blocks, within)
    parser.feed(value)
    parser.close()
    parser.flush()
    return parser.found, parser.seen_within


def _kind_of(body: dict[str, Any]) -> str:
    """How a body is read: ``plain``, ``html``, ``nitf`` or ``other`` (by its content type, else its text)."""
    ctype = _string(body.get("contentType")).lower()
    value = _string(body.get("value"))
    if "nitf" in ctype or (
        ("xml" in ctype or not ctype) and re.match(r"\s*(?:<\?xml[^>]*>\s*)?<nitf\b", value)
    ):
        return "nitf"
    if "html" in ctype:
        return "html"  # text/html, text/html5, application/xhtml+xml and the like
    if ctype == "text/plain":
        return "plain"
    if not ctype:  # the schema leaves an untyped body to the provider: markup is read as HTML, never as text
        return "html" if _MARKUP.search(value) else "plain"
    return "other"


_ORDER: Final = ("plain", "html", "nitf")
"""The order in which bodies are chosen: plain text, then HTML, then NITF (the first of each kind)."""


def _body(item: dict[str, Any], errors: list[ErrorDetail], notes: list[ErrorDetail]) -> tuple[str, Any]:
    """The path and paragraphs of the body chosen by :data:`_ORDER`; every other body goes to ``notes``."""
    bodies = [(i, b, _kind_of(b)) for i, b in _items(item, "bodies") if isinstance(b.get("value"), str)]
    if not bodies:
        return "$.bodies", ()
    ranked = sorted(bodies, key=lambda b: _ORDER.index(b[2]) if b[2] in _ORDER else len(_ORDER))
    i, body, kind = ranked[0]
    for j, other, _ in bodies:
        if j != i:
            ctype = _string(other.get("contentType")) or "no contentType"
            notes.append(ErrorDetail(f"$.bodies[{j}]", f"not read ({ctype}): the text is $.bodies[{i}]"))
    value: str = body["value"]
    path = f"$.bodies[{i}].value"
    if kind == "plain":
        # Paragraphs are separated by blank lines; a text with none has one paragraph per line.
        parts = re.split(r"\n\s*\n", value) if re.search(r"\n\s*\n", value) else value.splitlines()
        return path, tuple(p.strip() for p in parts if p.strip())
    if kind == "html":
        return path, tuple(_markup(value)[0])
    if kind == "nitf":
        found, seen = _markup(value, _NITF_BLOCKS, "body.content")
        if seen:
            return path, tuple(found)
        errors.append(
            ErrorDetail(path, "expected an NITF document with a <body.content> element, found none")
        )
        return path, ()
    ctype = _string(body.get("contentType"))
    errors.append(
        ErrorDetail(
            f"$.bodies[{i}].contentType",
            f"expected a body of type text/plain, HTML or NITF, found {describe(ctype)}",
        )
    )
    return path, ()


def _organisation_names(item: dict[str, Any], publisher: Organization | None) -> set[str]:
    names = {_string(e.get("name")).casefold() for _, e in _items(item, "organisations")}
    names |= {_string(e.get("name")).casefold() for _, e in _items(item, "infoSources")}
    names |= {_string(item.get("copyrightHolder")).casefold()}
    if publisher is not None:
        names.add(publisher.name.casefold())
    return names - {""}


def _personal_name(text: str) -> bool:
    """Two to five capitalised words (particles such as ``van`` or ``d'`` allowed): a person's name."""
    words = text.split()
    if not 2 <= len(words) <= 5 or words[0].casefold() in ("the", "a", "an"):
        return False
    return all(
        _NAME_WORD.fullmatch(w) and (w[0].isupper() or w.casefold() in _PARTICLES or w[:2].casefold() == "d'")
        for w in words
    )


def _byline(
    item: dict[str, Any],
    publisher: Organization | None,
    authors: list[Any],
    errors: list[ErrorDetail],
    notes: list[ErrorDetail],
) -> list[Person | Organization]:
    """People and organisations named in ``by`` that ``people``/``organisations`` did not already give."""
    by = item.get("by")
    if by is None:
        return []
    if not isinstance(by, str):
        errors.append(ErrorDetail("$.by", f"expected the byline as a string, found {describe(by)}"))
        return []
    text = by.strip()
    lead = _BY_WORDS.match(text)
    if lead:
        notes.append(ErrorDetail("$.by", f"not held: the words {lead.group(0).strip()!r} before the names"))
        text = text[lead.end() :]
    known = {a.name.casefold() for a in authors if a is not None}
    # Names the item already gives are taken out whole first: a name may itself hold "and" or a comma.
    for name in sorted((a.name for a in authors if a is not None), key=len, reverse=True):
        text = text.replace(name, ",")
    organisations = _organisation_names(item, publisher)
    out: list[Person | Organization] = []
    for part in (p.strip() for p in _BY_SPLIT.split(text)):
        if not part or part.casefold() in known:
            continue
        known.add(part.casefold())
        if publisher is not None and part.casefold() == publisher.name.casefold():
            out.append(publisher)
        elif part.casefold() in organisations:
            out.append(_built(Organization, "$.by", errors, name=part))
        elif _personal_name(part) and slugify(part):
            out.append(_built(Person, "$.by", errors, name=part))
        else:
            notes.append(
                ErrorDetail("$.by", f"not held: {part!r} (neither a person's name nor a known organisation)")
            )
    return out
