"""The parties of an article's event mentions: the actors each sentence names, references
resolved to earlier actors, the Central Asian country where the deal happens, and the
partners of deals told in the plural.

Rules in docs/events.md (Parties).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..lazy_pattern import LazyPattern
from ..models import FieldSource, OrgRef, Party, Stage, TaggedArticle
from ..vocab import CENTRAL_ASIA
from .grammar import Grammar
from .parties import (
    REPORTS,
    Actor,
    PartyReader,
    organization_party,
    read_role,
    subject_country,
    told_at,
    trades_a_company,
)
from .sentence import Sentence

# How far back references are looked for.
_REACH = 3
# `the ministry` names the agency an article is about, often named many sentences before;
# bounded so that long articles stay linear.
_AGENCY_REACH = 30
_MINISTRY_WORDS = frozenset({"ministry", "министерство"})
# Reference words that head an organisation's name (`the bank`: `… Development Bank`).
_NAME_HEADS = frozenset({"bank", "corporation", "group", "enterprise"})
# A sentence that speaks of the country itself makes plain the deal is the country's own:
# `across the country`, `the first in the country`, `в нашей стране`.
_COUNTRY_WORDS = LazyPattern(
    r"\b(?:country|country's|nationwide)\b|\bстран[аеуы]\b"
    r"|\bthe\s+(?:state|national)\s+(?:operator|company|telco|carrier)\b"
    # ... or whose government acts: `the government`, `President Tokayev`, `Глава государства`
    r"|(?P<government>\b(?:government|head\s+of\s+state|prime\s+minister)\b"
    r"|\b(?-i:President\s+[A-Z])|правительств|глав\w+\s+государств|премьер-министр)",
    re.IGNORECASE,
)
_SPAN_OF_COUNTRY = LazyPattern(r"(?:across|throughout)\s+the\s+$|по\s+всей\s+$", re.IGNORECASE)
# A company the article calls the state's (`state-owned Kazakhtelecom`, `Altyn Asyr, the
# state mobile operator`, `государственный оператор Mobiuz`) acts for its state.
_STATE_BEFORE = LazyPattern(
    r"(?:\b(?:state|state-owned|state-run|state-controlled|government-owned|national"
    r"|sovereign)|государствен\w*|национальн\w*)(?:\s+[\w-]+){0,3}\s+[«\"“]?$",
    re.IGNORECASE,
)
_STATE_AFTER = LazyPattern(
    r"^[»\"”]?\s*(?:,\s*(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?)?(?:state|state-owned"
    r"|national|government-owned)\b",
    re.IGNORECASE,
)
# ... or whose name says it is: `State Technical Service`, `National Center for ...`.
_STATE_NAME = LazyPattern(r"\b(?:state|national|sovereign)\b|государствен|национальн", re.I)
# A pair reference naming companies (`the two operators`, `обе компании`).
_COMPANY_PAIR = LazyPattern(r"compan|firm|operator|компани|оператор", re.IGNORECASE)
# A sentence opening on a plural class noun refers to the pair told before (`The operators
# say they will …`), one opening on a possessive reference to the actor told before, even
# beside others it names (`The company's gateway, built with Uztelecom, was commissioned`).
_PLURAL_SUBJECT = LazyPattern(
    r"\W*(?:the\s+(?:operators|companies|firms|partners|subsidiaries)\b"
    r"|(?:дочерние\s+)?(?:компании|операторы)\b)",
    re.I,
)
_OWNER_REFERENCE = LazyPattern(r"\W*the\s+(?:company|operator|firm|ministry|agency)['’]s\b", re.I)
# A reference opening the sentence is its subject, another actor than those it names after
# it (`It is in talks with Kyrgyztelecom`).
_SUBJECT_REFERENCE = LazyPattern(
    r"\W*(?:it|they|the\s+(?:company|operator|firm|telco|cellco|provider))\s+(?!'s|’s)",
    re.I,
)
# A reference after the cue: the object of a preposition, or who told it, or a person's
# company.
_LATER_REFERENCE = LazyPattern(
    r"\b(?:to|with|from|for|by|of|and)\s+the\s+(?-i:[A-Z][\w-]*\s+)?(?:company|operator"
    r"|manufacturer|vendor|supplier|integrator|developer|contractor|(bank|lender))\b(?!['’])"
    r"|,\s+the\s+(?:company|operator)\s+(?:said|says|added|noted|reported|announced)\b"
    # ... or its owner's or head's (`connected by Musk's company`)
    r"|\b(?:to|with|from|for|by|of|and)\s+(?-i:[A-Z][\w-]+)['’]s\s+(?:company|firm)\b",
    re.IGNORECASE,
)
# A company referred to by where it is from (`турецкому оператору`, `китайская компания`,
# `the Turkish operator`), no name after it (`китайской компанией Inspur` names one) and no
# possessive (`the Chinese company’s office` is the office).
_HOME_REFERENCE = LazyPattern(
    r"(?:(?<!\w)(?-i:[а-яёА-ЯЁ][а-яё]*(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими))\s+"
    r"(?:компани(?:я|и|ю|ей|ям|ями)|оператор(?:а|у|ом|е|ы|ов|ам)?|производител[\w]+"
    r"|поставщик\w*|разработчик\w*|подрядчик\w*|интегратор\w*|вендор\w*|фирм[аыуое]\w*)"
    r"|\bthe\s+(?-i:[A-Z][\w-]*\s+)(?:company|operator|manufacturer|vendor|supplier"
    r"|integrator|developer|contractor|firm)\b)"
    r"(?![,]?\s+(?-i:[«\"“A-ZА-ЯЁ])|['’])",
    re.IGNORECASE,
)
# The nouns of a reference that name a maker or builder, and a bank's name, which is none.
_MAKER_NOUN = LazyPattern(
    r"\b(?:vendors?|suppliers?|manufacturers?|integrators?|developers?|contractors?|builders?"
    r"|operators?)\b|(?:^|\s)(?:поставщик|производител|подрядчик|вендор|интегратор"
    r"|разработчик|оператор)\w*",
    re.IGNORECASE,
)
_BANK_NAME = LazyPattern(r"\bbank\b|(?:^|\s)банк", re.IGNORECASE)
# A sentence opening on the meeting told before (`Following the talks, the sides signed …`,
# `После переговоров стороны договорились …`): its `sides` are those who met.
# The words the press opens on: `Following the meeting`, `As a result of their talks`, `At
# the end of Monday's negotiations`, `По результатам состоявшихся переговоров`.
_AFTER_THE_MEETING = LazyPattern(
    r"\W*(?:(?:following|during|after|at|in\s+the\s+course\s+of|as\s+a\s+result\s+of"
    r"|at\s+the\s+(?:end|close|conclusion)\s+of|upon|on\s+the\s+results\s+of)\s+"
    r"(?:(?:the|this|that|these|those|their|today['’]s|yesterday['’]s|(?-i:[A-Z][a-z]+day)['’]s)"
    r"\s+(?:meetings?|talks|negotiations|discussions?|consultations)|talks|negotiations"
    r"|consultations)\b"
    r"|(?:по\s+итогам|по\s+результатам|по\s+завершении|по\s+окончании|в\s+ходе|во\s+время"
    r"|после|на|в\s+рамках)\s+(?:(?:этой|этих|данной|данных|состоявш\w+|прошедш\w+)\s+)?"
    r"(?:встреч|переговор|консультац)\w*)",
    re.IGNORECASE,
)
_MEETING_WORD = LazyPattern(
    r"\b(?:meetings?|met|meets?|talks|negotiat\w*|discussions|consultations)\b"
    r"|(?:^|\s)(?:встреч|встрет|переговор|консультац)\w*",
    re.IGNORECASE,
)
# A sentence opening on the deal it follows (`Under the agreement, OneWeb will build …`,
# `Согласно соглашению, центр планируется запустить …`) tells what the deal's parties do.
_UNDER_THE_DEAL = LazyPattern(
    r"\W*(?:(?:under|according\s+to|as\s+part\s+of|in\s+line\s+with|in\s+accordance\s+with)"
    r"\s+(?:the\s+terms\s+of\s+)?(?:the|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:agreements?|memorand\w*|contracts?|deal|mou)\b"
    r"|(?:согласно|в\s+рамках|по\s+условиям|в\s+соответствии\s+с)\s+(?:(?:этому|этого|данному"
    r"|данного|подписанному|подписанного)\s+)?(?:соглашени|меморандум|договор|контракт)\w*)",
    re.IGNORECASE,
)
# The next sentence opening on the deal or decision just told and saying who made, signed or
# funds it (`The decision was reached during a meeting between the Ministry … and Starlink`,
# `The move is funded by JBIC …`, `Соответствующее соглашение было подписано на встрече главы
# X и главы Y`): the organisations it names are the event's parties.
_MADE_BY_AFTER = LazyPattern(
    r"\W*(?:the|this|that)\s+(?:decision|agreement|deal|contract|memorandum|move)\s+(?:was"
    r"|were|is|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:reached|signed|made|taken|concluded"
    r"|funded|financed)\b"
    r"|\W*(?:соответствующ|данн|эт)\w*\s+(?:соглашени|решени|меморандум|договор|контракт)\w*"
    r"\s+(?:был[оаи]?\s+)?(?:подписан|принят|достигнут|заключ)\w*",
    re.IGNORECASE,
)
# The next sentence opening on a list of the things just told (`Five lines were docked in
# Turkmenistan. These are Ashgabat-Bajigiran (Iran), …`, `Это Ашхабад – Баджигиран (Иран),
# …`): the countries and organisations it names are the event's parties.
_LIST_OPENS = LazyPattern(r"\W*these\s+(?:are|were)\s+(?-i:[A-Z])|\W*это\s+(?-i:[А-ЯЁA-Z])", re.I)
# The next sentence opening on an organisation telling of the event (`The Ministry of
# Foreign Affairs revealed that talks were held …`, `Служба связи заявила, что целью запуска
# …`): the source the lead's news came from, which the shared golds list as a party.
_REPORTER_OPENS = LazyPattern(r"\W*(?:the\s+)?[«\"“]?$", re.IGNORECASE)
_AGENCY_BEFORE = LazyPattern(r"\bthe\s+(?:ministry|agency|regulator)\b", re.IGNORECASE)
# A later sentence opening on the thing the event tells of and saying who developed it (`The
# satellite, developed by the state-owned Turkmenistan National Space Agency, will cover …`,
# `The Beeline network for the metro was developed using the Uztelecom infrastructure`): that
# organisation is a party of the event naming the same thing. (Who only built or made it, a
# manufacturer, is not read: the golds show no such case.)
_DEVELOPED_BY = LazyPattern(
    # the thing, the head of its noun phrase (a phrase after it may follow: `for the metro`)
    r"\W*the\s+(?:[\w-]+\s+){0,3}?(?P<thing>(?-i:[a-z][\w-]*))"
    r"(?:\s+(?:for|of|in|on|at)\s+[^.;:,]{1,30}?)?\s*,?\s+"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?developed\s+(?:by|using)\s+"
    r"(?:the\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}[«\"“]?",
    re.IGNORECASE,
)
_DEVELOPED_REACH = 10
# The nouns of a deal or project, and one referred to in English (`the agreement`, `this
# contract`).
_DEAL_NOUN_RU = r"(?:соглашени|договор|контракт|кредит|меморандум|проект)\w*"
_THE_DEAL = (
    r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:agreement|deal|contract|loan|memorandum|project)\b"
)
_DEAL_REFERENCE = LazyPattern(rf"{_THE_DEAL}|\b{_DEAL_NOUN_RU}", re.IGNORECASE)
# A possessive or demonym with up to two describing words before a company's name (`China's
# ZTE`, `китайской компании ZTE`).
_HOME_BEFORE_NAME = LazyPattern(r"(?:['’]s)?\s+(?:(?-i:[a-zа-яё][\w-]*)\s+){0,2}[«\"“]?")
# An owner's mark after a name (`Uzbektelecom's network`).
_POSSESSIVE = LazyPattern(r"['’]s\b")
# The next place of a list (`Almaty and ` before `Shymkent`, `Алматы и ` before `Шымкенте`).
_LISTED_AFTER = LazyPattern(r"[\w-]+(?:,\s+|\s+(?:and|и)\s+)", re.IGNORECASE)
# A country named as where something happens, not as who acts: `in Kyrgyzstan`, `в Астане`.
_PLACE_BEFORE = LazyPattern(r"(?:\b(?:in|across|throughout)|(?:^|\s)(?:в|во))\s+$", re.IGNORECASE)
# Where a service or capacity goes: `bandwidth for Kyrgyzstan`, `capacity to Uzbek carriers`,
# `to providers in Uzbekistan`, `для Кыргызстана`; the next name of a list after it.
_GOES_TO = LazyPattern(
    r"(?:\b(?:to|for)\s+(?:(?:the\s+)?(?:operators|providers|customers|users)\s+in\s+)?"
    r"|(?:^|\s)для\s+)$",
    re.IGNORECASE,
)
_NEXT_LISTED = LazyPattern(r"(?:,\s*(?:and\s+)?|\s+(?:and|и)\s+)", re.IGNORECASE)
_PARTNER_CLAUSE_END = LazyPattern(r"[,;:()\[\]–—]")
_WORK = ("deployment", "launch")
# A sentence referring to the deal or project told before (`Negotiations on the project are
# under way`) continues it: its actors come from further back than the sentence before,
# unless it writes a year of its own (`The 2019 talks on the project are over` recalls others).
_YEAR = LazyPattern(r"\b(?:19|20)\d\d\b")
_TOLD_DEAL = LazyPattern(
    rf"{_THE_DEAL}|(?:^|\s)(?:эт|данн|указанн)\w*\s+{_DEAL_NOUN_RU}", re.IGNORECASE
)


@dataclass(frozen=True)
class MentionParties:
    """The parties of one mention, where they came from, and the ids its sentence names."""

    parties: list[Party]
    source: FieldSource
    own: set[str]
    named: bool  # the sentence names or refers to an actor (a meeting's parties are not)


class ArticleParties:
    """The actors of an article's sentences (each read once) and the parties of its
    mentions."""

    def __init__(
        self,
        tagged: TaggedArticle,
        sentences: list[Sentence],
        party_reader: PartyReader,
        grammar: Grammar,
    ) -> None:
        self.tagged = tagged
        self.sentences = sentences
        self.party_reader = party_reader
        self.grammar = grammar
        self.organizations: dict[str, OrgRef] = {org.id: org for org in tagged.organizations}
        self._actors: dict[int, list[Actor]] = {}  # read when first asked for
        # `_DEVELOPED_BY` on each sentence, read once: every mention before looks at it
        self._developed: dict[int, re.Match[str] | None] = {}
        self.state_companies = _state_companies(tagged)
        self.subject = subject_country(tagged.mentions)
        countries = Counter(m.entity for m in tagged.mentions if m.kind == "country")
        # The countries the article names: the golds add no country the text never names
        # (`National fixed line incumbent Uzbektelecom` in an article naming no country).
        self.named_countries = set(countries)
        # The subject joins events naming only foreign countries when the article is about
        # it: no country is mentioned more often.
        self.leading_subject = self.subject is not None and countries[self.subject] == max(
            countries.values()
        )

    def actors(self, index: int) -> list[Actor]:
        """The actors sentence `index` names (read once, when first asked for)."""
        if index not in self._actors:
            sentence = self.sentences[index]
            text = self.tagged.field_text(sentence.field)
            self._actors[index] = self.party_reader.actors(sentence, text, self.grammar)
        return self._actors[index]

    def implied_types(self, index: int) -> list[str]:
        """The types the business of the organisations sentence `index` names is."""
        orgs = [self.organizations.get(a.entity) for a in self.actors(index)]
        implied = (self.party_reader.implied_types(org) for org in orgs if org is not None)
        return list(dict.fromkeys(t for types in implied for t in types))

    def of_mention(self, index: int, meeting: int | None = None) -> MentionParties:
        """The parties of the mention sentence `index` makes: its own, those it refers to,
        and the country where the deal happens. A mention naming nobody, reported at the
        meeting the lead dates (sentence `meeting`), takes the meeting's parties."""
        own = self._own_parties(index)
        referred = self._referred_parties(index, own)
        named = bool(own or referred)
        # read before the context is looked to: a list names the actors (`These are …`)
        listed = self._told_after(index, _LIST_OPENS, ("country", "organization"))
        referred += _not_told(listed, own + referred)
        if _PLURAL_SUBJECT.match(self.sentences[index].text) and all(
            p.kind == "country" for p in own
        ):
            # The pair, not the one `they` or `it` finds; it completes a mention, makes none
            # (`The operators stopped short of signing`).
            pair = self._earlier(index, want=2, kinds=("organization",), org_kind="company")
            referred = [p for p in referred if p.kind == "country"] + pair
        if (
            not referred
            and not any(p.kind != "country" for p in own)
            and (meeting is None or meeting >= index)
        ):
            # a country acting names its actor (`Tajikistan launched 5G`), unless the
            # sentence refers to a deal told before (`ratified the agreement`)
            if not own or bool(_DEAL_REFERENCE.search(self.sentences[index].text)):
                referred = self._context_actors(index)
                text = self.sentences[index].text
                if not referred and _TOLD_DEAL.search(text) and not _YEAR.search(text):
                    # ... the deal told on: the actors of the nearest sentence naming one
                    referred = self._context_actors(index, reach=_REACH)
            if not referred and own and self._only_places(index):
                # countries named only as places name no actor (`… will be switched on in
                # Astana`): the organisations told just before, in any paragraph; a plan's,
                # when they leave out the lead's subject, the subject's (the contractor
                # told before does not plan the subject's work)
                referred = self._context_actors(index, reach=_REACH)
                if self.sentences[index].stage == "plan":
                    subject = self._lead_subject(index)
                    if subject and not {p.id for p in subject} & {p.id for p in referred}:
                        referred = subject
            if not referred and not own and self.sentences[index].stage == "plan":
                # a plan naming no actor, none told just before: the lead's subject, whose
                # story the article is (`The satellite's launch is set for 2027.`)
                referred = self._lead_subject(index)
        # A reference saying where its company is from (`передало проект турецкому
        # оператору`), besides any other reference and the context.
        for home in _HOME_REFERENCE.finditer(self.sentences[index].text):
            taken = {p.id for p in own + referred}
            referred += self._of_home(index, home.span(), taken)
        if (
            _UNDER_THE_DEAL.match(self.sentences[index].text)
            and (deal := self._deal_before(index)) is not None
        ):
            under = [
                p.model_copy(update={"source": "context", "role": None})
                for p in self.of_mention(deal).parties
            ]
            referred += _not_told(under, own + referred)
        if (reporter := self._reporter_after(index)) is not None:
            referred += _not_told([reporter], own + referred)
        makers = self._told_after(index, _MADE_BY_AFTER, ("organization",))
        referred += _not_told(makers, own + referred)
        referred += _not_told(self._developers_after(index), own + referred)
        if not named and not referred and meeting is not None and meeting < index:
            referred = [
                p.model_copy(update={"source": "context", "role": None})
                for p in self.of_mention(meeting).parties
            ]
        parties = own + [party for party in referred if party.id not in {p.id for p in own}]
        places = [a.entity for a in self.actors(index) if a.kind == "place"]
        parties, source = self._with_country(self.sentences[index], parties, bool(own), places)
        return MentionParties(parties, source, {p.id for p in own}, named)

    def of_predicate(
        self, index: int, parties: MentionParties, part: tuple[int, int], aim: bool = False
    ) -> MentionParties:
        """The parties of one of several predicates of sentence `index` (`part`: its span):
        no organisation named only in a later predicate (`agreed in a memorandum and
        financed it with a loan from the EDB`: no EDB in the memorandum). `aim`: the part is
        one of a plan's two aims, and a country named only in the other aim is not this
        one's when this one names a country (`… in Kyrgyzstan by 2025, with Uzbekistan to
        follow in 2026`: Kyrgyzstan, then Uzbekistan)."""
        sentence = self.sentences[index]
        inside: set[str] = set()
        outside: set[str] = set()
        countries_inside: set[str] = set()
        countries_outside: set[str] = set()
        for actor in self.actors(index):
            at = actor.offset - sentence.start
            if actor.kind == "organization":
                (outside if at >= part[1] else inside).add(actor.entity)
            elif aim:
                within = part[0] <= at < part[1]
                (countries_inside if within else countries_outside).add(actor.entity)
        others = outside - inside
        if countries_inside:
            others |= countries_outside - countries_inside
        # ... nor a company referred to only in a later predicate (`расторгло договор с
        # Inspur и передало проект турецкому оператору`: no Turkcell in the termination)
        referred_later = {
            p.id
            for home in _HOME_REFERENCE.finditer(sentence.text)
            if home.start() >= part[1]
            for p in self._of_home(index, home.span(), inside)
        }
        if not others and not referred_later:
            return parties
        kept = [
            p
            for p in parties.parties
            if p.id not in referred_later and (p.source == "context" or p.id not in others)
        ]
        return MentionParties(kept, parties.source, parties.own - others, parties.named)

    def _own_parties(self, index: int) -> list[Party]:
        sentence = self.sentences[index]
        source: FieldSource = "title" if sentence.field == "title" else "sentence"
        parties: dict[str, Party] = {}
        text = self.tagged.field_text(sentence.field)
        # Each party made once, with its role (no copy of a party made without it).
        for actor in self.actors(index):
            if told_at(actor, text, sentence.start):
                continue  # `, сообщили в министерстве`: the source of the news
            if actor.kind == "country":
                if actor.entity not in parties:  # a country has no role (read_role)
                    parties[actor.entity] = self.party_reader.country(actor.entity, source)
            elif (org := self.organizations.get(actor.entity)) and org.id not in parties:
                role = read_role(sentence, actor.offset, org.kind, self.grammar)
                parties[org.id] = organization_party(org, source, role)
        return list(parties.values())

    def _party(self, actor: Actor, source: FieldSource) -> Party | None:
        if actor.kind == "country":
            return self.party_reader.country(actor.entity, source)
        org = self.organizations.get(actor.entity)
        return organization_party(org, source) if org is not None else None

    def _referred_parties(self, index: int, own: list[Party]) -> list[Party]:
        """Parties named only by reference, resolved to the nearest earlier actors."""
        sentence = self.sentences[index]
        before_cue = sentence.text[: sentence.tokens[0][sentence.cues[0].cue.first]]
        countries = [p for p in own if p.kind == "country"]
        organizations = [p for p in own if p.kind != "country"]
        named = {p.id for p in own}
        found: list[Party] = []
        if self.grammar.country_pair.search(sentence.text) and len(countries) < 2:
            found += self._earlier(index, want=2, kinds=("country",), together=True) or (
                # one of the two named (`the Kazakh minister recalled that the two countries
                # …`): the other is the nearest earlier other country
                self._earlier(index, want=1, kinds=("country",), exclude={countries[0].id})
                if countries
                else []
            )
        elif (pair := self.grammar.actor_pair.search(sentence.text)) is not None and (
            len(own) < 2 or pair.start() < len(before_cue)
        ):
            # Organisations first: `the sides` of a deal between companies; `the two
            # operators` are companies; the sides as the subject are others than the
            # organisations the sentence names after the cue (`signed with Hengtong`).
            kind = "company" if _COMPANY_PAIR.search(pair.group()) else None
            only_orgs = ("organization",)
            # ... after the meeting told before (`После переговоров стороны …`): who met
            met = self._who_met(index, named) if _AFTER_THE_MEETING.match(sentence.text) else []
            found += (
                met
                or self._earlier(index, want=2, kinds=only_orgs, org_kind=kind, exclude=named)
                or self._earlier(index, want=2, kinds=("organization", "country"), exclude=named)
                # One side named before (`talks with Huawei`): it, and the subject country.
                or self._earlier(index, want=1, kinds=only_orgs, org_kind=kind, exclude=named)
            )
        elif (reference := self._reference(sentence.text, before_cue)) is not None and (
            not organizations
            or _OWNER_REFERENCE.match(sentence.text)
            or _SUBJECT_REFERENCE.match(sentence.text)
            or (
                reference.group().split()[-1].casefold() in self.grammar.agency_words
                and not any(p.kind == "agency" for p in organizations)
            )
        ):
            word = reference.group().split()[-1].casefold()
            if word in self.grammar.government_words:
                # `Правительство Таджикистана` names its country: no reference then.
                if not any(p.kind == "country" for p in own):
                    found += self._earlier(index, want=1, kinds=("country",))
                # `According to the agency, the government intends …`: the agency too.
                if _AGENCY_BEFORE.search(before_cue[: reference.start()]) and not organizations:
                    found += self._earlier(
                        index, want=1, kinds=("organization",), org_kind="agency"
                    )
            elif word in self.grammar.agency_words:  # `the ministry`: the last agency named
                # ... a ministry first: `the ministry` is no tax service named after it.
                head = "Ministry" if word in _MINISTRY_WORDS else None
                found += self._headed_else_nearest(index, head, org_kind="agency")
            elif word in self.grammar.company_words:  # `the company`: the last company named
                found += self._earlier(
                    index, want=1, kinds=("organization",), org_kind="company", exclude=named
                )
            else:
                # `the bank`, `the corporation`, `the group`: the last organisation whose
                # name that word heads (`the Eurasian Development Bank`) over another named
                # since (`the bank` is no operator the sentence before names), else the last
                head = word.capitalize() if word in _NAME_HEADS else None
                found += self._headed_else_nearest(index, head, exclude=named)
        elif (later := _LATER_REFERENCE.search(sentence.text)) is not None:
            # `supplied equipment to the operator`: the nearest earlier one other than those
            # the sentence names; `the bank` a company or an international bank. `…, the
            # company said`: the company the story is about (the lead's subject), which
            # speaks for it, over one named on the way (`Its tenants include Kazakhtelecom`).
            kind = None if later.group(1) else "company"
            speaker = [] if not later.group().startswith(",") else self._lead_subject(index)
            speaker = [p for p in speaker if p.kind == "company" and p.id not in named][:1]
            # (`from the bank`: a bank named so first, as `The bank …` above)
            head = "Bank" if (later.group(1) or "").casefold() == "bank" else None
            found += (
                self._of_home(index, later.span(), named)
                or speaker
                or self._headed_else_nearest(index, head, org_kind=kind, exclude=named)
            )
        return found

    def _headed_else_nearest(
        self,
        index: int,
        head: str | None,
        org_kind: str | None = None,
        exclude: frozenset[str] | set[str] = frozenset(),
    ) -> list[Party]:
        """The organisation a reference by kind names (`the ministry`, `the bank`): the
        nearest earlier one whose name `head` heads, else the nearest one."""
        kinds = ("organization",)
        return (
            head is not None
            and self._earlier(
                index, want=1, kinds=kinds, org_kind=org_kind, exclude=exclude, head=head
            )
        ) or self._earlier(index, want=1, kinds=kinds, org_kind=org_kind, exclude=exclude)

    def _who_met(self, index: int, named: set[str]) -> list[Party]:
        """The parties of the meeting the nearest of the sentences before (within reach, the
        same field) tells, else the title's or the lead's, other than those sentence `index`
        names: who met are the sides (a story tells its meeting first, `Kcell and Nokia hold
        talks` then `After the talks, the sides …` paragraphs on)."""
        field = self.sentences[index].field
        nearby = [
            i
            for i in range(index - 1, max(-1, index - 1 - _REACH), -1)
            if self.sentences[i].field == field
        ]
        before_it = self.sentences[:index]
        titles = [i for i, s in enumerate(before_it) if s.field == "title"]
        lead = [i for i, s in enumerate(before_it) if s.field == "body"][:1]
        for back in dict.fromkeys([*nearby, *titles, *lead]):
            before = self.sentences[back]
            if before.cues and _MEETING_WORD.search(before.text):
                return [
                    p.model_copy(update={"source": "context", "role": None})
                    for p in self.of_mention(back).parties
                    if p.id not in named
                ]
        return []

    def _only_places(self, index: int) -> bool:
        """Does sentence `index` name countries, each the article's subject and only as where
        something happens (`A working group will be set up in Kyrgyzstan`, `в Астане и
        Алматы будут введены`)? Another country is news from elsewhere (`Starlink … launched
        in Kazakhstan` in an article about Turkmenistan)."""
        sentence = self.sentences[index]
        text = self.tagged.field_text(sentence.field)
        countries = [a for a in self.actors(index) if a.kind == "country"]
        # ... each after `in`, or listed after one (`in Almaty and Shymkent`)
        return bool(countries) and all(
            a.entity == self.subject
            and (
                _PLACE_BEFORE.search(text, max(sentence.start, a.offset - 12), a.offset)
                or (i > 0 and _LISTED_AFTER.fullmatch(text, countries[i - 1].offset, a.offset))
            )
            for i, a in enumerate(countries)
        )

    def _context_actors(self, index: int, reach: int = 1) -> list[Party]:
        """The organisations of the nearest of the `reach` sentences before that names one
        (with `reach` 1, the sentence before in the same paragraph; further, any paragraph
        of the field), when the two share a type or either names none (`Kcell launched 5G.
        A data center is being built` tells of no Kcell data center)."""
        sentence = self.sentences[index]
        types = _types(sentence)
        for back in range(index - 1, max(-1, index - 1 - reach), -1):
            before = self.sentences[back]
            if before.field != sentence.field or (
                reach == 1 and before.paragraph != sentence.paragraph
            ):
                break
            actors = [
                a
                for a in self.actors(back)
                if a.kind == "organization" and not self._owner_after_the_subject(back, a)
            ]
            if not actors:
                continue
            earlier_types = _types(before)
            if types and earlier_types and not types & earlier_types:
                return []
            found = (self._party(actor, "context") for actor in actors)
            return list({p.id: p for p in found if p is not None}.values())
        return []

    def _owner_after_the_subject(self, index: int, actor: Actor) -> bool:
        """Is `actor` named in sentence `index` only as the owner of a thing, after the
        sentence's opening (`… to back up Uzbektelecom's network`)? It does not act."""
        sentence = self.sentences[index]
        mention = next((m for m in sentence.mentions if m.start == actor.offset), None)
        if mention is None or mention.start == sentence.start:
            return False
        text = self.tagged.field_text(sentence.field)
        return bool(_POSSESSIVE.match(text, mention.end))

    def _lead_subject(self, index: int) -> list[Party]:
        """The organisations the article's lead (its first body sentence, before sentence
        `index`) names before its first cue, or the first it names when it has no cue (`АО
        «Кселл» приступило к установке …`): the subject of the story, when the two share a
        type or either names none."""
        lead = next((i for i, s in enumerate(self.sentences) if s.field == "body"), None)
        if lead is None or lead >= index:
            return []
        sentence = self.sentences[lead]
        types, lead_types = _types(self.sentences[index]), _types(sentence)
        if types and lead_types and not types & lead_types:
            return []  # another kind of work than the story's (`A data center will be built`)
        organizations = [a for a in self.actors(lead) if a.kind == "organization"]
        if sentence.cues:
            cue_at = sentence.start + sentence.tokens[0][sentence.cues[0].cue.first]
            organizations = [a for a in organizations if a.offset < cue_at]
        else:
            organizations = organizations[:1]
        found = (self._party(actor, "context") for actor in organizations)
        return list({p.id: p for p in found if p is not None}.values())

    def _reporter_after(self, index: int) -> Party | None:
        """The organisation the next sentence (the same field) opens on, telling of the event
        sentence `index` tells: a verb of saying follows it, and the next sentence tells
        the same stage, or none but a type of this one (`целью запуска IXP`)."""
        if index + 1 >= len(self.sentences):
            return None
        sentence, after = self.sentences[index], self.sentences[index + 1]
        same = after.stage == sentence.stage or (
            after.stage is None and bool(_types(after) & _types(sentence))
        )
        if after.field != sentence.field or not same:
            return None
        text = self.tagged.field_text(after.field)
        first = next(iter(self.actors(index + 1)), None)
        if first is None or first.kind != "organization":
            return None
        # ... telling of this event, not of another organisation's (`ZTE said it signed a
        # similar deal with Ucell`): it names no organisation this sentence does not
        mine = {a.entity for a in self.actors(index) if a.kind == "organization"}
        others = {a.entity for a in self.actors(index + 1) if a.kind == "organization"}
        if not others - {first.entity} <= mine:
            return None
        mention = next(
            (m for m in after.mentions if m.start == first.offset and m.kind == "organization"),
            None,
        )
        if (
            mention is None
            or not _REPORTER_OPENS.match(text, after.start, mention.start)
            or not REPORTS.match(text, mention.end, after.end)
        ):
            return None
        return self._party(first, "context")

    def _told_after(
        self, index: int, opens: re.Pattern[str], kinds: tuple[str, ...]
    ) -> list[Party]:
        """The actors of `kinds` the next sentence (the same field) names when it opens on
        `opens`: a reference to the deal sentence `index` tells, saying who made it (`The
        decision was reached during a meeting between …`) or listing what it counts
        (`These are …`)."""
        if index + 1 >= len(self.sentences):
            return []
        after = self.sentences[index + 1]
        if after.field != self.sentences[index].field or not opens.match(after.text):
            return []
        found = (self._party(a, "context") for a in self.actors(index + 1) if a.kind in kinds)
        return list({p.id: p for p in found if p is not None}.values())

    def _developers_after(self, index: int) -> list[Party]:
        """The organisations a later sentence of the field, within reach, names as who
        developed the thing sentence `index` tells of (`The satellite, developed by X, …`):
        the thing is a word of this sentence."""
        sentence = self.sentences[index]
        words = set(sentence.tokens[2])
        found: list[Party] = []
        for after in range(index + 1, min(len(self.sentences), index + 1 + _DEVELOPED_REACH)):
            later = self.sentences[after]
            if later.field != sentence.field:
                break
            if after not in self._developed:
                self._developed[after] = _DEVELOPED_BY.match(later.text)
            developed = self._developed[after]
            if developed is None or developed.group("thing").casefold() not in words:
                continue
            at = later.start + developed.end()
            found += [
                party
                for actor in self.actors(after)
                if actor.offset == at and (party := self._party(actor, "context")) is not None
            ]
        return found

    def _deal_before(self, index: int) -> int | None:
        """The nearest earlier sentence telling a memorandum or an agreement, within reach."""
        for back in range(index - 1, max(-1, index - 1 - _AGENCY_REACH), -1):
            if self.sentences[back].stage in ("mou", "agreement"):
                return back
        return None

    def _of_home(self, index: int, span: tuple[int, int], named: set[str]) -> list[Party]:
        """A reference saying where its company is from (`the American company`, `the
        Chinese vendor`): the nearest earlier organisation of that country."""
        sentence = self.sentences[index]
        start, end = sentence.start + span[0], sentence.start + span[1]
        homes = {
            m.entity for m in sentence.mentions if m.kind == "country" and start <= m.start < end
        }
        if not homes:
            return []
        # a vendor, a supplier, a builder is no bank (`the Chinese vendor` after `the
        # Export-Import Bank of China` and Huawei: Huawei)
        maker = _MAKER_NOUN.search(sentence.text, *span) is not None
        for back in range(index - 1, max(-1, index - 1 - _AGENCY_REACH), -1):
            for actor in self.actors(back):
                party = self._party(actor, "context") if actor.kind == "organization" else None
                if (
                    party is not None
                    and party.country in homes
                    and party.id not in named
                    and not (maker and _BANK_NAME.search(party.name))
                ):
                    return [party]
        return []

    def _reference(self, text: str, before_cue: str) -> re.Match[str] | None:
        """The last actor reference before the cue that is no dummy subject (`it was
        reported that`)."""
        dummies = [m.span() for m in self.grammar.dummy_subject.finditer(text)]
        found = [
            m
            for m in self.grammar.actor_reference.finditer(before_cue)
            if not any(a <= m.start() < b for a, b in dummies)
        ]
        return found[-1] if found else None

    def _earlier(
        self,
        index: int,
        want: int,
        kinds: tuple[str, ...],
        together: bool = False,
        org_kind: str | None = None,
        exclude: frozenset[str] | set[str] = frozenset(),
        head: str | None = None,
    ) -> list[Party]:
        """The `want` nearest distinct actors of earlier sentences (`together`: named in
        one sentence), within reach; nothing when too few are found. With `org_kind`, only
        organisations of that kind, and with `head`, only those whose name holds that word,
        each looked for further back (`the bank` is the one the story is about)."""
        found: dict[str, Party] = {}
        reach = _AGENCY_REACH if org_kind or head else _REACH
        for back in range(index - 1, max(-1, index - 1 - reach), -1):
            actors = [a for a in self.actors(back) if a.kind in kinds]
            if together:
                codes = list(dict.fromkeys(a.entity for a in actors))
                if len(codes) >= want:
                    return [self.party_reader.country(code, "context") for code in codes[:want]]
                continue
            for actor in actors if want == 1 else reversed(actors):
                party = self._party(actor, "context")
                if (
                    party is not None
                    and org_kind in (None, party.kind)
                    and party.id not in exclude
                    and (head is None or head in party.name.split())
                ):
                    found.setdefault(party.id, party)
                if len(found) == want:
                    return list(found.values())
        return list(found.values()) if len(found) == want else []

    def _with_country(
        self, sentence: Sentence, parties: list[Party], own: bool, places: list[str]
    ) -> tuple[list[Party], FieldSource]:
        """The Central Asian country where the deal happens is a party: the country of each
        Central Asian agency or state company among the parties (README); else, when they
        hold no Central Asian organisation and name no country, the article's subject."""
        source: FieldSource = "sentence" if own else "context"
        present = {p.id for p in parties if p.kind == "country"}
        # Central Asian companies of two countries named together make a cross-border
        # deal: each brings its country (`Kazakhtelecom and Uzbektelecom opened the line`).
        operators = {
            p.country
            for p in parties
            if p.kind == "company" and p.source != "context" and p.country in CENTRAL_ASIA
        }
        if len(operators) < 2:
            operators = set()
        # a Central Asian country the service goes to is the receiving side, not the one
        # providing it (`service for Kyrgyzstan should begin in spring`)
        receiving = _receiving_countries(sentence, self.subject)
        if not (present - receiving).isdisjoint(CENTRAL_ASIA) or operators:
            # A state body acts for its state: each agency's country (`the Ministry of
            # Digital Development and the Ministry of Digital Technologies of Uzbekistan`,
            # `and KOICA`: KR).
            agencies = [
                p.country
                for p in parties
                if p.kind == "agency" and p.country and p.country not in present
            ]
            homes = list(dict.fromkeys([*sorted(operators - present), *agencies]))
            return [*self._named_countries(homes), *parties], source
        local = [p for p in parties if p.kind != "country" and p.country in CENTRAL_ASIA]
        trades = trades_a_company(sentence)
        acting_state = [
            p
            for p in local
            if p.kind == "agency"
            # a company trading shares acts as a shareholder, not for its state (`Telia's
            # sale of its stake in Kcell to Kazakhtelecom`)
            or (p.id in self.state_companies and not trades)
            # a local company building or launching works in its own country (`Kazteleport
            # is building a data center`, `Zet-mobile completed testing of 5G`)
            or (p.kind == "company" and sentence.stage in _WORK)
            # (in a share deal only the government's word: `merge its unit with X's business
            # in the country` tells the market, `into the hands of the government` the state)
            or _speaks_of_the_state(sentence.text, government_only=trades)
            # a deal with a foreign country is a cross-border one (`прокладывают совместно
            # с Азербайджаном`, `Iran's TIC and Türkmentelekom`)
            # (... not a shareholder's home in a share deal: `Sweden's Tele2 agreed to
            # merge its assets with Altel`)
            or (bool(present - _vendor_homes(sentence)) and not trades)
        ]
        homes = list(dict.fromkeys(p.country for p in acting_state if p.country))
        if homes:  # ... and a foreign agency acting beside it for its own state (KOICA: KR)
            foreign = [p.country for p in parties if p.kind == "agency" and p.country]
            homes = list(dict.fromkeys([*homes, *(c for c in foreign if c not in present)]))
        if (
            not homes
            and not local
            # a share deal is the shareholders', not the subject's (`Telia agreed to buy
            # Turkcell's share in Fintur`)
            and not trades
            and self.subject is not None
            and (
                self.leading_subject
                or not any(p.kind == "country" and p.id not in receiving for p in parties)
            )
        ):
            # the country of the section the work is on, else the article's subject
            homes = [next((c for c in places if c in CENTRAL_ASIA), self.subject)]
        return [*self._named_countries(homes), *parties], source

    def _named_countries(self, homes: list[str]) -> list[Party]:
        """The countries of `homes` the article names: the golds list no country the text
        never names (none of the 329 countries of the shared golds)."""
        return [
            self.party_reader.country(home, "context")
            for home in homes
            if home in self.named_countries
        ]


