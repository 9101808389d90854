"""The errors newsevents raises.

Every problem with data is a :class:`ValidationError`. It carries one
:class:`ErrorDetail` per problem found, each naming *where* (a JSONPath-like
path such as ``$.events[2].speaker.name``, or ``Person.name`` when an object is
built directly) and *what* (a message that says what was expected and what was
found).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["ErrorDetail", "NewsEventsError", "RegistrationError", "ValidationError"]


class NewsEventsError(Exception):
    """Base class of every exception that newsevents raises on purpose."""


@attrs.frozen
class ErrorDetail:
    """One problem found in the data.

    Attributes:
        path: Where the problem is. ``$`` is the root of a loaded document
            (``$.events[2].speaker.name``); when an object is built in Python
            the path starts with its class name (``Person.name``).
        message: What was expected and what was found.
        line: The 1-based line of the problem: the line of a JSON Lines file, or,
            for text that is not valid JSON, the line in that text where it goes wrong.
        column: For text that is not valid JSON, the 1-based column (in characters)
            where it goes wrong, within ``line``.

    >>> str(ErrorDetail("$.title", "must not be blank"))
    '$.title: must not be blank'
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            at = f"line {self.line}" if self.column is None else f"line {self.line}, column {self.column}"
            where = f"{at}: {where}"
        return f"{where}: {self.message}"


class ValidationError(NewsEventsError, ValueError):
    """Data that breaks the model's rules.

    Attributes:
        errors: Every problem found, in document order.

    ``str(err)`` lists them one per line.

    >>> err = ValidationError([ErrorDetail("Person.name", "must not be blank")])
    >>> print(err)
    Person.name: must not be blank
    >>> err.errors[0].path
    'Person.name'
    """

    errors: tuple[ErrorDetail, ...]

    def __init__(self, errors: Iterable[ErrorDetail]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            raise ValueError("a ValidationError needs at least one ErrorDetail")
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def single(cls, path: str, message: str) -> ValidationError:
        """Build an error with one detail.

        >>> ValidationError.single("$.id", "expected a slug, found 'A B'").errors[0].message
        "expected a slug, found 'A B'"
        """
        return cls([ErrorDetail(path, message)])

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[ErrorDetail, ...]]]:
        return (type(self), (self.errors,))


class RegistrationError(NewsEventsError, ValueError):
    """A custom event type could not be registered (a clash of tags or classes)."""


def child_path(path: str, key: object) -> str:
    """The path of ``key`` under ``path``: ``$.name`` for a name, ``$['odd key']`` otherwise.

    >>> child_path("$.events[2]", "speaker"), child_path("$", "two words")
    ('$.events[2].speaker', "$['two words']")
    """
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def rebase(errors: Iterable[ErrorDetail], prefix: str, line: int | None = None) -> list[ErrorDetail]:
    """Move paths rooted at a class name (``Person.name``) under ``prefix``.

    A path that already starts at ``$`` is kept; it was placed by the loader.
    """
    out = []
    for e in errors:
        path = e.path
        if not path.startswith("$"):
            cut = len(path)
            for sep in (".", "["):
                i = path.find(sep)
                if i != -1:
                    cut = min(cut, i)
            path = prefix + path[cut:]
        out.append(ErrorDetail(path, e.message, line if line is not None else e.line, e.column))
    return out
