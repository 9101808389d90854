"""The registry of event types: one :class:`EventTypeInfo` per type, behind one lock.

Private: :mod:`newsevents.events` re-exports the public names. A record holds all that
newsevents knows of a type: its tag and class, its CAMEO/PLOVER codes, its Hypothesis
strategy and how each exporter renders it. The exporters look a type up here (walking its
MRO, so that a subclass of a built-in type renders like its parent) instead of testing
``isinstance`` against the built-in classes; a type with no rendering of its own gets the
exporter's generic one.

The tag-to-class index :data:`_REGISTRY` is kept beside the records, under the same lock, for
the loaders' hot path. Observers (:data:`_OBSERVERS`) are called with a class whenever its
registration changes: registered, unregistered, or put back by :func:`scoped_event_types`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from newsevents.errors import RegistrationError
from newsevents.validators import slug

if TYPE_CHECKING:
    from newsevents.codes import EventCodes
    from newsevents.events import Event

__all__ = [
    "EventTypeInfo",
    "event_type",
    "event_type_info",
    "event_types",
    "register_rendering",
    "scoped_event_types",
    "tag_of",
    "unregister_event_type",
]

RESERVED_TAGS = frozenset({"article", "person", "organization", "country", "place"})
"""The ``type`` tags of the model's other classes; an event type cannot take them."""

E = TypeVar("E", bound="Event")


@attrs.frozen(kw_only=True)
class EventTypeInfo:
    """Everything newsevents knows of one registered event type (see :func:`event_type_info`).

    A field left ``None`` (or empty) means "none of its own": a subclass of a type that has
    one uses its parent's (codes and renderings are looked up along the class's MRO), and
    otherwise each exporter uses its generic rendering.

    Attributes:
        tag: The ``type`` tag of its JSON form.
        cls: The class.
        codes: Its CAMEO/PLOVER codes: an :class:`~newsevents.EventCodes`, or a function of
            the event that returns one (see :func:`~newsevents.register_codes`).
        strategy: The Hypothesis strategy registered with
            :func:`newsevents.strategies.register_event_strategy`.
        describe: What happened, in one line of plain text without the parties (a function of
            the event): the ``show`` command, the pages of :func:`newsevents.to_html` and
            ``newsevents query`` print it.
        ninjs: The ``name`` of the event's entry in :func:`~newsevents.to_ninjs` when the
            event has no ``summary`` (a function of the event).
        schema_org: The JSON-LD node of the event in :func:`~newsevents.to_schema_org`: a
            function of the event and of the page's graph of entities, whose
            ``node(entity)`` gives an entity's node (in full the first time, as a
            reference after) and ``nodes(actors)`` a list of them.
        plover_context: Words for the ``context`` of the event's records in
            :func:`~newsevents.to_plover` (``"diplomatic"`` for a diplomatic request).
    """

    tag: str
    cls: type[Any]
    codes: EventCodes | Callable[[Any], EventCodes] | None = None
    strategy: Any = None
    describe: Callable[[Any], str] | None = None
    ninjs: Callable[[Any], str] | None = None
    schema_org: Callable[[Any, Any], dict[str, Any]] | None = None
    plover_context: tuple[str, ...] = ()


Rendering = Literal["codes", "strategy", "describe", "ninjs", "schema_org", "plover_context"]
_CALLABLE = ("describe", "ninjs", "schema_org")

_LOCK = threading.RLock()
# One registry: the records by class, and their tag -> class index (kept together, under _LOCK).
_RECORDS: dict[type[Any], EventTypeInfo] = {}
_REGISTRY: dict[str, type[Any]] = {}
# Called with each class whose registration changed (the generated loaders forget what they
# knew of it; the Hypothesis plugin registers a strategy for it). Private.
_OBSERVERS: list[Callable[[type[Any]], None]] = []


def _notify(cls: type[Any]) -> None:
    for observer in _OBSERVERS:
        observer(cls)


def _is_frozen(cls: type) -> bool:
    # attrs' frozen classes replace __setattr__ with one that always raises.
    return cls.__setattr__ is not object.__setattr__  # type: ignore[comparison-overlap]


def _checked(where: str, renderings: dict[str, Any]) -> dict[str, Any]:
    """The renderings given (not None), each checked: functions, codes, a tuple of context words."""
    given = {name: value for name, value in renderings.items() if value is not None}
    for name in _CALLABLE:
        if name in given and not callable(given[name]):
            raise RegistrationError(f"{where}: {name} must be a function, found {given[name]!r}")
    if "codes" in given:
        from newsevents.codes import EventCodes  # noqa: PLC0415 -- codes imports the events module

        codes = given["codes"]
        if not (isinstance(codes, EventCodes) or callable(codes)):
            message = f"codes must be EventCodes or a function of the event, found {codes!r}"
            raise RegistrationError(f"{where}: {message}")
    if "plover_context" in given:
        words = given["plover_context"]
        if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) and w for w in words):
            raise RegistrationError(f"{where}: plover_context must be a sequence of words, found {words!r}")
        given["plover_context"] = tuple(words)
    return given