def _receiving_countries(sentence: Sentence, subject: str | None) -> set[str]:
    """The countries other than the article's subject that the sentence names only as where
    a service or capacity goes: after `to` or `for` (`to Uzbek and Afghan
    carriers`, `to providers in Uzbekistan`, `для Кыргызстана`), or listed after one."""
    receiving: set[str] = set()
    acting: set[str] = set()
    listed_from: int | None = None  # where the last receiving country's name ends
    for m in sentence.mentions:
        if m.kind != "country":
            continue
        start, end = m.start - sentence.start, m.end - sentence.start
        if _GOES_TO.search(sentence.text, max(0, start - 30), start) or (
            listed_from is not None and _NEXT_LISTED.fullmatch(sentence.text, listed_from, start)
        ):
            receiving.add(m.entity)
            listed_from = end
        else:
            acting.add(m.entity)
            listed_from = None
    return {code for code in receiving - acting if code != subject}


def _vendor_homes(sentence: Sentence) -> set[str]:
    """The countries named after the cue only as the home of a company named right after
    them (`tests equipment of the Chinese company ZTE`): a vendor's home, no partner."""
    cue_start = sentence.start + sentence.tokens[0][sentence.cues[0].cue.first]
    organizations = [m.start for m in sentence.mentions if m.kind == "organization"]
    homes: set[str] = set()
    others: set[str] = set()
    for m in sentence.mentions:
        if m.kind != "country":
            continue
        gap = _HOME_BEFORE_NAME.match(sentence.text, m.end - sentence.start)
        vendor = gap is not None and sentence.start + gap.end() in organizations
        (homes if vendor and m.start > cue_start else others).add(m.entity)
    return homes - others


