"""The grammar words the event rules read, one table per language.

The cue words themselves (what signals a stage) are the maintainers' vocabulary and live
in entities.yaml (`stages:` for English, `languages: <code>: stages:` for the others);
the words here are the closed classes the rules are written in: negations, modals,
bridges, determiners, reference words, role words. A language missing a table reads
with the English one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..lazy_pattern import LazyPattern
from ..tagging.matcher import Tokens
from . import russian
from .russian import CueSpan


def every_cue_counts(
    index: int, cues: Sequence[CueSpan], governs: bool, governed: bool, text: str, tokens: Tokens
) -> bool:
    return True


@dataclass(frozen=True)
class Grammar:
    """The closed word classes of one language (all lower case, as `tokens` folds them)."""

    # Words that may stand between a governing cue and the cue it governs, or a negation
    # and its cue (`will also be laid`, `not yet launched`).
    bridges: frozenset[str]
    # ... and between a subject cue and the plan cue of its passive future.
    auxiliaries: frozenset[str]
    negations: frozenset[str]
    determiners: frozenset[str]  # definite: `the`, `this`, `both`
    articles: frozenset[str]  # determiners and indefinite articles
    prepositions: frozenset[str]  # that continue a noun-phrase cue (`construction of`)
    # A country followed closely by one of these qualifies a news outlet.
    media: frozenset[str]
    # A capital after these (at the end of what precedes it) is the venue: `in Bishkek`.
    venue: re.Pattern[str]
    # Pairs of actors named by reference: `the two countries`, `the sides`.
    country_pair: re.Pattern[str]
    actor_pair: re.Pattern[str]
    # One actor named by reference: `the company`, `the operator`, `it`, `we`.
    actor_reference: re.Pattern[str]
    # A reference word that names no actor: `it was reported that`.
    dummy_subject: re.Pattern[str]
    # Words that make a plan noun a frame, not what happens (`as part of its strategy`).
    frame: re.Pattern[str]
    # Opening words that make a sentence refer back to an event already told
    # (`The memorandum ...`, `The project ...`).
    event_reference: re.Pattern[str]
    # Words after a modal that state a benefit or a description, not an action
    # (`will help`, `will cover`): no plan.
    benefits: frozenset[str]
    # Benefit words that are an actor's own action after its plan (`Kcell will offer 5G`).
    actions: frozenset[str]
    # Words that may stand between a plan cue and its benefit: `expected that this will help`.
    benefit_subjects: frozenset[str]
    # Modals whose cue stands alone (`will`, `could`): a plan only with an actor subject.
    modals: frozenset[str]
    # Adverbs that may stand between an actor, its modal and its verb (`will definitely`),
    # and the ending that marks the others (`strategically`).
    adverbs: frozenset[str]
    adverb_ending: str
    # Plan nouns that make a plan only with an actor named (`among the priorities`).
    weak_plans: frozenset[str]
    # `is currently connected`: a state, not an action.
    state_adverbs: frozenset[str]
    # Reference words that name a country's government (`the government`).
    government_words: frozenset[str]
    # Words between `agreed to` and a talks cue that keep it talks (`agreed to continue talks`).
    continuing: frozenset[str]
    # Reference words that name a government body (`the ministry`): the last agency named.
    agency_words: frozenset[str]
    # Reference words that name a company (`the company`): the last company named.
    company_words: frozenset[str]
    # Starting verbs: with a work cue near, work began (`launched the construction`).
    starts: frozenset[str]
    # Irregular past participles (`will be built`): a passive future is a plan.
    participles: frozenset[str]
    # Endings of past-tense verbs: a cue written in the past matches only past forms.
    past_endings: tuple[str, ...]
    # A sentence about a training, an exercise or a gathering reports no talks or plan.
    gatherings: frozenset[str]
    # Conditions and hypotheses: no event (`if the deal is signed`).
    conditions: frozenset[str]
    # An open question: a verb of saying, deciding or knowing, negated or yet to be done,
    # and a question word (`did not say how`, `declined to say when`, `has yet to decide
    # which`, `unclear how`): what it asks is not known, no event. Said or explained in the
    # past it is answered (`explained how Beeline laid the line`): the event stands.
    open_question: re.Pattern[str]
    # Market forecasts: no plan.
    forecasts: frozenset[str]
    # Rankings and indices: market statistics, no event (`ranks 40th in an index`).
    rankings: frozenset[str]
    # A measure opening the sentence (`The share of households online rose …`, `Mobile
    # internet penetration stood at …`) and a verb of measuring after it: market statistics.
    measures: frozenset[str]
    measure_verbs: frozenset[str]
    # Fines and bribery cases: what is paid is a penalty, no deal.
    penalties: frozenset[str]
    # Praise (`highly appreciated`, `expressed satisfaction`): no event.
    praise: frozenset[str]
    # Words of comment (`declined to comment`, `от комментариев отказались`): what is
    # (not) commented on is told elsewhere; the sentence reports no deal action.
    comments: frozenset[str]
    # Words of a link that a negation denies (`is not connected to the state programme`,
    # `is not part of`): what follows is what something is not part of, no deal action.
    link_words: frozenset[str]
    # Participles that, right after a deal noun, tell a deal in passing (`contracts signed
    # last year`).
    passing: frozenset[str]
    # What a rule-maker brings in: a launch of these is a rule, not a service
    # (`a law introduced requirements`).
    rule_nouns: frozenset[str]
    # The role a word near a party gives it.
    roles: dict[str, str]
    # Joins of coordinated clauses (`, and`, `; `, `, while`): each clause opening on an
    # actor of its own, with a cue of its own, tells an event of its own.
    clause_join: re.Pattern[str]
    # Where a plan sentence may tell a second aim (`… by 2025, and the network should reach
    # all villages by 2027`): a conjunction or `;`.
    aim_join: re.Pattern[str]
    # Deal nouns in the plural (`memoranda`): signed `with` several partners, one each.
    plural_deals: frozenset[str]
    partner_word: re.Pattern[str]
    both: re.Pattern[str]  # `both` heading the partners
    # A sentence opening on a definition: `Starlink is a …`, `Starlink — …`.
    definition: re.Pattern[str]
    # A finite verb (matched at a cue's start): the predicate of its clause, outside a frame.
    predicate: re.Pattern[str] = re.compile(r"(?!)")
    # Verbs (or a phrase's words) of a replacement (`replace it with`, `in place of`): a
    # party dropped only where an organisation is named right after the cue; else
    # equipment or a loan was replaced.
    replacements: frozenset[str] = frozenset()
    # Verbs of an offer: talks only when made to someone named right after the cue, or
    # followed by `to` (`offered the government assistance`, `offered to build`).
    offers: frozenset[str] = frozenset()
    # Bodies an offer may be made to, named by a common noun (`the Kyrgyz government`).
    recipients: frozenset[str] = frozenset()
    # A halt word right before a cable (`suspension of fiber-optic lines`): cables hung on
    # poles, work done, no deal halted.
    halt_words: frozenset[str] = frozenset()
    # Many satellites launched build a constellation (`launched 27 more satellites`): work.
    fleet_nouns: frozenset[str] = frozenset()
    # A plan participle in a long adjective form (Russian `запланированной`): it qualifies a
    # noun (English tells one by the article before it: `the planned network`).
    plan_adjective: re.Pattern[str] = re.compile(r"(?!)")
    # A service run as a trial (`in test mode`, `at the start of a trial`, `under a pilot`):
    # what it launched is testing under way.
    trial_mode: re.Pattern[str] = re.compile(r"(?!)")
    # A trial told as what came before the launch (`launched 5G after six months in test
    # mode`, `ending a pilot`): the launch is the service itself, no testing.
    trial_ended: frozenset[str] = frozenset()
    hung_lines: frozenset[str] = frozenset()
    # A plural class noun heading the actors (`Операторы A и B запустили`): each acts.
    distributive: re.Pattern[str] = re.compile(r"(?!)")
    # The language's own rules on whether a cue reports anything (events/russian.py).
    cue_counts: Callable[[int, Sequence[CueSpan], bool, bool, str, Tokens], bool] = every_cue_counts
    # Deal nouns a work word only qualifies (`the construction contract`): no work cue.
    deal_nouns: frozenset[str] = frozenset()
    # Reporting verbs: a clause with one attributes what is told (`, the ministry said`).
    reporting: frozenset[str] = frozenset()
    # Plan cues that state an intention: the verb after them is the action planned, never
    # a benefit (`plans to open a gateway`).
    intentions: frozenset[str] = frozenset()
    # An opening that names a deal already told as the frame of what follows (`Under the
    # memorandum, the sides will …`): the deal cue in it does not count.
    deal_frame: re.Pattern[str] = re.compile(r"(?!)")
    # An opening on a generic name of a deal (`The deal was signed …`, `The document …`):
    # whichever memorandum or agreement was told before.
    deal_reference: re.Pattern[str] = re.compile(r"(?!)")
    # Agreeing verbs: an agreement cue opening on one only says that something was agreed.
    agreeing: frozenset[str] = frozenset()
    # Words that end a verb's object and start another clause (`launched 5G and plans to`).
    joins: frozenset[str] = frozenset()
    # Words joining two predicates of one subject (`terminated the contract and signed a
    # new one`), and the words that may stand between the join and the second predicate.
    # An opening that says another event follows (`Separately, …`, `In a separate deal`):
    # the sentence reports no event told before.
    separate: re.Pattern[str] = re.compile(r"(?!)")
    # An opening on an ordinal (`The second project …`): one item of a list of its own.
    ordinal: re.Pattern[str] = re.compile(r"(?!)")
    # The word every vague past writes (`ago`): the `long_ago` pattern is read only where
    # it stands (a cheap test; the pattern scans the whole sentence).
    ago: str = ""
    # Bodies an authority sets up (`a taskforce was created`): an organisational step, no
    # work done.
    bodies: frozenset[str] = frozenset()
    # An opening on a vague past (`A few years ago, …`), or a vague past anywhere
    # (`almost three years ago`): an earlier event, undated.
    long_ago: re.Pattern[str] = re.compile(r"(?!)")
    # An opening that only says who told what came before (`This was announced by …`).
    attribution: re.Pattern[str] = re.compile(r"(?!)")
    # Words of an approval (`approved`, `ratified`): an authority's act on a deal, an event
    # apart from its signing.
    approvals: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    predicate_fillers: frozenset[str] = frozenset()
    # Endings of a past verb or participle: before a coordinator it pairs with the verb
    # after it in one predicate (`signed and ratified`, `подписали и ратифицировали`).
    verb_endings: tuple[str, ...] = ("ed",)
    # A word making the coordinator after it a comparison (`как и`: as).
    comparisons: frozenset[str] = frozenset()
    # Words right before a talks cue that tell more of a meeting already told (`also
    # discussed`, `the sides discussed`): the same talks, not another meeting.
    talks_told_on: frozenset[str] = frozenset()
    # Determiners negating a subject (`Neither operator has launched`) and the words a
    # clause opens after (`…, but no equipment was installed`).
    subject_negations: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    # Those who attend a gathering (`participants`, `speakers`): what they discussed is a
    # forum's discussion, talks only as more of talks told before.
    attendees: frozenset[str] = frozenset()
    # Words of capacity between a modal and an actor's own action: `Kcell will be able to
    # offer 5G` plans to offer it.
    capacity: frozenset[str] = frozenset()
    # A verb of providing and the services it may provide, a few words after it: an
    # actor's own action (`Kcell will provide 5G services`), not a benefit (`will provide
    # equipment` states a supply deal's content).
    providing: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()
    # The opening of a relative aside (`, which lent …`): what it tells is told in passing.
    aside: re.Pattern[str] = re.compile(r"(?!)")
    # The opening of a clause of time (`after Nordtel exited`, `before a court froze the
    # contract`): an action told in it is an event of its own beside the main one.
    time_clause: re.Pattern[str] = re.compile(r"(?!)")
    # The ending of a gerund: `after signing` opens no clause with a subject of its own.
    gerund_ending: str = ""
    # Words between a deal noun and its participle told in passing (`the deal was signed`).
    passing_fillers: frozenset[str] = frozenset()
    # A subject opening on a determiner between a deal noun and its participle (`the
    # agreement the operators signed`), and the words that show a phrase is none (a
    # preposition: `the agreement on the line was signed` is the deal told itself).
    passing_subjects: frozenset[str] = frozenset()
    passing_stops: frozenset[str] = frozenset()
    # A deal noun and, after a comma, its participle (`the memorandum with Cybernetica,
    # signed in May 2021,`): a deal told in passing; the group `memo` marks a memorandum.
    passing_aside: re.Pattern[str] = re.compile(r"(?!)")
    # Words before a talks cue that make the meeting a venue (`on the sidelines of a meeting`).
    venue_words: frozenset[str] = frozenset()
    # Words naming a source of the news right before a talks or deal cue (`people familiar
    # with the talks`, `sources close to the deal`): the cue says what the source knows.
    news_sources: frozenset[tuple[str, ...]] = frozenset()
    # Verbs of a delay: a work cue right after one (bar a determiner) names the work
    # delayed (`has again delayed the construction of the line`), no work under way.
    delays: frozenset[str] = frozenset()
    # A state of being open to someone (`открыта для инвесторов`, `открыт к
    # сотрудничеству`): readiness, no launch; the adjective and the words after it.
    openness: frozenset[str] = frozenset()
    open_to: frozenset[str] = frozenset()
    # Taking part, denied before talks (`was not invited to the talks`): those named
    # were not in them. Read with the words that may stand between it and the cue.
    # Words opening a time frame (`upon completion of the pilot, …`): what is done then is
    # told after; the launch named in the frame is no launch.
    time_frames: frozenset[str] = frozenset()
    joining: frozenset[str] = frozenset()
    joining_links: frozenset[str] = frozenset()
    told_on_adverbs: frozenset[str] = frozenset()  # those of them that name nobody (`also`)
    # Words naming partners other than those told, right after a partner's preposition
    # (`talks with other operators`, Russian `с другими операторами`): other talks. Not
    # so after a word making them each other (`with each other`, `with one another`), nor
    # before a noun naming the one counterpart (`with the other side`, `с другой стороной`;
    # Russian `с другой стороны` is `on the other hand`).
    others: frozenset[str] = frozenset()
    partner_prepositions: frozenset[str] = frozenset()
    reciprocal_openers: frozenset[str] = frozenset()
    counterpart_nouns: frozenset[str] = frozenset()
    # Completing verbs, and the studies and surveys whose completion is work done, no
    # service launched (`completed a feasibility study`; a test completed may open one).
    completions: frozenset[str] = frozenset()
    studies: frozenset[str] = frozenset()
    # What opens without a service launched: offices, academies, gatherings.
    premises: frozenset[str] = frozenset()
    # Adverbs that make a deal participle after them name a deal made before, when an
    # article or a preposition opens them (`from previously approved budget`; not
    # `Kcell previously borrowed`, `was previously approved`).
    told_before: frozenset[str] = frozenset()
    told_before_openers: frozenset[str] = frozenset()
    # Issues settled in talks: an agreement on them (`agreed on all open issues`) is a
    # result of the talks, no deal signed.
    issue_nouns: frozenset[str] = frozenset()
    # Words that list what a project is made of (`it has four components`, `consists of`):
    # work named after them describes the project, no work done.
    parts_of: frozenset[str] = frozenset()
    # Words of a plan once held (`initially`, `originally`): no plan told now.
    superseded: frozenset[str] = frozenset()
    # ... and the past of a schedule, two words (`was supposed to`, `должен был`): a
    # target missed, told beside what became of it.
    once_scheduled: frozenset[tuple[str, str]] = frozenset()
    # The word opening a clause a verb governs (`that`, `что`): after a word of a plan
    # once held, the plan the clause tells is that one (`планировалось, что …`).
    complementizers: frozenset[str] = frozenset()
    # A duty imposed (Russian `обязаны`, are obliged to), which the stems of a commitment
    # taken on (`обязался`) also read: a rule's condition, no plan of anyone's.
    duties: frozenset[str] = frozenset()
    # The verbs of a halt in the form a plan governs (`going to withdraw`): a halt
    # threatened, no plan.
    halt_verbs: frozenset[str] = frozenset()
    # The present of `be`: a participle right after it tells a state (`are connected`).
    present_be: frozenset[str] = frozenset()
    # Verbs of a state going on (`remains`, `stays`): a halt right after them tells where a
    # deal stands (`the route remains on hold`), no halt done.
    staying: frozenset[str] = frozenset()
    # Sectors other than digital connectivity (`trade`, `railway`): a deal or talks about
    # them, in a sentence naming no type, is no event of ours.
    other_sectors: frozenset[str] = frozenset()
    # Verbs of preparing (`prepare`, `draft`, `study`; Russian `подготовить`): agreeing to
    # them (`agreed to prepare a roadmap`) plans the work, no agreement made yet.
    preparing: frozenset[str] = frozenset()
    # Endings of a short passive participle (Russian `построена`, `осуществлено`): after a
    # future auxiliary (`будет`, a bare modal) it makes a passive future, a plan with no
    # actor needed, as `will be built` does.
    passive_endings: tuple[str, ...] = ()


ENGLISH = Grammar(
    bridges=frozenset(
        {
            *("be", "been", "being", "have", "has", "had", "to", "also", "further", "soon"),
            *("then", "now", "yet", "still", "already", "jointly", "fully", "first"),
            *("finally", "eventually", "gradually", "successfully", "officially"),
        }
    ),
    auxiliaries=frozenset({"is", "are", "was", "were", "has", "have", "had"}),
    negations=frozenset({"not", "no", "never", "neither", "nor"}),
    determiners=frozenset(
        {"the", "this", "these", "that", "those", "such", "its", "their", "both"}
    ),
    articles=frozenset(
        {"the", "this", "these", "that", "those", "such", "its", "their", "both", "a", "an"}
    ),
    prepositions=frozenset({"of", "on", "for", "in", "between", "with", "to", "at", "along"}),
    media=frozenset(
        {
            *("media", "news", "outlet", "outlets", "newspaper", "newspapers", "daily"),
            *("press", "broadcaster", "television", "tv", "radio", "journalist"),
            *("journalists", "reporter", "reporters", "correspondent", "publication"),
            *("magazine", "portal", "website", "websites", "newswire", "tabloid", "weekly"),
            *("broadsheet", "newsletter", "blog", "blogger", "bloggers", "columnist"),
        }
    ),
    venue=LazyPattern(r"\b(?:in|at)\s+$", re.IGNORECASE),
    country_pair=LazyPattern(
        r"\b(?:the\s+two|both)\s+(?:countries|states|nations|governments|republics)\b",
        re.IGNORECASE,
    ),
    actor_pair=LazyPattern(
        r"\b(?:the\s+(?:two\s+)?(?:sides|parties|partners)|both\s+(?:sides|parties|partners)"
        r"|(?:the\s+two|both)\s+(?:companies|firms|operators|organi[sz]ations))\b",
        re.IGNORECASE,
    ),
    actor_reference=LazyPattern(
        r"\b(?:the\s+(?:company|operator|telco|cellco|firm|provider|regulator|ministry"
        r"|agency|bank|government|enterprise|corporation|group)|it|we|they)\b",
        re.IGNORECASE,
    ),
    frame=LazyPattern(
        r"\b(?:part\s+of|framework\s+of|in\s+line\s+with|in\s+accordance\s+with"
        r"|element\s+of|component\s+of)\s+(?:\S+\s+){0,5}$",
        re.IGNORECASE,
    ),
    dummy_subject=LazyPattern(
        r"\bit\s+(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?(?:reported|noted"
        r"|said|announced|planned|expected|known|stated|decided|emphasized|emphasised|clear"
        r"|important|necessary|possible|likely|hoped|believed|assumed)\b",
        re.IGNORECASE,
    ),
    event_reference=LazyPattern(
        r"^\W*(?:the|this|that|these|such\s+an?|under\s+the|within\s+the|according\s+to\s+the"
        r"|as\s+part\s+of\s+the)\s+(?:\w+\s+){0,2}?(?:memorandum|memorandums|mou|agreement"
        r"|agreements|contract|contracts|deal|document|documents|project|talks|meeting"
        r"|negotiations|discussions|transaction|partnership)\b",
        re.IGNORECASE,
    ),
    benefits=frozenset(
        {
            *("help", "helps", "allow", "allows", "enable", "enables", "benefit", "improve"),
            *("increase", "boost", "ensure", "contribute", "facilitate", "cover", "span"),
            *("cost", "costs", "serve", "reach", "become", "be", "make", "bring", "strengthen"),
            *("promote", "create", "give", "offer", "raise", "reduce", "support", "accelerate"),
            *("enhance", "open", "need", "require", "remain", "continue", "focus", "play"),
            *("gain", "get", "have", "see", "enjoy", "provide", "use", "used", "able"),
            *("cut", "lower", "save", "hurt", "harm", "pave", "keep", "store", "mean"),
            # what a facility will do once built describes it (`will host the portal`)
            *("host", "house", "track", "monitor", "manage", "process", "handle", "transmit"),
        }
    ),
    actions=frozenset({"open", "offer", "create"}),
    benefit_subjects=frozenset({"that", "this", "it", "which"}),
    modals=frozenset({"will", "would", "could", "might", "can"}),
    adverbs=frozenset(
        {
            *("definitely", "likely", "probably", "jointly", "soon", "also", "now", "then"),
            *("further", "still", "together", "reportedly", "gradually", "actively", "not"),
        }
    ),
    adverb_ending="ly",
    weak_plans=frozenset(
        {
            *("priority", "priorities", "goal", "goals", "objective", "objectives", "target"),
            *("targets", "agenda", "concept", "concepts"),
        }
    ),
    state_adverbs=frozenset({"currently", "already", "now", "still"}),
    government_words=frozenset({"government", "country", "state", "republic"}),
    continuing=frozenset({"continue", "hold", "conduct", "start", "begin", "resume"}),
    issue_nouns=frozenset({"issue", "issues", "question", "questions", "details", "points"}),
    talks_told_on=frozenset(
        {"also", "sides", "parties", "delegates", "participants", "speakers", "panellists"}
    ),
    attendees=frozenset({"participants", "speakers", "panellists", "panelists", "attendees"}),
    subject_negations=frozenset({"no", "neither", "none"}),
    clause_openers=frozenset(
        {"and", "but", "while", "whereas", "yet", "although", "though", "after", "before", "when"}
    ),
    told_on_adverbs=frozenset({"also"}),
    others=frozenset({"other", "another"}),
    partner_prepositions=frozenset({"with", "to"}),
    reciprocal_openers=frozenset({"each", "one"}),
    counterpart_nouns=frozenset({"side", "party"}),
    venue_words=frozenset({"sidelines", "margins", "sideline", "margin"}),
    news_sources=frozenset({("familiar", "with"), ("close", "to"), ("involved", "in")}),
    delays=frozenset({"delayed", "delaying", "postponed", "postponing", "stalled"}),
    time_frames=frozenset({"upon"}),
    joining=frozenset({"invited", "attend", "attended", "join", "joined", "participate"}),
    joining_links=frozenset({"to", "in", "the", "any", "these", "those", "such"}),
    capacity=frozenset({"able"}),
    providing=frozenset({"provide"}),
    services=frozenset(
        {
            *("service", "services", "internet", "access", "connectivity", "coverage"),
            *("communication", "communications", "broadband"),
        }
    ),
    aside=LazyPattern(r",\s+(?:which|who)\b", re.IGNORECASE),
    time_clause=LazyPattern(r"\b(?:after|before|when)\b", re.IGNORECASE),
    gerund_ending="ing",
    passing_fillers=frozenset({"they", "it", "we", "was", "were", "had", "has", "have", "been"}),
    passing_subjects=frozenset({"the", "its", "their"}),
    passing_aside=LazyPattern(
        r"\b(?:(?P<memo>memorandum|memorandums|memoranda|mou)|agreement|agreements|contract"
        r"|contracts|deal|loan|loans|credit|grant)\b(?:[^,.;:()]|\(\w+\)){0,100}?,\s+"
        r"(?:signed|concluded|ratified)\b",
        re.IGNORECASE,
    ),
    passing_stops=frozenset(
        {"on", "for", "of", "in", "with", "to", "from", "by", "at", "about", "between", "under"}
    ),
    agency_words=frozenset({"ministry", "agency", "regulator"}),
    company_words=frozenset({"company", "operator", "telco", "cellco", "firm", "provider"}),
    starts=frozenset({"launched", "launches", "started", "began", "begun", "commenced"}),
    replacements=frozenset({"replace", "replaced", "replaces", "replacing", "in place of"}),
    offers=frozenset({"offered"}),
    recipients=frozenset({"government", "authorities", "ministry", "agency", "regulator"}),
    halt_words=frozenset({"suspension", "suspended"}),
    fleet_nouns=frozenset({"satellites"}),
    trial_mode=LazyPattern(
        r"\b(?:in|on)\s+(?:an?\s+|the\s+)?(?:trial|pilot|test|testing|experimental)\s+"
        r"(?:mode|regime|basis|phase|operation)\b"
        r"|\b(?:at\s+the\s+(?:start|beginning|launch)\s+of|under|during|as\s+part\s+of)\s+"
        r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:trial|pilot|test)\b",
        re.IGNORECASE,
    ),
    trial_ended=frozenset({"after", "following", "ending", "ended", "concluding", "completing"}),
    hung_lines=frozenset({"fiber", "fibre", "optic", "optical", "cable", "cables", "focl", "wire"}),
    # The closed class of irregular past participles not ending in `-ed` (`led`, `fed`
    # already do), with their common prefixed forms: `will be spent on`, `is to be sold`.
    participles=frozenset(
        {
            *("arisen", "awoken", "borne", "born", "beaten", "become", "begun", "bent"),
            *("bet", "bid", "bidden", "bound", "bitten", "blown", "broken", "brought"),
            *("broadcast", "built", "burnt", "burst", "bought", "cast", "caught", "chosen"),
            *("clung", "come", "cost", "crept", "cut", "dealt", "dug", "done", "drawn"),
            *("dreamt", "drunk", "driven", "dwelt", "eaten", "fallen", "felt", "fought"),
            *("found", "flung", "flown", "forbidden", "forecast", "foreseen", "forgotten"),
            *("forgiven", "forsaken", "frozen", "got", "gotten", "given", "gone", "ground"),
            *("grown", "hung", "heard", "hidden", "hit", "held", "hurt", "kept", "knelt"),
            *("knit", "known", "laid", "lain", "leant", "leapt", "learnt", "left", "lent"),
            *("let", "lit", "lost", "made", "meant", "met", "mown", "paid", "proven", "put"),
            *("quit", "read", "rid", "ridden", "rung", "risen", "run", "sawn", "said"),
            *("seen", "sought", "sold", "sent", "set", "sewn", "shaken", "shorn", "shone"),
            *("shot", "shown", "shrunk", "shut", "sung", "sunk", "sat", "slain", "slept"),
            *("slid", "slung", "slit", "smelt", "sown", "spoken", "spelt", "spent", "spilt"),
            *("spun", "spat", "split", "spoilt", "spread", "sprung", "stood", "stolen"),
            *("stuck", "stung", "stunk", "strewn", "stridden", "struck", "strung"),
            *("striven", "sworn", "swept", "swollen", "swum", "swung", "taken", "taught"),
            *("torn", "told", "thought", "thrown", "thrust", "trodden", "woken", "worn"),
            *("woven", "wept", "won", "wound", "written"),
            # prefixed forms the press writes
            *("overseen", "overtaken", "overrun", "rebuilt", "rewritten", "retaken"),
            *("resold", "remade", "undergone", "undertaken", "understood", "underwritten"),
            *("upheld", "upset", "withdrawn", "withheld", "withstood", "outgrown"),
            *("mistaken", "misunderstood", "foregone", "relaid", "rerun"),
        }
    ),
    past_endings=(),
    gatherings=frozenset(
        {
            *("training", "trainings", "trained", "exercise", "exercises", "drill", "drills"),
            *("course", "courses", "workshop", "workshops", "seminar", "seminars"),
            *("webinar", "hackathon", "olympiad"),
            *("bootcamp", "masterclass"),
        }
    ),
    conditions=frozenset({"if", "unless", "whether"}),
    open_question=LazyPattern(
        r"(?:(?:\bnot|n't|\bnever|\byet)\s+(?:\w+\s+){0,2}?|\bto\s+)"
        r"(?:decide|decided|say|said|disclose|disclosed|know|known|clear|explain|explained"
        r"|specify|specified|determine|determined|announce|announced|reveal|revealed|confirm"
        r"|confirmed)\s+(?:how|when|where|which|what|who|whom)\b"
        r"|\b(?:unclear|unknown|decides|deciding|ask|asked|asking)"
        r"\s+(?:how|when|where|which|what|who|whom)\b",
        re.IGNORECASE,
    ),
    forecasts=frozenset({"forecast", "forecasts", "cagr", "projected", "estimates", "estimated"}),
    rankings=frozenset({"rank", "ranks", "ranked", "ranking", "rankings"}),
    measures=frozenset({"number", "share", "capacity", "penetration", "count"}),
    measure_verbs=frozenset(
        {
            *("exceeded", "exceeds", "surpassed", "passed", "reached", "reaches", "topped"),
            *("grew", "grown", "rose", "risen", "fell", "fallen", "dropped", "declined"),
            *("stood", "stands", "totalled", "totaled", "below", "above"),
        }
    ),
    penalties=frozenset({"fine", "fines", "fined", "penalty", "penalties", "bribery", "bribes"}),
    passing=frozenset(
        {"signed", "concluded", "reached", "ratified", "awarded", "approved", "granted"}
    ),
    praise=frozenset({"appreciated", "praised", "commended", "satisfaction", "gratitude"}),
    comments=frozenset({"comment", "comments", "commented", "commenting"}),
    link_words=frozenset(
        {"connected", "linked", "related", "tied", "part", "affiliated", "attached"}
    ),
    rule_nouns=frozenset(
        {
            *("requirement", "requirements", "rule", "rules", "regulation", "regulations"),
            *("restriction", "restrictions", "ban", "bans", "fee", "fees", "tariff", "tariffs"),
            *("tax", "taxes", "duty", "duties", "fine", "fines", "penalty", "penalties"),
            *("quota", "quotas", "limit", "limits", "norm", "norms", "obligation", "obligations"),
            *("amendment", "amendments", "bill", "law", "licensing"),
        }
    ),
    roles={
        **dict.fromkeys(("buy", "buys", "bought", "acquire", "acquires", "acquired"), "buyer"),
        **dict.fromkeys(("sell", "sells", "sold", "sale", "selloff"), "seller"),
        **dict.fromkeys(
            ("loan", "loans", "lend", "lent", "credit", "financing", "grant"), "lender"
        ),
        **dict.fromkeys(("contractor", "supplier", "vendor", "supply", "supplies"), "contractor"),
        **dict.fromkeys(("operator", "telco", "cellco", "carrier"), "operator"),
        **dict.fromkeys(("regulator", "licence", "license", "licences", "spectrum"), "regulator"),
    },
    clause_join=LazyPattern(r"(?:,|;)\s*(?:and|while|whereas|but)?\s+(?:the\s+|its\s+)?"),
    aim_join=LazyPattern(r",?\s+(?:and|while|whereas|with)\s+|;\s*"),
    plural_deals=frozenset(
        {
            *("memoranda", "memorandums", "mous", "agreements", "contracts", "deals"),
            *("partnerships", "protocols", "roadmaps"),
        }
    ),
    partner_word=LazyPattern(r"\bwith\b", re.IGNORECASE),
    both=LazyPattern(r"\s*both\b", re.IGNORECASE),
    definition=LazyPattern(r"\W*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:is|are)\s+(?:a|an)\s"),
    deal_nouns=frozenset(
        {
            *("contract", "contracts", "agreement", "agreements", "deal", "deals", "loan"),
            *("loans", "tender", "tenders", "memorandum", "mou", "licence", "license"),
        }
    ),
    reporting=frozenset(
        {
            *("said", "says", "say", "told", "confirmed", "announced", "reported", "noted"),
            *("added", "stated", "according", "quoted", "cited", "explained", "reports"),
        }
    ),
    intentions=frozenset(
        {
            *("plans", "plan", "planned", "planning", "intends", "intend"),
            # a schedule names the action to come too (`is due to open`, `scheduled to open`)
            *("due", "scheduled", "slated", "set"),
        }
    ),
    agreeing=frozenset({"agreed", "agree", "agrees"}),
    present_be=frozenset({"is", "are"}),
    staying=frozenset({"remains", "remain", "remained", "stays", "stay", "stayed"}),
    other_sectors=frozenset(
        {"trade", "transport", "railway", "railways", "agriculture", "agricultural", "tourism"}
        | {"logistics", "pipeline", "gas", "oil", "humanitarian", "customs", "roads"}
    ),
    told_before=frozenset({"previously", "earlier", "already"}),
    told_before_openers=frozenset(
        {"the", "a", "an", "its", "their", "from", "under", "of", "with", "to", "on", "for", "by"}
    ),
    superseded=frozenset({"initially", "originally", "original"}),
    once_scheduled=frozenset(
        {("was", "supposed"), ("were", "supposed"), ("was", "meant"), ("were", "meant")}
    ),
    complementizers=frozenset({"that"}),
    halt_verbs=frozenset(
        {
            *("terminate", "withdraw", "cancel", "pull", "abandon", "scrap", "suspend", "halt"),
            *("stop", "freeze", "revoke", "exit", "quit", "annul", "shelve", "ditch"),
        }
    ),
    completions=frozenset({"completed", "completes", "complete", "finished", "finishes"}),
    studies=frozenset(
        {
            *("study", "studies", "survey", "surveys", "audit", "assessment", "feasibility"),
        }
    ),
    premises=frozenset(
        {
            *("office", "offices", "academy", "academies", "branch", "branches", "showroom"),
            *("conference", "exhibition", "expo", "forum", "summit", "congress", "headquarters"),
        }
    ),
    parts_of=frozenset({"components", "consists", "comprises"}),
    preparing=frozenset(
        {"prepare", "draft", "study", "consider", "examine", "explore", "elaborate", "assess"}
    ),
    joins=frozenset({"and", "but", "which", "that", "while", "who", "where", "as"}),
    separate=LazyPattern(
        r"^\W*(?:separately|meanwhile|in\s+(?:a\s+separate|another)\s+(?:deal|agreement"
        r"|move|development|transaction|report))\b",
        re.IGNORECASE,
    ),
    long_ago=LazyPattern(
        r"^\W*(?:a\s+few|several|some|many|two|three|\d+)?\s*(?:years|decades)\s+ago\b"
        # a vague past anywhere: `received the loan almost three years ago`
        r"|^.*?\b(?:(?:almost|nearly|more\s+than|over|about|some)\s+(?:a\s+few|several|two"
        r"|three|four|five|six|seven|eight|nine|ten|\d+)|a\s+few|several|many)"
        r"\s+(?:years|decades)\s+ago\b",
        re.IGNORECASE,
    ),
    ordinal=LazyPattern(r"^\W*(?:the\s+)?(?:first|second|third|fourth|fifth)\b", re.IGNORECASE),
    attribution=LazyPattern(
        r"^\W*(?:this|that)\s+(?:was|has\s+been)\s+(?:announced|reported|stated|said|disclosed)"
        r"\s+by\b",
        re.IGNORECASE,
    ),
    approvals=frozenset({"approved", "ratified", "ratification", "endorsed", "approval"}),
    coordinators=frozenset({"and", "but"}),
    predicate_fillers=frozenset(
        {"has", "have", "had", "was", "were", "since", "also", "then", "later", "now", "so"}
    ),
    # `according to` frames only with a deal or a plan (`According to the memorandum,`):
    # `According to the agency,` names who told it.
    deal_frame=LazyPattern(
        r"^\W*(?:(?:under|within|as\s+part\s+of|in\s+line\s+with|in\s+accordance\s+with)"
        r"\s+(?:the|this|that|these|its|their)\s"
        r"|according\s+to\s+(?:the|this|that|these|its|their)\s+(?=(?:[\w-]+\s+){0,3}?"
        r"(?:memorand|agreement|contract|deal|document|terms|plan|programme|program|roadmap"
        r"|decree|resolution|project|schedule|strategy|concept)))[^,;]*,",
        re.IGNORECASE,
    ),
    deal_reference=LazyPattern(
        r"^\W*(?:the|this|that|these)\s+(?:deal|deals|agreement|agreements|document|documents)\b",
        re.IGNORECASE,
    ),
    ago="ago",
    bodies=frozenset(
        {
            *("taskforce", "directorate", "headquarters", "commission", "committee"),
            "council",
        }
    ),
)

RUSSIAN = Grammar(
    bridges=frozenset(
        {
            *("быть", "будет", "будут", "был", "была", "было", "были", "уже", "также"),
            *("еще", "ещё", "полностью", "официально", "успешно", "совместно", "и"),
        }
    ),
    auxiliaries=frozenset({"будет", "будут", "был", "была", "было", "были"}),
    negations=frozenset({"не", "ни", "нет"}),
    determiners=frozenset({"этот", "эта", "это", "эти", "данный", "данное", "данная", "оба"}),
    articles=frozenset({"этот", "эта", "это", "эти", "данный", "данное", "данная", "оба"}),
    prepositions=frozenset({"по", "на", "в", "для", "между", "с", "о", "об"}),
    # (each case of the outlet's noun: `по информации российского издания`, `в казахстанской
    # газете`; `агентство` only as named, its other cases mostly an agency of the state)
    media=frozenset(
        {
            *("сми", "медиа", "агентство", "бюро", "радио", "телевидение", "телевидения"),
            *("издание", "издания", "изданию", "изданием", "издании", "изданий"),
            *("информагентство", "информагентства", "информагентству", "информагентством"),
            *("газета", "газеты", "газете", "газету", "газетой", "газет"),
            *("телеканал", "телеканала", "телеканалу", "телеканалом", "телеканале"),
            *("портал", "портала", "порталу", "порталом", "портале"),
            *("сайт", "сайта", "сайту", "сайтом", "сайте"),
            *("журнал", "журнала", "журналу", "журналом", "журнале"),
            *("новостной", "новостное", "новостная", "новостного", "новостному", "новостным"),
            *("новостную", "новостном", "новостные", "новостных"),
        }
    ),
    venue=LazyPattern(r"(?:^|\s)(?:в|во)\s+$", re.IGNORECASE),
    country_pair=LazyPattern(r"\b(?:две|двух|обе|обеих|оба)\s+стран\w*", re.IGNORECASE),
    actor_pair=LazyPattern(r"(?:^|\s)(?:стороны|сторон|сторонами|обе\s+компании)\b", re.I),
    actor_reference=LazyPattern(
        r"(?:^|\s)(?:компания|компании|оператор|министерство|ведомство|правительство|мы)\b",
        re.IGNORECASE,
    ),
    frame=LazyPattern(r"(?:в\s+рамках|в\s+соответствии\s+с)\s+(?:\S+\s+){0,5}$", re.IGNORECASE),
    dummy_subject=LazyPattern(r"(?!)"),
    deal_reference=LazyPattern(
        r"^\W*(?:(?:этот|эта|это|данный|данное|данная)\s+)?"
        r"(?:документ\w*|соглашени\w*|договор\w*|сделк\w*)\b",
        re.IGNORECASE,
    ),
    ago="назад",
    bodies=frozenset(
        {
            *("штаб", "дирекция", "дирекции", "комиссия", "комиссии", "совет", "комитет"),
        }
    ),
    long_ago=LazyPattern(
        r"^.*?(?:^|\s)(?:несколько|много|(?:почти|более|около|свыше)\s+\S+)\s+"
        r"(?:лет|года|десятилетий)\s+назад",
        re.IGNORECASE,
    ),
    event_reference=LazyPattern(
        r"^\W*(?:этот|эта|это|данный|данное|данная|в\s+рамках)\s+(?:\w+\s+){0,2}?"
        r"(?:меморандум\w*|соглашени\w*|договор\w*|контракт\w*|проект\w*|документ\w*"
        r"|встреч\w*|переговор\w*)",
        re.IGNORECASE,
    ),
    benefits=frozenset(
        {
            *("позволит", "позволят", "поможет", "помогут", "обеспечит", "обеспечат"),
            *("станет", "станут", "улучшит", "повысит", "охватит", "составит"),
            # An obligation to meet a standard or a purpose served (`должны соответствовать
            # требованиям`, `будет служить`) describes, it plans nothing.
            *("соответствовать", "соответствует", "соответствуют", "служить", "служит"),
            *("послужит", "послужат"),
        }
    ),
    actions=frozenset(),
    benefit_subjects=frozenset({"что", "это", "он", "она", "оно", "они"}),
    # `будет`, `будут` (will) plan as `will` does: an actor before them, or a passive future.
    modals=frozenset({"может", "могут", "мог", "могли", "будет", "будут"}),
    adverbs=frozenset({"также", "совместно", "вероятно", "скоро"}),
    adverb_ending="",
    weak_plans=frozenset({"приоритет", "приоритеты", "цель", "цели", "задача", "задачи"}),
    state_adverbs=frozenset({"сейчас", "уже", "ныне"}),
    government_words=frozenset({"правительство"}),
    continuing=frozenset({"продолжить", "провести", "начать", "возобновить"}),
    issue_nouns=frozenset({"вопросам", "вопросы", "вопросов", "деталям", "деталях"}),
    talks_told_on=frozenset({"также", "стороны", "участники", "делегаты", "спикеры"}),
    attendees=frozenset({"участники", "спикеры", "выступающие", "докладчики"}),
    told_on_adverbs=frozenset({"также"}),
    others=frozenset({"другими", "других", "другим", "другой", "иными", "иных", "иным"}),
    partner_prepositions=frozenset({"с", "со"}),
    counterpart_nouns=frozenset({"стороной", "стороны", "стороне"}),
    venue_words=frozenset({"кулуарах"}),
    other_sectors=frozenset(
        {"торговли", "торговле", "торговлю", "транспорта", "транспорте", "железной"}
        | {"железнодорожного", "железнодорожной", "сельского", "туризма", "логистики"}
        | {"газопровода", "газопроводу", "нефти", "газа", "таможенного", "гуманитарной"}
    ),
    staying=frozenset(
        {"остается", "остаётся", "остаются", "оставался", "оставалась", "оставалось", "оставались"}
    ),
    # the pronoun may close a short noun phrase (`, вторая очередь которой была запущена …`)
    # or follow a preposition (`, с которой Кселл подписал контракт`)
    aside=LazyPattern(
        r",\s+(?:[^\W\d]+\s+){0,3}?котор(?:ый|ая|ое|ые|ую|ого|ой|ым|ых)\b", re.IGNORECASE
    ),
    time_clause=LazyPattern(
        r"(?<!\w)(?:после\s+того,?\s+как|до\s+того,?\s+как|перед\s+тем,?\s+как|когда|пока)(?!\w)",
        re.IGNORECASE,
    ),
    agency_words=frozenset({"министерство", "ведомство"}),
    company_words=frozenset({"компания", "компании", "оператор"}),
    starts=frozenset({"начато", "начата", "начались", "началось", "стартовало", "запущено"}),
    participles=frozenset(),
    coordinators=frozenset({"и", "но"}),
    predicate_fillers=frozenset({"также", "затем", "потом", "уже", "впоследствии"}),
    verb_endings=("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"),
    comparisons=frozenset({"как"}),
    # Past tense and short passive participles (`проложили`, `проложена`): the other
    # forms of such a verb are its future when it is perfective (`проложит`: will lay).
    past_endings=(
        *("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"),
        *("ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены", "ён", "ёна", "ёно", "ёны"),
    ),
    gatherings=frozenset(
        {
            *("тренинг", "тренинги", "обучение", "учения", "семинар", "конференция", "выставка"),
            *("совещание", "совещания", "совещании", "форум", "форума", "форуме"),
        }
    ),
    conditions=frozenset({"если", "ли"}),
    open_question=LazyPattern(
        r"(?:\bне\s+(?:\w+\s+)?(?:сообщили|сообщил|сообщила|сообщило|уточнили|уточнил"
        r"|уточнила|известно|ясно|объяснили|раскрыли|раскрывают|сказали|сказал)"
        r"|\b(?:решить|решать|решает|решат|решит|неизвестно|неясно|объяснить|определить"
        r"|определят|сказать|уточнить))\s*,?\s+"
        r"(?:как|когда|где|какой|какая|какое|какие|каким|какими|кто|кому|сколько)\b",
        re.IGNORECASE,
    ),
    duties=frozenset({"обязан", "обязана", "обязано", "обязаны"}),
    superseded=frozenset(
        {"первоначально", "изначально", "первоначальный", "первоначальным", "первоначальному"}
        | {"планировалось", "предполагалось", "намечалось"}  # `ранее планировалось, что …`
    ),
    once_scheduled=frozenset(
        {("должен", "был"), ("должна", "была"), ("должно", "было"), ("должны", "были")}
    ),
    complementizers=frozenset({"что"}),
    # the infinitives no halt cue reads itself (`расторгнуть` is read as `расторг` planned)
    halt_verbs=frozenset({"свернуть", "отозвать", "остановить"}),
    completions=frozenset({"завершил", "завершила", "завершило", "завершили", "завершен"}),
    plan_adjective=LazyPattern(
        r"(?:за)?планир(?:уем|ованн)(?:ый|ая|ое|ые|ого|ой|ому|ым|ыми|ых|ую)"
        r"|намеченн(?:ый|ая|ое|ые|ого|ой|ому|ым|ыми|ых|ую)"
    ),
    trial_mode=LazyPattern(
        r"\bв\s+(?:пилотном|тестовом|опытном|экспериментальном)\s+режиме\b"
        r"|\bв\s+режиме\s+(?:тестирования|пилот\w*|эксперимент\w*|опытной\s+эксплуатации)"
        r"|\bв\s+рамках\s+(?:\w+\s+){0,2}?(?:пилот\w*|эксперимент\w*|тестирован\w*|испытани\w*)",
        re.IGNORECASE,
    ),
    trial_ended=frozenset({"после", "завершения", "окончания", "завершив", "завершении"}),
    studies=frozenset(
        {
            *("исследование", "обследование", "тэо", "изыскания", "аудит"),
        }
    ),
    premises=frozenset(
        {
            # the object of a verb (`открыла офис`), not of a noun (`открытие офиса`)
            *("офис", "представительство", "филиал", "академию"),
            *("академия", "конференция", "выставка", "форум", "саммит", "конгресс"),
        }
    ),
    parts_of=frozenset({"компонента", "компонентов", "компоненты", "состоит", "состоящий"}),
    preparing=frozenset(
        {"подготовить", "рассмотреть", "проработать", "изучить", "разработать", "определить"}
    ),
    passive_endings=(
        *("ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены", "ён", "ёна", "ёно", "ёны"),
        *("ят", "ята", "ято", "яты"),
    ),
    forecasts=frozenset({"прогноз", "прогнозу", "прогнозам", "прогнозируется", "мнению"}),
    rankings=frozenset({"рейтинг", "рейтинге", "рейтинга", "рейтингу"}),
    measures=frozenset({"число", "количество", "доля", "проникновение"}),
    measure_verbs=frozenset(
        {
            *("превысило", "превысила", "превышает", "достигло", "достигла", "достигает"),
            *("выросло", "выросла", "увеличилось", "увеличилась", "снизилось", "снизилась"),
            *("сократилось", "сократилась", "составило", "составила", "составляет", "ниже"),
        }
    ),
    penalties=frozenset({"штраф", "штрафа", "штрафы", "штрафов", "штрафом"}),
    passing=frozenset(),
    # `кредита ЕАБР, подписанного в прошлом году`: a deal told in passing, its participle
    # after a comma (an acronym in brackets between: `(АБИИ)`).
    passing_aside=LazyPattern(
        r"(?<!\w)(?:(?P<memo>меморандум\w*)|соглашени\w*|договор\w*|контракт\w*|кредит\w*"
        r"|за[её]м\w*|займ\w*|грант\w*)(?:[^,.;:()]|\(\w+\)){0,100}?,\s+"
        r"(?:подписанн|заключенн|заключённ|ратифицированн)\w*",
        re.IGNORECASE,
    ),
    replacements=frozenset({"заменил", "заменила", "заменило", "заменили"}),
    openness=frozenset({"открыт", "открыта", "открыто", "открыты"}),
    open_to=frozenset({"для", "к"}),
    praise=frozenset({"удовлетворение", "благодарность", "поблагодарил", "поблагодарила"}),
    comments=frozenset(
        {
            *("комментарий", "комментария", "комментариев", "комментарии", "комментариях"),
            *("комментировать", "комментирует", "комментируют", "комментировал"),
            *("комментировала", "комментировали", "прокомментировать", "прокомментировал"),
            *("прокомментировала", "прокомментировали"),
        }
    ),
    link_words=frozenset(
        {"связан", "связана", "связано", "связаны", "относится", "относятся", "входит"}
    ),
    rule_nouns=frozenset(
        {
            *("требование", "требования", "правило", "правила", "ограничение", "ограничения"),
            *("запрет", "пошлину", "пошлины", "налог", "налоги", "сбор", "сборы", "штрафы"),
            *("нормы", "квоты", "поправки", "тарифы"),
        }
    ),
    roles={},
    clause_join=LazyPattern(r"(?:,|;)\s*(?:и|а|тогда\s+как|в\s+то\s+время\s+как)?\s+"),
    aim_join=LazyPattern(r",?\s+(?:а|и)\s+|;\s*"),
    plural_deals=frozenset(
        {"меморандумы", "соглашения", "договоры", "контракты", "партнёрства", "партнерства"}
    ),
    partner_word=LazyPattern(r"(?:^|\s)(?:с|со)\s", re.IGNORECASE),
    both=LazyPattern(r"\s*(?:как|обеими)\b", re.IGNORECASE),
    # A definition's predicate after the dash opens in lower case (`Starlink — глобальная
    # система`); a dateline's dash opens the sentence (`АСТАНА. KAZINFORM – В 2025 году`).
    definition=LazyPattern(r"\W*\w[\w-]*(?:\s+\w[\w-]*){0,3}\s+[—–-]\s+[а-яёa-z]\w*"),
    predicate=LazyPattern(r"\w*(?:[еиуюаяё]т(?:ся)?|[аеиоуяё]л[аио]?(?:сь|ся)?)\b", re.IGNORECASE),
    distributive=LazyPattern(r"(?:^|\s)(?:операторы|операторов)\s", re.IGNORECASE),
    ordinal=LazyPattern(
        r"^\W*(?:перв|втор|трет|четв[её]рт|пят)(?:ый|ая|ое|ой|ые)\b", re.IGNORECASE
    ),
    attribution=LazyPattern(
        r"^\W*об\s+этом\s+(?:сообщил|заявил|рассказал|говорится)\w*", re.IGNORECASE
    ),
    cue_counts=russian.cue_counts,
)

GRAMMARS = {"en": ENGLISH, "ru": RUSSIAN}


def grammar_for(language: str | None) -> Grammar:
    return GRAMMARS.get(language or "en", ENGLISH)
