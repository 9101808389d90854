"""Encode a real news article end to end: RT, 28 July 2022, "'Busy' Lavrov will consider US request".

The article reports a US request for a phone call between Antony Blinken and
Sergey Lavrov, Moscow's answer, and the cases of Brittney Griner, Paul Whelan and
Viktor Bout. This script builds it as a typed :class:`newsevents.Article`, checks
that it survives a JSON round trip, and prints a readable summary.

Only the words the model must hold verbatim (quotes and evidence fragments) come
from the article; summaries and paraphrases are our own. The body is not stored.

Run it::

    python examples/lavrov_blinken_call.py
    python examples/lavrov_blinken_call.py --source ../shared/seed/article.txt   # check the quotes
    python examples/lavrov_blinken_call.py --write examples/data/lavrov_blinken_call.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsevents import (
    Actor,
    Article,
    Certainty,
    Country,
    Detention,
    DetentionStatus,
    DiplomaticRequest,
    Event,
    Organization,
    OrgKind,
    Person,
    QuoteMode,
    RequestKind,
    RequestStatus,
    Role,
    Statement,
    Term,
    TimeRef,
    from_json,
    to_json,
)

DATA = Path(__file__).with_name("data") / "lavrov_blinken_call.json"

# ---------------------------------------------------------------- who is who

RUSSIA = Country(code="RU")
USA = Country(code="US")
RT = Organization(name="RT", kind=OrgKind.MEDIA, country="RU")
CNN = Organization(name="CNN", kind=OrgKind.MEDIA, country="US")
STATE_DEPARTMENT = Organization(
    name="US State Department",
    kind=OrgKind.MINISTRY,
    country="US",
    aliases=("State Department",),
)
RUSSIAN_MFA = Organization(
    name="Russian Ministry of Foreign Affairs",
    id="russian-mfa",
    kind=OrgKind.MINISTRY,
    country="RU",
    aliases=("Ministry of Foreign Affairs", "Russian Foreign Ministry"),
)
SCO = Organization(name="Shanghai Cooperation Organization", kind=OrgKind.INTERGOVERNMENTAL)

LAVROV = Person(
    name="Sergey Lavrov",
    nationality=("RU",),
    roles=(Role(title="Foreign Minister", organization=RUSSIAN_MFA),),
)
BLINKEN = Person(
    name="Antony Blinken",
    nationality=("US",),
    roles=(Role(title="Secretary of State", organization=STATE_DEPARTMENT),),
)
ZAKHAROVA = Person(
    name="Maria Zakharova",
    nationality=("RU",),
    roles=(Role(title="spokeswoman", organization=RUSSIAN_MFA),),
)
PRICE = Person(
    name="Ned Price",
    nationality=("US",),
    roles=(Role(title="spokesman", organization=STATE_DEPARTMENT),),
)
GRINER = Person(name="Brittney Griner", nationality=("US",), description="basketball player")
WHELAN = Person(name="Paul Whelan", nationality=("US",))
BOUT = Person(name="Viktor Bout", nationality=("RU",), description="arms dealer")

# The page stamps "28 Jul, 2022 22:23" and names no zone; we read it as UTC.
PUBLISHED = TimeRef.parse("28 Jul, 2022 22:23").start


def _on(text: str) -> TimeRef:
    """A day named relative to the publication time ("on Thursday")."""
    return TimeRef.relative(text, anchor=PUBLISHED)


# ---------------------------------------------------------------- what happened


def _request_events() -> list[Event]:
    call = DiplomaticRequest(
        id="call-request",
        requester=STATE_DEPARTMENT,
        addressee=RUSSIAN_MFA,
        kind=RequestKind.PHONE_CALL,
        status=RequestStatus.UNDER_CONSIDERATION,
        participants=(BLINKEN, LAVROV),
        channel="conveyed directly and repeatedly",
        purpose="to follow up on the US proposal for the release of Brittney Griner and Paul Whelan",
        expected=_on("in the coming days"),
        when=_on("on Thursday"),
        evidence=(
            "confirmed the receipt of a request from the US State Department",
            "directly",
            "repeatedly",
        ),
        related=("release-proposal",),
        summary="Washington asks for a Blinken-Lavrov call; Moscow confirms receipt and will consider it.",
    )
    release = DiplomaticRequest(
        id="release-proposal",
        requester=USA,
        addressee=RUSSIA,
        kind=RequestKind.RELEASE,
        participants=(GRINER, WHELAN),
        purpose="the release of two Americans held in Russia",
        evidence=("substantial proposal",),
        related=("griner-detention", "whelan-detention"),
        summary="The US has put forward a proposal for freeing Griner and Whelan.",
    )
    return [call, release]


def _russian_statements() -> list[Event]:
    receipt = Statement(
        id="mfa-receipt",
        speaker=RUSSIAN_MFA,
        mode=QuoteMode.INDIRECT,
        text="The US request has been received; the call can happen once Lavrov's schedule allows.",
        when=_on("on Thursday"),
        about=(LAVROV, BLINKEN),
        evidence=(
            "confirmed the receipt of a request from the US State Department",
            "as soon as the busy schedule of Lavrov allows",
        ),
        related=("call-request",),
    )
    attention = Statement(
        id="zakharova-attention",
        speaker=ZAKHAROVA,
        mode=QuoteMode.MIXED,
        text="Lavrov will pay attention to the request when time permits.",
        quotes=("pay attention to this request when time permits",),
        audience="journalists",
        # The article dates this remark only by its own day: approximate, no surface text.
        when=TimeRef.at(PUBLISHED, approximate=True),
        about=(LAVROV,),
        related=("call-request",),
    )
    schedule = Statement(
        id="zakharova-schedule",
        speaker=ZAKHAROVA,
        mode=QuoteMode.MIXED,
        text="Lavrov is busy with international contacts, among them an SCO ministerial meeting.",
        quotes=("has a busy schedule with international contacts",),
        when=_on("on Thursday"),
        about=(LAVROV, SCO),
        related=("call-request",),
    )
    swap_answer = Statement(
        id="moscow-swap-answer",
        speaker=RUSSIA,
        mode=QuoteMode.INDIRECT,
        text="Prisoner-swap talks with the US have brought no results; both sides' interests must count.",
        evidence=("there had been no results in negotiations on swapping prisoners with the US",),
        about=(USA,),
        related=("cnn-swap-report", "release-proposal"),
    )
    return [receipt, attention, schedule, swap_answer]


def _american_statements() -> list[Event]:
    seeking = Statement(
        id="price-seeking-call",
        speaker=PRICE,
        mode=QuoteMode.MIXED,
        text="The US has told Russia plainly that it wants a Blinken-Lavrov conversation.",
        quotes=(
            "made it clear to the Russian Federation that we are seeking a conversation between "
            "State Secretary Blinken and Foreign Minister Lavrov",
        ),
        venue="news briefing",
        when=_on("earlier on Thursday"),
        about=(BLINKEN, LAVROV, RUSSIA),
        related=("call-request",),
    )
    conveyed = Statement(
        id="price-conveyed",
        speaker=PRICE,
        mode=QuoteMode.MIXED,
        text="The request went to Russia directly and more than once; the ministers should speak soon.",
        quotes=("directly", "repeatedly", "have an opportunity to speak in the coming days"),
        venue="news briefing",
        related=("call-request", "price-seeking-call"),
    )
    no_update = Statement(
        id="price-no-update",
        speaker=PRICE,
        mode=QuoteMode.MIXED,
        text="No date for the call yet; the two sides keep discussing it through the usual channels.",
        quotes=("no update", "continue to discuss that in the appropriate channels"),
        venue="news briefing",
        related=("call-request",),
    )
    bring_home = Statement(
        id="blinken-bring-home",
        speaker=BLINKEN,
        mode=QuoteMode.MIXED,
        text="Blinken hopes a call with Lavrov can move forward the work to free Griner and Whelan.",
        quotes=("advance the efforts to bring them home",),
        audience="journalists",
        when=_on("On Wednesday"),
        about=(GRINER, WHELAN, LAVROV),
        related=("call-request", "release-proposal"),
    )
    cnn_report = Statement(
        id="cnn-swap-report",
        speaker=CNN,
        mode=QuoteMode.INDIRECT,
        certainty=Certainty.CLAIMED,
        text="Washington might be ready to exchange Griner and Whelan for Viktor Bout.",
        evidence=(
            "CNN earlier reported that the US might be willing to swap Griner and Whelan "
            "for Russian arms dealer Viktor Bout",
        ),
        about=(GRINER, WHELAN, BOUT),
        related=("release-proposal", "bout-sentence"),
        summary="Unconfirmed: Blinken did not confirm the report.",
    )
    proposal = Statement(
        id="blinken-proposal",
        speaker=BLINKEN,
        mode=QuoteMode.MIXED,
        text="Blinken wants the US offer to succeed; he neither confirms the report nor names Bout.",
        quotes=("to make sure that the proposal that we put forward has a good chance to advance",),
        venue="press briefing",
        evidence=("never mentioned Bout by name",),
        related=("release-proposal", "cnn-swap-report"),
    )
    return [seeking, conveyed, no_update, bring_home, cnn_report, proposal]


def _detentions() -> list[Event]:
    griner = Detention(
        id="griner-detention",
        detainee=GRINER,
        held_by=RUSSIA,
        status=DetentionStatus.DETAINED,
        charges=("drug smuggling",),
        evidence=("who was arrested on drug smuggling charges",),
    )
    whelan = Detention(
        id="whelan-detention",
        detainee=WHELAN,
        held_by=RUSSIA,
        status=DetentionStatus.JAILED,
        charges=("espionage",),
        evidence=("jailed on suspicion of espionage",),
    )
    bout = Detention(
        id="bout-sentence",
        detainee=BOUT,
        held_by=USA,
        status=DetentionStatus.SENTENCED,
        sentence=Term(years=25),
        when=TimeRef.of(2012, text="in 2012"),
        charges=("arming a terrorist group", "conspiring to kill US nationals"),
        evidence=("sentenced to 25 years in prison in the US in 2012",),
    )
    return [griner, whelan, bout]


def build_article() -> Article:
    """The seed article as a validated :class:`~newsevents.Article`."""
    events = _request_events() + _russian_statements() + _american_statements() + _detentions()
    return Article(
        id="rt-2022-07-28-lavrov-blinken-call",
        title="\u2018Busy\u2019 Lavrov will consider US request \u2013 Moscow",
        subtitle=(
            "Washington says it is seeking a conversation between Secretary of State "
            "Antony Blinken and Russian Foreign Minister Sergey Lavrov"
        ),
        published=PUBLISHED,
        publisher=RT,
        language="en",
        events=tuple(events),
        topics=("diplomacy", "prisoner exchange", "Russia-US relations"),
    )


# ---------------------------------------------------------------- reporting


def _name(actor: Actor) -> str:
    if isinstance(actor, Person) and actor.roles:
        role = actor.roles[0]
        where = f", {role.organization.name}" if role.organization else ""
        return f"{actor.name} ({role.title}{where})"
    return actor.name


def _when(event: Event) -> str:
    if event.when is None:
        return "undated"
    return event.when.start.date().isoformat()[: {"year": 4, "month": 7}.get(event.when.precision.value, 10)]


def _describe(event: Event) -> str:
    if isinstance(event, Statement):
        words = " / ".join(f"\u201c{q}\u201d" for q in event.quotes) or event.text
        to = f" to {event.audience}" if event.audience else ""
        flag = f" [{event.certainty.value}]" if event.certainty is not Certainty.CONFIRMED else ""
        return f"{_name(event.speaker)}{to}{flag}: {words}"
    if isinstance(event, DiplomaticRequest):
        who = " and ".join(p.name for p in event.participants)
        return (
            f"{_name(event.requester)} asks {_name(event.addressee)} for "
            f"{event.kind.value.replace('_', ' ')} ({who}): {event.status.value.replace('_', ' ')}"
        )
    if isinstance(event, Detention):
        term = f", {event.sentence.years} years" if event.sentence else ""
        charges = "; ".join(event.charges)
        return f"{event.detainee.name} {event.status.value} by {_name(event.held_by)} ({charges}{term})"
    return event.summary or event.id  # pragma: no cover - only the three built-in types here


def summary(article: Article) -> str:
    """A few readable lines: the headline, then one line per event."""
    lines = [
        article.title,
        f"{article.publisher.name}, {article.published:%d %B %Y %H:%M %Z}; {len(article.events)} events",
        "",
    ]
    for event in article.events:
        tag = type(event).__name__
        lines.append(f"{_when(event):>10}  {tag:<17} {_describe(event)}")
    return "\n".join(lines)


def missing_fragments(article: Article, source: str) -> list[str]:
    """Quotes and evidence fragments of the article that are not found verbatim in ``source``."""
    missing = []
    for event in article.events:
        fragments = list(event.evidence)
        if isinstance(event, Statement):
            fragments += event.quotes
        missing += [f"{event.id}: {f!r}" for f in fragments if f not in source]
    return missing


def main(argv: list[str] | None = None) -> int:
    """Build the article, check its round trip, print it; optionally check quotes or write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, help="the original article text; report quotes not in it")
    parser.add_argument("--write", type=Path, help="write the article as JSON to this path")
    args = parser.parse_args(argv)

    article = build_article()
    text = to_json(article, indent=2)
    if from_json(Article, text) != article:  # pragma: no cover - the tests guard this
        print("round trip failed", file=sys.stderr)
        return 1
    print(summary(article))
    print(f"\nJSON: {len(text.encode('utf-8'))} bytes, round trip exact")

    if args.write:
        args.write.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
    if args.source:
        missing = missing_fragments(article, args.source.read_text(encoding="utf-8"))
        for line in missing:
            print(f"not in source: {line}", file=sys.stderr)
        if missing:
            return 1
        print(f"all quotes and evidence found verbatim in {args.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