def _not_told(more: list[Party], told: list[Party]) -> list[Party]:
    """The parties of `more` that `told` does not hold (by id)."""
    ids = {p.id for p in told}
    return [p for p in more if p.id not in ids]


def _types(sentence: Sentence) -> set[str]:
    return {m.entity for m in sentence.mentions if m.kind == "initiative"}


def _speaks_of_the_state(text: str, government_only: bool = False) -> bool:
    """Does the sentence speak of the country itself or its government? Not of the country
    as the place work spans (`across the country`, `по всей стране`). `government_only`:
    only of its government."""
    return any(
        not _SPAN_OF_COUNTRY.search(text, 0, found.start())
        and (not government_only or found.group("government") is not None)
        for found in _COUNTRY_WORDS.finditer(text)
    )


def _state_companies(tagged: TaggedArticle) -> set[str]:
    """The companies the article calls the state's, by a word right before or after a
    mention of theirs."""
    found: set[str] = set()
    for m in tagged.mentions:
        if m.kind != "organization" or m.entity in found:
            continue
        text = tagged.field_text(m.field)
        before, after = text[max(0, m.start - 60) : m.start], text[m.end : m.end + 60]
        if _STATE_BEFORE.search(before) or _STATE_AFTER.match(after) or _STATE_NAME.search(m.text):
            found.add(m.entity)
    return found


