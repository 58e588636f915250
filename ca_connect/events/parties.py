"""Who acts in an event: the actors a sentence names, references resolved, roles read.

Rules in docs/events.md (Parties).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from ..lazy_pattern import LazyPattern
from ..models import EntityDictionary, Mention, OrgRef, Party, PartySource
from ..tokens import WordGate, phrase_key
from ..vocab import CENTRAL_ASIA
from .grammar import Grammar
from .sentence import Sentence

# Words a country or organisation is named after when it only describes, owns or is
# compared with the actor: `owned by`, `besides Starlink`, `such as OneWeb`.
_BYSTANDER_BEFORE = LazyPattern(
    r"(?:\b(?:besides|unlike|compared\s+(?:with|to)|than|compet(?:es|ing|e)\s+with"
    r"|member\s+of|agency\s+of|alternatives?\s+to|instead\s+of|apart\s+from|citing|quoting|until"
    # the exchange a company files a notice with: `said in a filing with the Kazakhstan
    # Stock Exchange`
    r"|filing\s+(?:with|to))"
    r"\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?"
    # a source cited (`со ссылкой на Telegram-канал X`), a thing compared (`аналог сети X`)
    r"|(?:со\s+ссылкой\s+на|по\s+данным|аналог\w*)\s+(?:[\w-]+\s+){0,2}[«\"“]?"
    # ... and the English words in Russian: `помимо`, `кроме` (besides), `в отличие от`
    # (unlike), `по сравнению с`, `вместо`, `конкурирует с`, a class noun between at most
    # (`кроме компании «X»`; `кроме того, X …` is no such name)
    r"|(?<!\w)(?:помимо|кроме|в\s+отличие\s+от|по\s+сравнению\s+с|вместо|конкурир\w+\s+с)\s+"
    r"(?:(?:компани\w+|оператор\w*|корпораци\w+|банк\w*|министерств\w+|агентств\w+"
    r"|АО|АК|ОАО)\s+)?[«\"“]?"
    # an owner, with its describing words: `controlled by state-owned X`, `the local arm of
    # Amsterdam-listed X`
    r"|\b(?:owned\s+by|controlled\s+by|subsidiary\s+of|unit\s+of|arm\s+of|brand\s+of|branch\s+of"
    r"|division\s+of|affiliate\s+of|daughter\s+company\s+of)"
    r"\s+(?:the\s+)?"
    r"(?:(?-i:[a-z][\w-]*|[\w-]+-(?:listed|based|owned)|[\w-]+['’]s)\s+){0,2}"
    # a subsidiary (`дочерняя компания «X»`) or a group (`входящая в группу X`) names its owner
    r"|(?:дочерн\w+\s+(?:компани\w+|структур\w+|предприяти\w+)"
    # or a brand or branch its owner (`сотовый бренд АК «X»`)
    r"|входящ\w+\s+в\s+(?:состав\s+)?(?:групп\w+|холдинг\w*)|бренд\w*|филиал\w*)"
    r"\s+(?:АО\s+|АК\s+)?[«\"“]?)$",
    re.IGNORECASE,
)
# ... or by its possessive in a company's apposition: `Kazteleport, Kazakhtelecom's satellite
# subsidiary`, `Uzmobile, Uztelecom's mobile brand`, `ООО «X» – дочерняя компания` is read above.
_OWNED_AFTER = LazyPattern(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|unit|arm|division|brand|affiliate|daughter\s+company)\b",
    re.IGNORECASE,
)
_APPOSITION = LazyPattern(r"[»\"”)]?\s*,\s+")
# ... or by `owned by`, `controlled by` in Russian right after the company's name (`Starlink,
# принадлежащий SpaceX`, `MegaCom, подконтрольный X`); of a thing (`купил вышки,
# принадлежащие X`) the owner may sell it, and stays.
_OWNED_BY_AFTER_NAME = LazyPattern(
    r"[»\"”)]?\s*,\s+(?:принадлежащ\w+|подконтрольн\w+)\s+(?:(?:компани\w+|групп\w+"
    r"|холдинг\w*|корпораци\w+)\s+)?(?:АО\s+|АК\s+)?[«\"“]?",
    re.IGNORECASE,
)
# A name the actor trades under is its brand, no party: `offers services under the Uzmobile
# and Uzonline banners`, `operates under the brands Tele2/Altel` (the names listed so far may
# come between; Russian `под брендом X` is read above).
_LISTED = r"(?:[^.;:()–—]{0,30}?(?:/|,|\band)\s*)?[«\"“]?"
_BRAND_WORD = r"(?:brands?|banners?|trademarks?)"
_BRAND_NAMED_AFTER = LazyPattern(
    r"\bunder\s+(?:the|its|their)\s+" + _BRAND_WORD + r"\s+" + _LISTED + "$", re.IGNORECASE
)
_UNDER_BEFORE = LazyPattern(r"\bunder\s+(?:the|its|their)\s+" + _LISTED + "$", re.IGNORECASE)
_BRAND_AFTER = LazyPattern(
    r"^[»\"”]?(?:\s*(?:/|,|\band\b)\s*[^.;:()–—]{0,30}?)?\s+" + _BRAND_WORD + r"\b",
    re.IGNORECASE,
)
# ... but the owner of a company a stake in which is traded holds the stake, a party (`bid to
# buy a controlling stake in Kcell, owned by Telia`).
_STAKE_OWNER = LazyPattern(
    r"\b(?:stake|shares|share|interest)\s+in\s+(?:[\w«»\"“”-]+\s+){0,3}?(?:[\w«»\"“”-]+,\s+)?"
    r"(?:owned|controlled)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An organisation whose meeting is the venue (`during a Mazhilis session`, `on the sidelines
# of the SCO summit`, `саммиту ШОС`) is no party of what was told there.
_VENUE_AFTER = LazyPattern(
    r"^\W{0,3}(?:(?:plenary|annual|general|extended)\s+)?(?:meeting|session|summit|forum"
    r"|conference|congress|assembly)\b",
    re.IGNORECASE,
)
_VENUE_BEFORE = LazyPattern(
    r"(?:\b(?:meeting|session|summit|forum|conference|congress|sidelines)\s+of\s+(?:the\s+)?"
    # (a company's legal form is no describing word: `На полях форума АО «Узбектелеком» и
    # Huawei подписали` names the signers, not the host)
    r"|(?:саммит|заседани|сесси|форум|съезд)\w*\s+(?:(?!(?-i:АО|ОАО|ЗАО|ПАО|АК|ООО|ОсОО|ТОО)\s)\w+\s+)?"
    # a meeting of its leaders: `встреча лидеров государств-членов ШОС`
    r"|встреч\w*\s+(?:лидеров|глав|руководителей|министров)\s+(?:[\w-]+\s+){0,2}"
    r"|\bmeeting\s+of\s+(?:the\s+)?(?:leaders|heads|ministers)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2})"
    r"[«\"“]?$",
    re.IGNORECASE,
)
# ... or is followed by: `a Dubai-based investor`, `the Russia-run Baikonur Cosmodrome`,
# `Amsterdam-listed VEON`, `CIS countries`, `EU member states`,
# a market («индийский рынок»), or is the stock exchange of a ticker: `Kcell (KASE: KCEL)`.
_BYSTANDER_AFTER = LazyPattern(
    # (a short name in brackets may come between: `Commonwealth of Independent States (CIS)
    # countries`)
    r"^(?:\s*\([^()]{1,15}\))?(?:(?:\s*-\s*|\s+)(?:based|headquartered|registered|region|countries|states"
    r"|member\s+states|nations|(?<=-)(?:run|operated|owned|controlled|listed)|рын(?:ок|ка|ке|ку|ком|ки|ков))\b|\s*:\s*(?-i:[A-Z0-9.]{2,})\))",
    re.IGNORECASE,
)
# A country naming the part of a line or network that lies in it (`the Uzbek section`, `the
# Tajik network`, `на таджикском участке`) tells where work is done, not who acts.
_PART_OF_LINE = LazyPattern(
    r"\s+(?:(?-i:[a-z][\w-]*)\s+)?(?:section|sections|segment|stretch|leg|portion|network"
    r"|участ(?:ок|ка|ке|ку|ком)|сегмент\w*|отрез(?:ок|ка|ке))\b",
    re.IGNORECASE,
)
# ... and so does the side of a border the work is on (`completed on the Kazakh side`, `на
# казахстанской стороне`): not `the Kazakh side proposed`, the country's delegation.
_ON_SIDE_BEFORE = LazyPattern(r"(?:\bon\s+the|(?:^|\s)на)\s+$", re.IGNORECASE)
_SIDE_AFTER = LazyPattern(r"\s+(?:side|стороне)\b", re.IGNORECASE)
_MEDIA_REACH = 3
# ... or names, by possessive or demonym, a name the dictionary does not know that then
# reports, an outlet's way (`Russia's Vesti reported that …`, `российский «Вестник»
# пишет`): the outlet's home, no party.
_OUTLET_AFTER = LazyPattern(
    r"(?:['’]s|\w*)\s+[«\"“]?"
    # (not a person's title: `Kazakh President Tokayev wrote`)
    r"(?!(?:president|prime|premier|minister|deputy|vice|chairman|chairwoman|ambassador|head"
    r"|director|ceo|governor|mayor|speaker|senator|президент|премьер|министр|замминистра"
    r"|вице|глав|посол|председател|директор|мэр|аким|хоким)\w*\s)"
    r"(?-i:[A-ZА-ЯЁ][\w.&-]*)(?:\s+(?-i:[A-ZА-ЯЁ][\w.&-]*)){0,3}[»\"”]?"
    r"\s+(?:reported|reports|wrote|writes|пишет|писал[аио]?|написал[аио]?|сообщает|переда[её]т)\b",
    re.IGNORECASE,
)
_LATIN_WORD_BEFORE = LazyPattern(r"(?<![A-Za-z])(?!of\b|the\b)[A-Za-z]+[ \t]+\Z")
# A demonym inside a reference to a company told before (`the French-Italian manufacturer`,
# `the American company`) only describes it; before a name (`the Chinese company Huawei`)
# it is the named company's home.
_REFERENCE_NOUN = LazyPattern(
    r"(?:-[\w-]+)?\s+(?:company|manufacturer|operator|firm|vendor|supplier|corporation"
    r"|integrator|developer|contractor|provider)\b"
    r"(?!['’])",
    re.IGNORECASE,
)
_THE_BEFORE = LazyPattern(r"\b(?:the|this)\s+(?:[\w]+-)?$", re.IGNORECASE)
_ABBREVIATION = LazyPattern(r"\s*\(\s*")
# An organisation named right after another one and `under` (`при`, `attached to`) is part
# of that one's name: `the State Agency of Communications under the Cabinet of Ministers`.
# A closing bracket or quote may come between: `Агентство «X» (Y) при Министерстве`.
_PART_OF_NAME = LazyPattern(
    r"[»\"”)]?\s*,?\s+(?:under|attached\s+to|при)\s+(?:the\s+)?[«\"“]?$", re.I
)
# An authority whose approval is still required is no party of the event that waits for
# it: `requires the approval of Tajikistan's Antimonopoly Service`.
_PENDING = LazyPattern(
    r"(?:\b(?:requires?|needs?|pending|subject\s+to|awaits?|awaiting)\s+(?:the\s+)?(?:approval"
    r"|consent|permission|clearance)\s+(?:of|from|by)"
    # ... or said in the passive: `must still be approved by`, `has yet to be cleared by`
    r"|\b(?:must|has\s+yet\s+to|have\s+yet\s+to|needs?\s+to)\s+(?:still\s+)?be\s+(?:approved"
    r"|cleared|authori[sz]ed)\s+by"
    # ... and in Russian: `требует одобрения`, `при условии согласования`, `должна быть
    # одобрена` (the authority after it, in the genitive or the instrumental)
    r"|(?<!\w)(?:требу\w+|потребуется|необходимо|нужно|ожида\w+|при\s+условии)\s+(?:\w+\s+)?"
    r"(?:одобрени|согласовани|согласи|разрешени)\w*(?:\s+со\s+стороны)?"
    r"|(?<!\w)(?:должн\w+|ещё\s+не|еще\s+не)\s+(?:\w+\s+)?(?:быть\s+)?(?:одобрен|согласован"
    r"|утвержд[её]н)\w*)"
    r"\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# The patterns read in the words before a mention, searched only where its sentence holds
# a word each needs (read from the pattern: tokens.needed_words); most sentences hold none.
_BEFORE_GATE = WordGate(
    _BYSTANDER_BEFORE.compiled,
    _PENDING.compiled,
    _BRAND_NAMED_AFTER.compiled,
    _UNDER_BEFORE.compiled,
    _VENUE_BEFORE.compiled,
)
# A country named as what is avoided (`without sending it through Russia or Kazakhstan`,
# `в обход России`) is no party: the word, then no clause break, then the country.
_AVOIDED = LazyPattern(r"\b(?:without|bypassing|avoiding)\b|в\s+обход|\bминуя\b", re.I)
_CLAUSE_BREAK = LazyPattern(r"[,;:()–—]")
# A country traffic goes `via` (`route traffic to the Gulf via Azerbaijan`) is a point of
# the route, no party (`a line through Afghanistan` makes it one: the line is built there).
_ROUTE_POINT = LazyPattern(
    r"(?:\b(?:via|by\s+way\s+of|transiting|(?:in\s+)?transit\s+(?:through|via))"
    r"|(?<!\w)транзит(?:ом)?\s+через)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An organisation that says what another one, named right after, does reports it: `Kcell
# said Beeline would …`, `Министерство (МЦР) сообщило, что компания SpaceX рассматривает …`.
_REPORTED_REACH = 30  # characters from `said that` to the organisation it reports on
# The verbs that also take an organisation as their object (`added Nokia as a supplier`,
# `объявил Huawei победителем`, `рассказал Huawei о планах`) say only with `that`, `что`.
REPORTS = LazyPattern(
    r"[)»\"”]?\s*(?:\([^)]{0,20}\)\s*)?(?:(?:also|has|had|previously|earlier|today|on\s+\w+day|ранее"
    r"|также)\s+){0,2}(?:(?:said|says|stated|told\s+\w+)(?:\s+on\s+\w+day)?\s*(?:,\s*)?(?:that)?"
    r"|(?:reported|announced|revealed|noted|confirmed|added|explained|disclosed"
    r"|сообщил[аои]?|заявил[аои]?|отметил[аои]?|сообщает|информирует|заявляет|объявил[аои]?"
    r"|подтвердил[аои]?|рассказал[аои]?|пояснил[аои]?|уточнил[аои]?|добавил[аои]?|подчеркнул[аои]?)"
    r"(?:\s+on\s+\w+day)?\s*(?:,\s*)?(?:that|что))\b",
    re.IGNORECASE,
)
# ... the one it reports on opening the reported clause: a pronoun (`Kcell said it chose
# Nokia`, `сообщила, что она …`) or a preposition (`revealed plans to work with Google`,
# `сообщило, что подписало соглашение с SpaceX`) before it makes the reporter the actor.
_REPORTER_ACTS = LazyPattern(
    r"\b(?:it|its|they|their|we|our|with|from|by|to|for|between|against|into)\b"
    r"|(?:^|\s)(?:он[аои]?|они|мы|его|её|ее|их|с|со|у|от|для|между|к)\s",
    re.IGNORECASE,
)


# A person's title naming an organisation, the person telling the news: `said Chairman of
# the X`, `, the deputy head of X, said`, `сообщил замначальника X`.
_TITLE = (
    r"(?:chairman|chairwoman|head|director|ceo|president|chief|spokes(?:man|woman|person)"
    r"|manager)\b(?:\s+[\w-]+){0,3}?\s+(?:of|at)\s+(?:the\s+)?(?:(?-i:[A-Z][\w-]*)\s+)?[«\"“]?$"
)
_SAID_BY_TITLE = LazyPattern(
    r"\b(?:said|says|told\s+\w+|noted|stated|announced|added|explained|confirmed)\s*,?\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _TITLE +
    # `сообщил замначальника Службы связи`: the title, then the organisation's name
    r"|(?:сообщил|заявил|отметил|рассказал|сказал|пояснил|подчеркнул|уточнил|добавил|подтвердил)"
    r"[аи]?\s+(?:[\w.-]+\s+){0,2}?(?:глав[аы]"
    r"|председател[ья]|директор[а]?|заместител[ья]|замначальника|начальник[а]?"
    r"|руководител[ья])\s+(?:[\w-]+\s+){0,2}?[«\"“]?$",
    re.IGNORECASE,
)
_TITLE_APPOSITION = LazyPattern(r",\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?" + _TITLE, re.I)
_SAYS_AFTER = LazyPattern(
    r"[»\"”]?\s*,\s+(?:said|says|told|noted|stated|announced|added|explained|confirmed)\b",
    re.IGNORECASE,
)
# A closing clause citing the source of the news: `, the Ministry of Digital Technologies
# said on Tuesday.`, `, according to the ministry.`, `, сообщила пресс-служба Министерства
# цифровых технологий.` (group 1: a verb of saying must follow the name).
_CITED_BEFORE = LazyPattern(
    r",\s*(?:(the\s+|a\s+)|(?:according\s+to\s+(?:the\s+)?)"
    r"|(?:сообщил[аои]?|сообщает|заявил[аои]?|отметил[аои]?|рассказал[аои]?|пояснил[аои]?"
    r"|уточнил[аои]?|подчеркнул[аои]?|информирует)\s+(?:в\s+)?(?:пресс-служб\w+\s+)?)"
    r"[«\"“]?$",
    re.IGNORECASE,
)
_CITED_AFTER = LazyPattern(
    r"^[^,;:]{0,80}?\b(?:said|says|announced|reported|confirmed|noted|stated|added|explained)\b"
    r"[^,;:]{0,40}$",
    re.IGNORECASE,
)
_CLOSING = LazyPattern(r"^[^,;:]{0,80}$")
# Russian impersonal `сообщили в Министерстве …` (they said at the ministry): the
# organisation is where the news was told, the source, no party.
_SAID_AT = LazyPattern(
    r"(?<!\w)(?:сообщили|заявили|отметили|рассказали|пояснили|уточнили|подчеркнули)\s+во?\s+"
    r"(?:пресс-(?:служб|центр)\w*\s+)?[«\"“]?$",
    re.IGNORECASE,
)
_SAID_AT_REACH = 40  # characters from the verb to the organisation's name
# A possessive or demonym with up to two describing words before a company's name, and the
# date of a dateline after its place (`ASHGABAT, Turkmenistan, July 9, 2020 –`).
_HOME_BEFORE_NAME = LazyPattern(
    r"(?:['’]s)?\s+(?:(?!(?:and|or|with|the|и|с)\s)(?-i:[a-zа-яё][\w-]*)\s+){0,2}[«\"“]?"
)
_DATELINE_DATE = LazyPattern(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b")
_PASSIVE = frozenset({"was", "were", "been", "is", "are", "be"})
# An organisation visiting the thing the work is told of (`The SpaceX delegation visited one
# of the schools connected to Starlink`, `Chairman of the Halk Maslahaty X visited the city
# under construction`) is a visitor, no party: a visit is no event (the gold headers), and
# the work is the visited thing's. Not when the visit has a purpose (`visited Kyrgyzstan to
# discuss …`) or the visitor does more (`visited Baku and signed …`).
_VISIT = LazyPattern(r"\bvisit(?:s|ed)\b|(?:^|\s)посетил[аио]?\b", re.IGNORECASE)
_VISITOR_ACTS = LazyPattern(r"\band\b|[,;:–—]|(?:^|\s)(?:и|чтобы)\s|\bto\s+$", re.IGNORECASE)


# A sentence telling a deal in a company's shares (`a 75% stake`, `merge`) or the sale of a
# company (`would sell another mobile operator`, `a deal for Kcell`, `the purchase of
# Tcell`; `trades_a_company`): the object of the sale word is a company, named or not.
_SALE_OF = (
    r"\b(?:sell|sells|selling|sold|sale\s+of|buy|buys|buying|bought|purchase\s+of"
    r"|acquire[sd]?|acquiring|acquisition\s+of|deal\s+for|bid\s+for)\s+"
    r"(?:(?:the|its|a|an|another)\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}"
)
_COMPANY_SOLD = LazyPattern(
    _SALE_OF + r"(?:operator|company|unit|subsidiary|business|telco|cellco)\b", re.IGNORECASE
)
_SOLD_BEFORE = LazyPattern(_SALE_OF + r"[«\"“]?$", re.IGNORECASE)
# ... the company itself, not its goods: no noun after the name (`buy Huawei equipment`).
_SOLD_AFTER = LazyPattern(
    r"[»\"”]?\s*(?:[,.;:()–—]|$|(?:from|for|to|in|and|at|by|on|with|earlier|last|this|is"
    r"|was|has|had|would|will)\b)",
    re.IGNORECASE,
)
_SHARE_DEAL = LazyPattern(
    r"\b(?:stakes?|shares|shareholders?|share\s+purchase|put\s+option|acquires?\s+control"
    r"|acquisition\s+of|merger|merge[sd]?|takeover|take\s+over|divest\w*|sell-?off"
    # a company's unit or business combined with another's (`combine its mobile unit Altel
    # with X's mobile business`)
    r"|combin(?:e[sd]?|ing)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:units?|business\w*"
    r"|operations|assets))\b|(?:%|\bper\s*cent|\bpercent)\s+share\b"
    r"|(?:^|\s)(?:акци[йия]|дол[июя]\b|слияни)",
    re.IGNORECASE,
)

# ... each searched only in a sentence holding a word of each set it needs (most hold none).
_TRADE_GATE = WordGate(_SHARE_DEAL.compiled, _COMPANY_SOLD.compiled, _SOLD_BEFORE.compiled)


@dataclass(frozen=True)
class Actor:
    """A country or organisation a sentence names as a possible party."""

    offset: int  # into the field's text
    kind: str  # country | organization | place (where the work is done, no actor)
    entity: str


_OFFSET = attrgetter("offset")


def subject_country(mentions: list[Mention]) -> str | None:
    """The country an article is about: the Central Asian one mentioned most, else any."""
    counts = Counter(m.entity for m in mentions if m.kind == "country")
    order = {code: i for i, code in enumerate(dict.fromkeys(m.entity for m in mentions))}
    for pool in ([c for c in counts if c in CENTRAL_ASIA], list(counts)):
        if pool:
            return min(pool, key=lambda code: (-counts[code], order[code]))
    return None


class PartyReader:
    """Reads the actors of sentences (compiled once per dictionary, with the Reader)."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self._countries = {c.code: c.name for c in dictionary.countries}
        self._capitals = {phrase_key(name) for c in dictionary.countries for name in c.capitals}
        self._country_parties: dict[tuple[str, str, str | None], Party] = {}
        self._capital_texts: dict[str, bool] = {}
        self._types = {
            org.id: org.initiatives for org in dictionary.organizations if org.initiatives
        }
        self._agencies = {org.id for org in dictionary.organizations if org.kind == "agency"}

    def implied_types(self, org: OrgRef) -> list[str]:
        """The types an organisation's business is (its parent's for a subsidiary)."""
        return list(self._types.get(org.id) or self._types.get(org.parent or "", []))

    def actors(self, sentence: Sentence, text: str, grammar: Grammar) -> list[Actor]:
        """The countries and organisations of a sentence that can be parties."""
        mentions = [m for m in sentence.mentions if not _dateline(m, text, sentence.start)]
        actors: list[Actor] = []
        venues: list[Actor] = []
        # A country inside a bystander's name is a bystander too (`besides the National
        # Bank of Tajikistan`).
        # Each mention read once for the bystander words around it (slow regexes, each
        # searched only where the sentence holds a word it needs).
        reach = max(sentence.end, *(m.start for m in mentions)) if mentions else sentence.end
        may = _BEFORE_GATE.may_match(text[sentence.start : reach])
        bystanders = [
            m.kind != "initiative" and _bystander(m, text, sentence.start, may) for m in mentions
        ]
        aside = [
            (m.start, m.end)
            for m, bystander in zip(mentions, bystanders, strict=True)
            if m.kind == "organization" and bystander
        ]
        organizations = [m for m in mentions if m.kind == "organization"]
        avoiding: bool | None = None
        for m, bystander in zip(mentions, bystanders, strict=True):
            if m.kind == "initiative" or bystander:
                continue
            if m.kind == "organization" and (
                _part_of_name(m, organizations, text)
                or _nested(m, organizations)
                # (in a share deal the owner holds the shares: `a stake in Altel,
                # Kazakhtelecom's mobile unit`)
                or (_owner_in_apposition(m, organizations, text) and not trades_a_company(sentence))
            ):
                continue
            if any(a <= m.start and m.end <= b for a, b in aside):
                continue
            # ... and so is its short name in brackets after it (`… организации
            # сотрудничества (ШОС)`).
            if any(_ABBREVIATION.fullmatch(text, b, m.start) for _, b in aside):
                continue
            if m.kind == "organization":
                actors.append(Actor(m.start, m.kind, m.entity))
                continue
            if _describes_a_reference(m, mentions, text):
                continue
            if _ends_a_company_name(m, organizations, text):
                continue
            if _PART_OF_LINE.match(text, m.end, sentence.end) or (
                _SIDE_AFTER.match(text, m.end, sentence.end)
                and _ON_SIDE_BEFORE.search(text, max(sentence.start, m.start - 8), m.start)
            ):
                actors.append(Actor(m.start, "place", m.entity))
                continue
            if avoiding is None:  # read once, for the first country that gets here
                reach = max(sentence.end, *(n.start for n in mentions))
                avoiding = _AVOIDED.search(text[sentence.start : reach]) is not None
            if (
                _qualifies_media(sentence, m.end, grammar)
                or _qualifies_outlet(m, organizations, text, sentence.end)
                or _avoided(m, text, sentence.start, avoiding)
                or _ROUTE_POINT.search(text, max(sentence.start, m.start - 24), m.start)
            ):
                continue
            is_venue = self._is_capital(m.text) and grammar.venue.search(
                text, sentence.start, m.start
            )
            (venues if is_venue else actors).append(Actor(m.start, m.kind, m.entity))
        if (visit := _visit_before_cue(sentence, text)) is not None:
            actors = [a for a in actors if a.kind != "organization" or a.offset > visit]
        others = {a.entity for a in actors if a.kind == "country"}
        actors += [venue for venue in venues if not others - {venue.entity}]
        # ... saying what a bystander does is no report (`said in a filing with KASE`)
        acting = [m for m, bystander in zip(mentions, bystanders, strict=True) if not bystander]
        reporters = {m.start for m in acting if _reports_another(m, acting, text)}
        if len(organizations) >= 3 and sentence.cues:
            reporters |= self._sources_of_news(sentence, text, actors)
        if not reporters:
            return sorted(actors, key=_OFFSET)
        # ... and so is a country in a reporter's name (`the Ministry of … of Tajikistan said`)
        spans = [(m.start, m.end) for m in organizations if m.start in reporters]
        return sorted(
            (
                a
                for a in actors
                if a.offset not in reporters and not any(b <= a.offset < e for b, e in spans)
            ),
            key=_OFFSET,
        )

    def _sources_of_news(self, sentence: Sentence, text: str, actors: list[Actor]) -> set[int]:
        """The agency a closing clause cites as the source of the news (`, the ministry
        said.`, `, сообщило Министерство цифровых технологий.`) when it reports the deal of
        two other organisations, the first actor of the sentence a company: no party. Not
        when a country acts (`Kyrgyzstan has abandoned …, the ministry said`: its voice) or
        the cue is passive (`were awarded …, the ministry said`: the awarder)."""
        organizations = sorted((a for a in actors if a.kind == "organization"), key=_OFFSET)
        if len(organizations) < 3 or _passive(sentence):
            return set()
        if _a_country_acts(sentence, text, actors):
            return set()
        found: set[int] = set()
        for actor in organizations:
            if actor.entity not in self._agencies or actor is organizations[0]:
                continue
            before = text[max(sentence.start, actor.offset - 60) : actor.offset]
            tail = text[actor.offset : sentence.end]
            cited = _CITED_BEFORE.search(before)
            if cited is None or not (_CITED_AFTER if cited.group(1) else _CLOSING).match(tail):
                continue
            if len({a.entity for a in organizations} - {actor.entity}) >= 2:
                found.add(actor.offset)
        return found

    def _is_capital(self, name: str) -> bool:
        """Does `name` name a capital? (Kept per text: the same few names recur.)"""
        if (found := self._capital_texts.get(name)) is None:
            found = self._capital_texts[name] = phrase_key(name) in self._capitals
        return found

    def country(self, code: str, source: PartySource, role: str | None = None) -> Party:
        # Made once: a Party is frozen, and a country is a party of most sentences.
        key = (code, source, role)
        if (party := self._country_parties.get(key)) is None:
            name = self._countries.get(code, code)
            party = Party(
                id=code, name=name, kind="country", country=code, role=role, source=source
            )
            self._country_parties[key] = party
        return party


