"""The errors newsevents raises.

Every problem with data is a :class:`ValidationError`. It carries one
:class:`ErrorDetail` per problem found, each saying *where* as data (a
``location``: the keys and indexes that lead from a root to the value, the root
being ``$`` for a loaded document or the class name for an object built in
Python), *what kind* of problem as a stable ``code`` (``"type"``, ``"enum"``,
``"unknown_key"``, ...: see :doc:`/reference/errors`), and a ``message`` that
says what was expected and what was found. The familiar path text
(``$.events[2].speaker.name``) is rendered from the location, never the other
way round.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = ["ErrorDetail", "NewsEventsError", "RegistrationError", "ValidationError", "did_you_mean", "render"]

Step = str | int
"""One step of a location: a key of an object (``str``) or an index of an array (``int``)."""
Location = tuple[Step, ...]


class NewsEventsError(Exception):
    """Base class of every exception that newsevents raises on purpose."""


def render(root: str, location: Iterable[Step]) -> str:
    """The path text of a location: ``.key`` for a name, ``[i]`` for an index, ``['odd key']`` otherwise.

    >>> render("$", ("events", 2, "speaker"))
    '$.events[2].speaker'
    >>> render("$", ("two words",)), render("Person", ("name",))
    ("$['two words']", 'Person.name')
    """
    parts = [root]
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step.isidentifier():
            parts.append(f".{step}")
        else:
            parts.append(f"[{step!r}]")
    return "".join(parts)


@attrs.frozen(init=False, eq=False)
class ErrorDetail:
    """One problem found in the data.

    Attributes:
        root: Where the location starts: ``$`` for a loaded document, the class
            name (``Person``) for an object built in Python, or a function's name
            (``TimeRef.parse``) for an argument.
        location: The keys (``str``) and indexes (``int``) that lead from ``root``
            to the value, in order: ``("events", 2, "speaker", "name")``. Empty for
            the root itself. For a missing key it ends with that key.
        message: What was expected and what was found (and, where it can tell, the fix).
        code: What kind of problem, as a stable short string (``"type"``, ``"enum"``,
            ``"unknown_key"``, ``"missing"``, ...; the list is in :doc:`/reference/errors`).
            Branch on it rather than on the message, whose words may improve.
        line: The 1-based line of the problem: the line of a JSON Lines file, or,
            for text that is not valid JSON, the line in that text where it goes wrong.
        column: For text that is not valid JSON, the 1-based column (in characters)
            where it goes wrong, within ``line``.

    Build one with a location (``root`` is ``$`` unless given):

    >>> where = ("events", 2, "speaker", "name")
    >>> detail = ErrorDetail(location=where, message="must not be blank", code="blank")
    >>> detail.path
    '$.events[2].speaker.name'
    >>> str(detail)
    '$.events[2].speaker.name: must not be blank'

    The older form, a path text and a message, still works: the text is kept as it is
    (as the root, with an empty location), never taken apart.

    >>> str(ErrorDetail("$.title", "must not be blank"))
    '$.title: must not be blank'

    Two details are equal when they read the same: path, message, line and column.
    """

    root: str
    location: Location
    message: str
    code: str
    line: int | None
    column: int | None

    def __init__(  # noqa: PLR0913 -- the older positional form, then the structured keywords
        self,
        path: str | None = None,
        message: str | None = None,
        line: int | None = None,
        column: int | None = None,
        *,
        root: str | None = None,
        location: Sequence[Step] = (),
        code: str = "invalid",
    ) -> None:
        if message is None:
            raise TypeError("ErrorDetail needs a message")
        if path is not None and (root is not None or location):
            raise TypeError("ErrorDetail takes either a path text or a root and a location, not both")
        set_ = object.__setattr__
        set_(self, "root", path if path is not None else "$" if root is None else root)
        set_(self, "location", tuple(location))
        set_(self, "message", message)
        set_(self, "code", code)
        set_(self, "line", line)
        set_(self, "column", column)

    @property
    def path(self) -> str:
        """Where the problem is, as text rendered from ``root`` and ``location``.

        ``$`` is the root of a loaded document (``$.events[2].speaker.name``); when an
        object is built in Python the path starts with its class name (``Person.name``).
        """
        return render(self.root, self.location)

    def placed(self, root: str, prefix: Sequence[Step] = (), line: int | None = None) -> ErrorDetail:
        """The same problem under a new root, with ``prefix`` before its location (and a line, if given).

        >>> detail = ErrorDetail(root="Person", location=("name",), message="must not be blank")
        >>> detail.placed("$", ("speaker",)).path
        '$.speaker.name'
        """
        return ErrorDetail(
            root=root,
            location=(*prefix, *self.location),
            message=self.message,
            code=self.code,
            line=self.line if line is None else line,
            column=self.column,
        )

    def _key(self) -> tuple[str, str, int | None, int | None]:
        return (self.path, self.message, self.line, self.column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            at = f"line {self.line}" if self.column is None else f"line {self.line}, column {self.column}"
            where = f"{at}: {where}"
        return f"{where}: {self.message}"


def at(where: Sequence[Any], message: str, code: str) -> ErrorDetail:
    """Private: a detail from ``(root, *location)``, the form the validators pass around."""
    return ErrorDetail(root=where[0], location=tuple(where[1:]), message=message, code=code)


class ValidationError(NewsEventsError, ValueError):
    """Data that breaks the model's rules.

    Attributes:
        errors: Every problem found, in document order.

    ``str(err)`` lists them one per line.

    >>> err = ValidationError([ErrorDetail(root="Person", location=("name",), message="must not be blank")])
    >>> print(err)
    Person.name: must not be blank
    >>> err.errors[0].path, err.errors[0].location
    ('Person.name', ('name',))
    """

    errors: tuple[ErrorDetail, ...]

    def __init__(self, errors: Iterable[ErrorDetail]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            raise ValueError("a ValidationError needs at least one ErrorDetail")
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def single(
        cls,
        path: str | None,
        message: str,
        *,
        root: str | None = None,
        location: Sequence[Step] = (),
        code: str = "invalid",
    ) -> ValidationError:
        """Build an error with one detail (the arguments are those of :class:`ErrorDetail`).

        >>> err = ValidationError.single(None, "expected a slug", location=("id",), code="pattern")
        >>> err.errors[0].path
        '$.id'
        >>> ValidationError.single("$.id", "expected a slug, found 'A B'").errors[0].message
        "expected a slug, found 'A B'"
        """
        return cls([ErrorDetail(path, message, root=root, location=location, code=code)])

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[ErrorDetail, ...]]]:
        return (type(self), (self.errors,))


class RegistrationError(NewsEventsError, ValueError):
    """A custom event type could not be registered (a clash of tags or classes)."""


def did_you_mean(found: object, choices: Iterable[str], shown: Any = repr) -> str:
    """``" (did you mean 'x'?)"`` when ``found`` is text close to one of ``choices``, else ``""``.

    The closest choice by ``difflib.get_close_matches``, or else one that differs only in
    letter case; ``shown`` writes it (``repr`` by default: ``'arrested'``).

    >>> did_you_mean("arested", ["arrested", "released"])
    " (did you mean 'arrested'?)"
    >>> did_you_mean("zzz", ["arrested", "released"])
    ''
    """
    if not isinstance(found, str):
        return ""
    options = list(choices)
    close = difflib.get_close_matches(found, options, n=1, cutoff=0.6)
    if not close:
        by_case = [c for c in options if c.casefold() == found.casefold()]
        close = by_case[:1]
    return f" (did you mean {shown(close[0])}?)" if close else ""


def rebase(errors: Iterable[ErrorDetail], root: str, prefix: Sequence[Step] = ()) -> list[ErrorDetail]:
    """Move details rooted anywhere but ``$`` (a class name, a hook's ``@``) to ``root`` + ``prefix``.

    A detail already rooted at ``$`` is kept; it was placed by the loader.
    """
    return [e if e.root == "$" else e.placed(root, prefix) for e in errors]


def child_path(path: str, key: Step) -> str:
    """The path text of ``key`` under the path text ``path`` (kept for older callers; see :func:`render`).

    >>> child_path("$.events[2]", "speaker"), child_path("$", "two words")
    ('$.events[2].speaker', "$['two words']")
    """
    return render(path, (key,))