def partners(sentence: Sentence, stage: Stage, actors: list[Actor], grammar: Grammar) -> list[str]:
    """Deals in the plural signed `with` two or more organisations (`signed memoranda
    with A and B`) are one deal per partner: the partners' ids (none when it is one deal)."""
    if stage not in ("mou", "agreement"):
        return []
    folded = sentence.tokens[2]
    deals = [read.cue for read in sentence.cues if read.stage == stage]
    plural = [
        cue
        for cue in deals
        if any(word in grammar.plural_deals for a, b in cue.parts for word in folded[a:b])
    ]
    if not plural:
        return []
    starts = sentence.tokens[0]
    after = sentence.start + starts[plural[0].last - 1]
    text_after = sentence.text[after - sentence.start :]
    # The partners: the organisations of the clause after `with`, told apart as several
    # (`with both A and B`, `with A and with B`); `with vendors A and B` is one deal.
    withs = list(grammar.partner_word.finditer(text_after))
    if not withs:
        return []
    clause_end = _PARTNER_CLAUSE_END.search(text_after, withs[0].end())
    region_end = clause_end.start() if clause_end else len(text_after)
    region = text_after[withs[0].end() : region_end]
    several = sum(w.start() < region_end for w in withs) >= 2 or bool(grammar.both.match(region))
    if not several:
        return []
    found = list(
        dict.fromkeys(
            actor.entity
            for actor in actors
            if actor.kind == "organization"
            and after + withs[0].end() <= actor.offset < after + region_end
        )
    )
    return found if len(found) >= 2 else []


def distributed_actors(
    sentence: Sentence, stage: Stage, actors: list[Actor], grammar: Grammar
) -> list[str]:
    """Work or launches told of several organisations under a plural class noun
    (`Операторы Ucell и Beeline запустили 5G`): each did its own; their ids (none when
    fewer than two)."""
    if stage not in ("deployment", "launch"):
        return []
    cue_start = sentence.tokens[0][sentence.cues[0].cue.first]
    head = grammar.distributive.search(sentence.text[:cue_start])
    if head is None:
        return []
    named = list(
        dict.fromkeys(
            actor.entity
            for actor in actors
            if actor.kind == "organization"
            and sentence.start + head.end() <= actor.offset < sentence.start + cue_start
        )
    )
    return named if len(named) >= 2 else []