def organization_party(org: OrgRef, source: PartySource, role: str | None = None) -> Party:
    return Party(
        id=org.id, name=org.name, kind=org.kind, country=org.country, role=role, source=source
    )


def read_role(sentence: Sentence, offset: int, party_kind: str, grammar: Grammar) -> str | None:
    """The role the words around a party give it (README), or None.

    A buying word after the party makes it the buyer, a selling word after it or `from`
    right before it the seller; lending words make a bank or international body the
    lender; supply and contract words make a company after them the contractor; an
    operator word next to a company makes it the operator; licence and spectrum words make
    an agency the regulator.
    """
    starts, _, folded = sentence.tokens
    local = offset - sentence.start
    index = next((i for i, start in enumerate(starts) if start >= local), len(folded))
    before, after = folded[max(0, index - 4) : index], folded[index : index + 8]
    roles_after = [grammar.roles.get(word) for word in after[1:]]
    roles_near = [grammar.roles.get(word) for word in (*before[-2:], *after[1:3])]
    if party_kind == "country":
        return None
    if "buyer" in roles_after[:6] and "from" not in before[-1:]:
        return "buyer"
    if before[-1:] == ["from"] or "seller" in roles_after[:4]:
        return "seller"
    words = set(folded)
    lends = any(grammar.roles.get(word) == "lender" for word in words)
    if lends and (party_kind == "intl" or (party_kind == "company" and "bank" in after[:4])):
        return "lender"
    if party_kind == "agency" and any(grammar.roles.get(w) == "regulator" for w in words):
        return "regulator"
    if party_kind == "company" and "operator" in roles_near:
        return "operator"
    if party_kind == "company" and "contractor" in (*roles_after[:4], *roles_near):
        return "contractor"
    return None