def event_type(  # noqa: PLR0913 -- one optional keyword per rendering
    tag: str,
    *,
    codes: EventCodes | Callable[[Any], EventCodes] | None = None,
    describe: Callable[[Any], str] | None = None,
    ninjs: Callable[[Any], str] | None = None,
    schema_org: Callable[[Any, Any], dict[str, Any]] | None = None,
    plover_context: Sequence[str] | None = None,
) -> Callable[[type[E]], type[E]]:
    """Register an :class:`~newsevents.Event` subclass under a serialized tag, with how to render it.

    A registered class serializes, validates and round-trips like the built-in
    types, inside articles too, and every exporter and command renders it: with the
    renderings given here (or later with :func:`register_rendering`; the fields of
    :class:`EventTypeInfo` say what each one is), and with a generic rendering for
    those not given. Registering works at any time; registering the same class again
    under the same tag is a no-op (apart from the renderings it gives); a tag or a
    class already taken otherwise is a :class:`~newsevents.RegistrationError`.

    >>> import attrs
    >>> from newsevents import Event, event_type, to_dict
    >>> @event_type("protest", describe=lambda e: f"{e.crowd or 'a few'} people protest")
    ... @attrs.frozen(kw_only=True)
    ... class Protest(Event):
    ...     crowd: int | None = None
    >>> to_dict(Protest(id="p1", crowd=300))
    {'type': 'protest', 'id': 'p1', 'crowd': 300}
    """
    problem = slug(tag) if isinstance(tag, str) else f"expected a str tag, found {tag!r}"
    if problem:
        raise RegistrationError(f"event_type tag: {problem}")
    if tag in RESERVED_TAGS:
        raise RegistrationError(f"event_type tag {tag!r} is the tag of a built-in entity; choose another")
    given = _checked(
        f"@event_type({tag!r})",
        {
            "codes": codes,
            "describe": describe,
            "ninjs": ninjs,
            "schema_org": schema_org,
            "plover_context": plover_context,
        },
    )

    def register(cls: type[E]) -> type[E]:
        from newsevents.events import Event  # noqa: PLC0415 -- the events module registers its own types

        # Not attrs.has(): a plain subclass inherits __attrs_attrs__ from Event.
        if not (isinstance(cls, type) and issubclass(cls, Event) and "__attrs_attrs__" in vars(cls)):
            raise RegistrationError(f"@event_type({tag!r}) needs an attrs subclass of Event, found {cls!r}")
        if cls is Event:
            raise RegistrationError("Event itself cannot be registered")
        if not _is_frozen(cls):
            raise RegistrationError(f"{cls.__qualname__} must be a frozen attrs class (@attrs.frozen)")
        with _LOCK:
            owner = _REGISTRY.get(tag)
            if owner is not None and owner is not cls:
                owner_name = f"{owner.__module__}.{owner.__qualname__}"
                raise RegistrationError(f"event type tag {tag!r} is already registered for {owner_name}")
            old = _RECORDS.get(cls)
            if old is not None and old.tag != tag:
                raise RegistrationError(f"{cls.__qualname__} is already registered as {old.tag!r}")
            if old is not None:
                _RECORDS[cls] = attrs.evolve(old, **given)
            else:
                _RECORDS[cls] = EventTypeInfo(tag=tag, cls=cls, **given)
                _REGISTRY[tag] = cls
                _notify(cls)
        return cls

    return register


def event_types() -> dict[str, type[Event]]:
    """A snapshot of the registered event types, by tag.

    >>> {"statement", "diplomatic_request", "detention"} <= set(event_types())
    True
    """
    with _LOCK:
        return dict(sorted(_REGISTRY.items()))


def tag_of(cls: type[Any]) -> str | None:
    """The tag a class is registered under, if any."""
    record = _RECORDS.get(cls)
    return record.tag if record is not None else None


def _record(cls_or_tag: type[Any] | str, where: str) -> EventTypeInfo:
    if isinstance(cls_or_tag, str):
        cls = _REGISTRY.get(cls_or_tag)
        record = _RECORDS.get(cls) if cls is not None else None
        name = repr(cls_or_tag)
    else:
        record = _RECORDS.get(cls_or_tag)
        name = getattr(cls_or_tag, "__qualname__", repr(cls_or_tag))
    if record is None:
        raise RegistrationError(
            f"{where}: {name} is not a registered event type; register it with @newsevents.event_type(tag)"
        )
    return record


