"""JSON and JSON Lines for every model type.

The shape: snake_case keys; a ``type`` tag on every entity and event object;
enums as lower-case strings; datetimes as ISO 8601 with their UTC offset; fields
equal to their default left out; keys in field order, so equal objects give
identical bytes. A serialized :class:`~newsevents.Article` carries
``"format_version": 1``.

With ``orjson`` installed (``pip install "newsevents[orjson]"``) encoding and
decoding are faster; the bytes are the same either way. JSON Lines (``read_jsonl``,
``dump_jsonl``) live in :mod:`newsevents.jsonl`; they are still importable from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

from newsevents._base import LOADING, Model
from newsevents._codegen import DUMPERS, FORMAT_VERSION, NATIVE, EntityCache, top_loader
from newsevents._converter import collect, converter, loadable
from newsevents._jsontext import DEFAULT_LIMITS, Limits, dumps, has_orjson, parse
from newsevents.errors import ValidationError
from newsevents.validators import describe

__all__ = ["FORMAT_VERSION", "Limits", "from_dict", "from_json", "to_dict", "to_json"]

if TYPE_CHECKING:  # JSON Lines moved to newsevents.jsonl, which builds on this module; still importable here
    # "as" re-exports them to type checkers; at run time, __getattr__ below imports them when asked for.
    from newsevents.jsonl import dump_jsonl as dump_jsonl  # noqa: PLC0414
    from newsevents.jsonl import read_jsonl as read_jsonl  # noqa: PLC0414

T = TypeVar("T")


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready form of a model object: only dicts, lists, str, int, float, bool and None.

    >>> from newsevents import Person
    >>> to_dict(Person(name="Paul Whelan", nationality=("US",)))
    {'type': 'person', 'name': 'Paul Whelan', 'nationality': ['US']}
    """
    return _dumped(obj, DUMPERS)


def _dumped(obj: object, table: Any) -> dict[str, Any]:
    if not isinstance(obj, Model):
        raise TypeError(f"to_dict takes a newsevents model object, found {describe(obj)}")
    written: dict[str, Any] = table[obj.__class__](obj)
    return written


def _for_writer(obj: object) -> dict[str, Any]:
    """What the JSON writer is given: orjson takes enum members and tuples as they are."""
    return _dumped(obj, NATIVE if has_orjson() else DUMPERS)


@overload
def from_dict(cls: type[T], data: Any) -> T: ...
@overload
def from_dict(cls: Any, data: Any) -> Any: ...
def from_dict(cls: Any, data: Any) -> Any:
    """Build and validate an object of ``cls`` from its JSON-ready form.

    ``cls`` may be a model class, :class:`~newsevents.Event` (any registered
    event type, chosen by the ``type`` tag) or a union such as
    :data:`~newsevents.Actor`.

    Raises:
        ValidationError: Listing every problem of the document with its path.

    >>> from newsevents import Actor
    >>> from_dict(Actor, {"type": "country", "code": "RU"})
    Country(code='RU', name='Russia')
    >>> from_dict(Actor, {"type": "country", "code": 7})
    Traceback (most recent call last):
      ...
    newsevents.errors.ValidationError: $.code: expected str, found int (7)
    """
    return _load(cls, data, None)


def _load(cls: Any, data: Any, cache: EntityCache | None, *, fast: bool = True) -> Any:
    """``from_dict``: the generated code first, then (or, with ``fast=False``, only) the detailed path."""
    if not loadable(cls):
        raise TypeError(
            f"from_dict takes a newsevents model class, Event or a union such as Actor, found {cls!r}"
        )
    token = LOADING.set(True)
    try:
        if fast:
            try:
                # The generated code: every rule checked inline, objects built once.
                return top_loader(cls)(data, cache)
            except Exception:  # noqa: BLE001, S110 -- any problem: the detailed path finds and explains them all
                pass
        hook = converter.get_structure_hook(cls)
        return hook(data, cls)
    except RecursionError:
        raise ValidationError.single(None, "the document is nested too deeply", code="depth") from None
    except Exception as exc:  # noqa: BLE001 -- every failure becomes a ValidationError with paths
        raise ValidationError(collect(exc, "$")) from None
    finally:
        LOADING.reset(token)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize a model object to JSON text (compact, or indented by ``indent`` spaces).

    >>> from newsevents import Country
    >>> to_json(Country(code="RU"))
    '{"type":"country","code":"RU"}'
    """
    return dumps(_for_writer(obj) if indent in (None, 2) else to_dict(obj), indent)


def from_json(cls: Any, data: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse JSON text or bytes and build a validated object of ``cls``.

    The text must be strict JSON in UTF-8 (see :doc:`/explanation/reliability`): no
    ``NaN`` or ``Infinity``, no repeated key in an object, no byte-order mark.

    Args:
        cls: As for :func:`from_dict`.
        data: The JSON text.
        limits: Bounds on the size of the document and of its strings
            (:class:`~newsevents.Limits`; the defaults are generous).

    Raises:
        ValidationError: The text is not JSON (the error gives its ``line`` and
            ``column``), breaks a limit, or breaks the model's rules.

    >>> from newsevents import Country
    >>> from_json(Country, '{"type": "country", "code": "US"}').name
    'United States'
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise ValidationError.single(
            None, f"expected JSON text (str or bytes), found {describe(data)}", code="type"
        )
    return _load(cls, parse(data, limits), None)


def __getattr__(name: str) -> Any:
    """``read_jsonl`` and ``dump_jsonl``, from :mod:`newsevents.jsonl`, where they now live."""
    if name in ("read_jsonl", "dump_jsonl"):
        from newsevents import jsonl  # noqa: PLC0415 -- jsonl imports this module: fetched when asked for

        return getattr(jsonl, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