def _bystander(mention: Mention, text: str, sentence_start: int, may: tuple[bool, ...]) -> bool:
    """Is the mention named only aside (`owned by`, `besides`, `requires the approval of`,
    a brand, a meeting's host)? `may`: for each pattern of _BEFORE_GATE, whether its
    sentence holds a word it needs."""
    bystander_before, pending, brand_named_after, under_before, venue_before = may
    before = text[max(sentence_start, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 30]
    return bool(
        (
            bystander_before
            and _BYSTANDER_BEFORE.search(before)
            and not _STAKE_OWNER.search(
                text, max(sentence_start, mention.start - 60), mention.start
            )
        )
        or _speakers_title(mention, text, sentence_start)
        or _BYSTANDER_AFTER.match(after)
        or (
            mention.kind == "organization"
            and (_VENUE_AFTER.match(after) or (venue_before and _VENUE_BEFORE.search(before)))
        )
        or (
            pending
            and _PENDING.search(text[max(sentence_start, mention.start - 70) : mention.start])
        )
        or (brand_named_after and _BRAND_NAMED_AFTER.search(before))
        or (
            under_before
            and _UNDER_BEFORE.search(before) is not None
            and _BRAND_AFTER.match(after) is not None
        )
    )


def _speakers_title(mention: Mention, text: str, sentence_start: int) -> bool:
    """Is the organisation named only in the title of a person who tells the news (`…,
    said Chairman of the National Center X`, `Y, the deputy head of Samruk-Kazyna, said
    that …`)? The person speaks; the organisation only describes him."""
    if mention.kind != "organization":
        return False
    before = text[max(sentence_start, mention.start - 60) : mention.start]
    if _SAID_BY_TITLE.search(before):
        return True
    return bool(_TITLE_APPOSITION.search(before)) and bool(
        _SAYS_AFTER.match(text, mention.end, mention.end + 40)
    )


def _a_country_acts(sentence: Sentence, text: str, actors: list[Actor]) -> bool:
    """Is a country named before the cue other than as a company's home (`Uzbekistan's
    national operator Uztelecom`) or in a dateline (`ASHGABAT, Turkmenistan, July 9 –`)?"""
    cue = sentence.start + sentence.tokens[0][sentence.cues[0].cue.first]
    organizations = {a.offset for a in actors if a.kind == "organization"}
    ends = {m.start: m.end for m in sentence.mentions}
    names = [(m.start, m.end) for m in sentence.mentions if m.kind == "organization"]
    for actor in actors:
        if actor.kind != "country" or actor.offset >= cue:
            continue
        if any(a <= actor.offset < b for a, b in names):  # `Beeline Uzbekistan`
            continue
        end = ends.get(actor.offset, actor.offset)
        home = _HOME_BEFORE_NAME.match(text, end)
        if home is not None and home.end() in organizations:
            continue
        if _DATELINE_DATE.match(text, end):
            continue
        return True
    return False


def _visit_before_cue(sentence: Sentence, text: str) -> int | None:
    """Where a visit word stands when the sentence's first cue tells of the visited thing
    (after the visit, the visitor doing nothing more between): the visitors are named
    before it."""
    if not sentence.cues:
        return None
    cue = sentence.start + sentence.tokens[0][sentence.cues[0].cue.first]
    visit = _VISIT.search(text, sentence.start, cue)
    if visit is None or _VISITOR_ACTS.search(text[visit.end() : cue]):
        return None
    return visit.start()


def _passive(sentence: Sentence) -> bool:
    """Is the sentence's first cue passive (`were awarded`, `was signed`)?"""
    folded, first = sentence.tokens[2], sentence.cues[0].cue.first
    return any(word in _PASSIVE for word in folded[max(0, first - 2) : first])


def _describes_a_reference(mention: Mention, mentions: list[Mention], text: str) -> bool:
    """Is the country a demonym in a reference to a company (`the American company`) that
    names no company right after it?"""
    noun = _REFERENCE_NOUN.match(text, mention.end)
    if noun is None or not _THE_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return False
    return not any(
        m.kind == "organization" and noun.end() <= m.start <= noun.end() + 3 for m in mentions
    )


def _ends_a_company_name(mention: Mention, organizations: list[Mention], text: str) -> bool:
    """Is the country the last word of a company's name, after a word in Latin letters
    (`Beeline Uzbekistan`, `Huawei Technologies Tajikistan`)? It says where the company
    works, not who acts; `Export-Import Bank of China` names the state that owns it."""
    return any(o.start < mention.start and mention.end == o.end for o in organizations) and bool(
        _LATIN_WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    )


def _part_of_name(mention: Mention, organizations: list[Mention], text: str) -> bool:
    """Is the organisation part of the name of the one named right before it (`the Agency
    of Transport and Communications under the Cabinet of Ministers`)?"""
    return any(
        other.end <= mention.start and _PART_OF_NAME.fullmatch(text, other.end, mention.start)
        for other in organizations
    )


def _owner_in_apposition(mention: Mention, organizations: list[Mention], text: str) -> bool:
    """Is the organisation the owner a company's apposition names by its possessive
    (`Kazteleport, Kazakhtelecom's satellite subsidiary, is building …`) or, in Russian, by
    `принадлежащий`, `подконтрольный` (`MegaCom, подконтрольный X`)? It describes the named
    company, as `a subsidiary of X` does; an unnamed unit's owner acts for it (`laid by
    Bishkekteploset's telecoms unit`)."""
    return any(
        (
            _OWNED_AFTER.match(text, mention.end) is not None
            and _APPOSITION.fullmatch(text, o.end, mention.start) is not None
        )
        or _OWNED_BY_AFTER_NAME.fullmatch(text, o.end, mention.start) is not None
        for o in organizations
    )


def _nested(mention: Mention, organizations: list[Mention]) -> bool:
    """Is the organisation named inside a longer organisation's name (`the Agency of
    Transport and Communications under the Cabinet of Ministers of Turkmenistan`)?"""
    return any(
        o.start <= mention.start
        and mention.end <= o.end
        and o.end - o.start > mention.end - mention.start
        for o in organizations
    )


def _avoided(mention: Mention, text: str, sentence_start: int, in_sentence: bool) -> bool:
    """Is the country named as what is avoided (`without … through Russia`)?
    `in_sentence`: does the sentence (a text `before` begins) hold an avoiding word? When
    it does not, only a word cut off by the mention (`withoutRussia`) can be found before
    it: one of the last 10 characters."""
    before = text[sentence_start : mention.start]
    if not in_sentence and not _AVOIDED.search(before[-10:]):
        return False
    found = list(_AVOIDED.finditer(before))
    return bool(found) and not _CLAUSE_BREAK.search(before, found[-1].end())


def told_at(actor: Actor, text: str, sentence_start: int) -> bool:
    """Is the organisation where the news was told (`, сообщили в Министерстве …`)? The
    source of a sentence, no party of its event; a reference later may still name it."""
    return actor.kind == "organization" and (
        _SAID_AT.search(text, max(sentence_start, actor.offset - _SAID_AT_REACH), actor.offset)
        is not None
    )


def _reports_another(mention: Mention, mentions: list[Mention], text: str) -> bool:
    """Does the organisation only say (`X said that …`) what another organisation does?"""
    if mention.kind != "organization":
        return False
    said = REPORTS.match(text, mention.end)
    if said is None or said.group().rstrip().endswith(","):
        # `Fintur announced on Friday, in which Kcell …`: a participle, then another
        # clause; it reports nothing
        return False
    return any(
        m.kind == "organization"
        and m.entity != mention.entity
        and said.end() <= m.start <= said.end() + _REPORTED_REACH
        # ... on one in its own clause
        and not _CLAUSE_BREAK.search(text, said.end(), m.start)
        and not _REPORTER_ACTS.search(text, said.end(), m.start)
        for m in mentions
    )


def _qualifies_media(sentence: Sentence, end: int, grammar: Grammar) -> bool:
    """Is a country followed closely by a news-outlet word (`Russian state media outlet`)?
    The words after it are read from the sentence's tokens (no new tokenizing)."""
    starts, _, folded = sentence.tokens
    first = bisect_left(starts, end - sentence.start)
    return any(word in grammar.media for word in folded[first : first + _MEDIA_REACH])


def _qualifies_outlet(
    mention: Mention, organizations: list[Mention], text: str, sentence_end: int
) -> bool:
    """Is the country the home of a name that reports (`Russia's Vesti reported`), the
    name no organisation of the dictionary (`China's Huawei reported` keeps CN)?"""
    outlet = _OUTLET_AFTER.match(text, mention.end, sentence_end)
    return outlet is not None and not any(
        mention.end <= o.start < outlet.end() for o in organizations
    )


def _dateline(mention: Mention, text: str, sentence_start: int) -> bool:
    """A capital in capitals opening a sentence, then a comma or dash: `MOSCOW, April 28 —`."""
    return (
        mention.kind == "country"
        and mention.start == sentence_start
        and len(mention.text) > 3
        and mention.text.isupper()
        and text[mention.end : mention.end + 2].lstrip()[:1] in (",", "–", "—", "-")
    )


# A party named by the role a deal told before gave it: its buyer (`the new owner`, `the
# buyer`, Russian `новый владелец`, `покупатель`) or its winners (`the winners`, `each
# winner`, Russian `победители`).
_BUYER_ROLE = LazyPattern(
    r"\bthe\s+(?:new\s+owners?|buyers?|purchasers?|acquirers?)\b(?!['’])"
    r"|(?:^|\s)(?:новы(?:й|е)\s+владел(?:ец|ьцы)|покупател(?:ь|и))\b",
    re.IGNORECASE,
)
_WINNER_ROLE = LazyPattern(
    r"\b(?:the|each|both)\s+winners?\b(?!['’])|(?:^|\s)победител(?:ь|и)\b", re.IGNORECASE
)
# The steps that give those roles: a purchase (`completed its acquisition of`, `bought`,
# Russian `приобретение`, `купила`) and an award (`were awarded`, `won the auction`,
# Russian `победителями стали`, `выиграла тендер`).
_PURCHASE = LazyPattern(
    r"\b(?:acquisition|acquires?|acquired|acquiring|purchase[sd]?|purchasing|bought|buys"
    r"|takeover|took\s+over)\b"
    r"|(?:^|\s)(?:приобретени\w*|приобр[её]л\w*|приобретает|купил\w*|покупк\w*|поглощени\w*)",
    re.IGNORECASE,
)
_AWARD = LazyPattern(
    r"\b(?:awarded|won|wins|winners?)\b|(?:^|\s)(?:победител\w*|выиграл\w*)", re.IGNORECASE
)


def role_named(text: str) -> str | None:
    """`buyer` or `winner` when the sentence names a party by the role a deal gave it."""
    if _BUYER_ROLE.search(text):
        return "buyer"
    if _WINNER_ROLE.search(text):
        return "winner"
    return None


def role_holders(
    role: str, text: str, start: int, named: list[tuple[Actor, OrgRef]]
) -> list[OrgRef]:
    """The companies that took `role` in the step a sentence (its `text`, at `start` in
    its field, naming the organisations `named`) tells, or none: the winners all the
    companies it names; the buyer the company named before the purchase word, its subject,
    else the last named after it (`the acquisition of Babilon by Kazakhtelecom`)."""
    step = (_PURCHASE if role == "buyer" else _AWARD).search(text)
    companies = [(a, org) for a, org in named if org.kind == "company"]
    if step is None or not companies:
        return []
    if role == "winner":
        return list({org.id: org for _, org in companies}.values())
    at = start + step.start()
    before = [org for a, org in companies if a.offset < at]
    return before[:1] or [org for a, org in companies if a.offset > at][-1:]


def trades_a_company(sentence: Sentence) -> bool:
    """Does the sentence tell a deal in a company's shares or the sale of a company (`a
    75% stake`, `would sell another mobile operator`, `a deal for Kcell`)?"""
    text = sentence.text
    share_deal, company_sold, sold_before = _TRADE_GATE.may_match(text)
    if (share_deal and _SHARE_DEAL.search(text)) or (company_sold and _COMPANY_SOLD.search(text)):
        return True
    if not sold_before:
        return False
    spans = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.kind == "organization"
    ]
    return any(
        _SOLD_BEFORE.search(text, max(0, start - 40), start) and _SOLD_AFTER.match(text, end)
        for start, end in spans
    )