def event_type_info(cls_or_tag: type[Any] | str) -> EventTypeInfo:
    """The record of a registered event type, by class or by tag.

    Raises:
        RegistrationError: The class or tag is not registered.

    >>> from newsevents import Statement
    >>> event_type_info("statement").cls is Statement, event_type_info(Statement).tag
    (True, 'statement')
    """
    with _LOCK:
        return _record(cls_or_tag, "event_type_info")


def register_rendering(  # noqa: PLR0913 -- one optional keyword per rendering
    cls: type[E],
    *,
    codes: EventCodes | Callable[[E], EventCodes] | None = None,
    describe: Callable[[E], str] | None = None,
    ninjs: Callable[[E], str] | None = None,
    schema_org: Callable[[E, Any], dict[str, Any]] | None = None,
    plover_context: Sequence[str] | None = None,
) -> None:
    """Set how a registered event type renders; what is not given (None) stays as it is.

    The same keywords as :func:`event_type`, for a type registered already (one of
    another package, say). Subclasses that have no rendering of their own use their
    parent's.

    >>> import attrs
    >>> from newsevents import Event, event_type
    >>> @event_type("rendering_example_vigil")
    ... @attrs.frozen(kw_only=True)
    ... class Vigil(Event):
    ...     candles: int = 0
    >>> register_rendering(Vigil, describe=lambda e: f"a vigil with {e.candles} candles")
    >>> event_type_info(Vigil).describe(Vigil(id="v1", candles=40))
    'a vigil with 40 candles'
    """
    given = _checked(
        "register_rendering",
        {
            "codes": codes,
            "describe": describe,
            "ninjs": ninjs,
            "schema_org": schema_org,
            "plover_context": plover_context,
        },
    )
    update(cls, "register_rendering", **given)


def update(cls: type[Any], where: str, **changes: Any) -> None:
    """Replace fields of a registered type's record (the front doors check the values)."""
    with _LOCK:
        _RECORDS[cls] = attrs.evolve(_record(cls, where), **changes)


def rendering(cls: type[Any], name: Rendering) -> Any:
    """The value of ``name`` in the first record along ``cls``'s MRO that has one; None when none has."""
    for klass in cls.__mro__:
        record = _RECORDS.get(klass)
        if record is not None:
            value = getattr(record, name)
            if value:
                return value
    return None


def codes_owner(cls: type[Any]) -> tuple[type[Any], Any] | None:
    """The first class along ``cls``'s MRO whose record has codes, and the codes (for messages)."""
    for klass in cls.__mro__:
        record = _RECORDS.get(klass)
        if record is not None and record.codes is not None:
            return klass, record.codes
    return None


def unregister_event_type(cls_or_tag: type[Any] | str) -> EventTypeInfo:
    """Forget a registered event type, by class or by tag; returns its record.

    Its tag is free again, and documents that use it are refused as of an unknown
    type. Meant for tests and notebooks: :func:`scoped_event_types` undoes every
    change at once.

    Raises:
        RegistrationError: The class or tag is not registered.

    >>> import attrs
    >>> from newsevents import Event, event_type, event_types
    >>> @event_type("unregister_example_rally")
    ... @attrs.frozen(kw_only=True)
    ... class Rally(Event):
    ...     pass
    >>> unregister_event_type("unregister_example_rally").cls is Rally
    True
    >>> "unregister_example_rally" in event_types()
    False
    """
    with _LOCK:
        record = _record(cls_or_tag, "unregister_event_type")
        del _RECORDS[record.cls]
        del _REGISTRY[record.tag]
        _notify(record.cls)
    return record


@contextmanager
def scoped_event_types() -> Iterator[None]:
    """Undo, on exit, every registration, unregistration and rendering made inside the block.

    For tests: types registered inside are unregistered at the end, types unregistered
    inside come back, renderings are as they were. The registry is the process's (not
    the thread's): do not register types from other threads meanwhile.

    >>> import attrs
    >>> from newsevents import Event, event_type, event_types
    >>> with scoped_event_types():
    ...     @event_type("scoped_example_march")
    ...     @attrs.frozen(kw_only=True)
    ...     class March(Event):
    ...         pass
    ...     "scoped_example_march" in event_types()
    True
    >>> "scoped_example_march" in event_types()
    False
    """
    with _LOCK:
        saved = dict(_RECORDS)
    try:
        yield
    finally:
        with _LOCK:
            every = saved.keys() | _RECORDS.keys()
            changed = {cls for cls in every if _tag(saved, cls) != _tag(_RECORDS, cls)}
            _RECORDS.clear()
            _RECORDS.update(saved)
            _REGISTRY.clear()
            _REGISTRY.update({record.tag: cls for cls, record in saved.items()})
            for cls in changed:
                _notify(cls)


def _tag(records: dict[type[Any], EventTypeInfo], cls: type[Any]) -> str | None:
    record = records.get(cls)
    return record.tag if record is not None else None
