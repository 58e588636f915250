"""The stage each event has in a deal's story, from its evidence. Pure.

History: the deal's events in date order (undated ones by their article's date, then
last), each with the stage it has in the deal's story (side mentions, link.py rule 6,
are marked `background` and do not count for the status):
- an event whose evidence says the work was delayed or postponed (DELAY_CUES), or tells
  a step and then its stall (steps.py), is `stalled`; one that says a party was replaced
  (REPLACE_CUES) is `partner-change`, and one that ended a contract and signed a new one
  (SWAP_CUES) three entries: the `cancelled` contract, the `partner-change` and the new
  `agreement`;
- a block is `stalled`, not the end: an event (not a launch) telling of a ban, a
  restriction or a suspension (BLOCK_CUES, not `despite` it); talks or a plan of ending
  the deal (THREAT_CUES); a `cancelled` event the deal goes on after. After
  a dated cancellation the deal goes on with progress dated later (mou, agreement,
  deployment, launch); after an undated one, whose order is unknown, with any other event;
  a dated one telling an end, not a halt (END_CUES, no STALL_CUES), stays `cancelled`;
- a deployment or cancellation telling building work done (BUILT_DONE) is a `launch`;
- a deployment or launch whose completion is a condition (AHEAD_CUES), or that was to be
  done by a date and tells no delay (UNMET), is a `plan`, a
  launch of construction (WORK_BEGAN) or a study completed (STUDY_DONE) a `deployment`;
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import dateline_day, resolve_event_date
from ..dates.russian import MOVED_TO, MOVED_WORDS
from ..lazy_pattern import LazyPattern
from ..models import Event, PartialDate
from .model import ArticleFacts
from .rows import months_between
from .steps import DELAY_CUES, DELAY_WORDS, DESPITE, NOT_STARTED, WORK_DELAYED, Cue, two_steps

PROGRESS = ("mou", "agreement", "deployment", "launch")
BUILT = ("deployment", "launch")
# A contract ended and its work handed to another, in Russian (`расторгло контракт с China
# Comservice ... и передало работы турецкой Enka`): an end and a change of partner both.
_ENDED_AND_HANDED_ON = (
    r"\bрасторг\w*\s+(?:\w+\s+){0,2}?(?:контракт|договор|соглашени)\w*\b.{0,160}?"
    r"\bи\s+передал\w*\s+(?:работ|проект|строительств|подряд)"
)
# A contract ended and a new one signed with another party: the history tells the end,
# the change of partner and the new contract.
SWAP_CUES = Cue(
    r"\b(?:terminat\w*|ended|cancel\w*|rescind\w*)\b.{0,120}\b(?:signed|concluded|awarded)"
    r"\s+(?:a\s+)?new (?:one|contract|deal|agreement)\b.{0,20}\bwith\b"
    r"|" + _ENDED_AND_HANDED_ON,
    words=("terminat", "ended", "cancel", "rescind", "расторг"),
)
REPLACE_CUES = Cue(
    r"\b(?:replac(?:e|ed|es|ing)\b.{0,40}\bwith|(?:was|were|been) replaced by|instead of"
    r"|took over (?:from|the project|the contract)|in (?:place of|its place|their place)"
    # `сменил подрядчика`, `согласовали замену подрядчика`
    r"|(?:смени\w*|замен[уаы])\s+(?:\w+\s+)?(?:подрядчика|поставщика|партн[её]ра|кредитора)"
    r"|" + _ENDED_AND_HANDED_ON + r"\w*"
    r"|(?:terminat\w*|ended|cancel\w*|rescind\w*)\b.{0,120}\bnew (?:one|contract|deal|partner)"
    r"\b.{0,20}\bwith"
    # `Nokia has replaced ZTE as technology partner`; `Nokia, которая заменила Ericsson в
    # качестве поставщика` (in the consortium, in the project)
    r"|replac(?:e|ed|es|ing)\b.{1,40}?\bas\s+(?:\w+\s+){0,2}?(?:partner|supplier|vendor"
    r"|contractor|operator|lender|investor|provider|integrator|developer)"
    r"|замени(?:л|ла|ли|т)\s+(?:\S+\s+){0,4}?в\s+(?:качестве|консорциуме|проекте)"
    # `dropped Nordtel in favour of Baltel`, `switched from Nordtel to Baltel`, `switched
    # suppliers`, `swapped Nordtel for Baltel`, `Baltel was named the new contractor`,
    # `became the project's new supplier`
    r"|(?:dropp|ditch|switch|chose|picked|select|opt)\w*\b[^.;]{0,60}?\bin\s+favou?r\s+of\s+"
    r"(?:\S+\s+)?(?-i:(?=[A-Z]))"
    r"|switch(?:ed|es|ing)\s+from\s+(?-i:[A-Z])\S*(?:\s+\S+){0,3}?\s+to\s+(?-i:(?=[A-Z]))"
    r"|switch(?:ed|es|ing)\s+(?:its\s+|their\s+)?(?:suppliers|vendors|contractors|partners|lenders)"
    r"|swapp(?:ed|ing)\s+(?-i:[A-Z])\S*(?:\s+\S+){0,3}?\s+for\s+(?-i:(?=[A-Z]))"
    r"|(?:(?:was|were|has\s+been|had\s+been)\s+(?:named|chosen|picked|selected|appointed)"
    r"|became)\s+(?:as\s+)?(?:the\s+|its\s+|their\s+)?(?:\S+\s+)?new\s+(?:contractor|supplier"
    r"|vendor|partner|lender|investor|integrator|operator)"
    # `вместо китайской Huawei` (not `Вместо этого «Оператор» …`: instead), `на смену
    # Nordtel пришла Baltel`, `заменило Nordtel на Baltel`, `подрядчик заменён на Baltel`,
    # `сменил подрядчиков`, `новым подрядчиком стала`
    r"|вместо\s+(?!(?:этого|того|него|нее|неё|них|всего)\b)(?-i:[а-яё]+\s+)?[«\"]?"
    r"(?-i:(?=[A-ZА-ЯЁ]))|на\s+смену\s+(?:\S+\s+)?[«\"]?(?-i:(?=[A-ZА-ЯЁ]))"
    r"|пришл\w*\s+на\s+смену"
    r"|замени(?:л|ла|ли|ло)\s+(?:\S+\s+){1,4}?на\s+(?-i:[а-яё]+\s+)?[«\"]?(?-i:(?=[A-ZА-ЯЁ]))"
    r"|замен[её]н\w*\s+(?:\S+\s+)?на\s+(?-i:[а-яё]+\s+)?[«\"]?(?-i:(?=[A-ZА-ЯЁ]))"
    r"|смени\w*\s+(?:\w+\s+)?(?:подрядчик|поставщик|партн[её]р|кредитор|инвестор)\w*"
    r"|нов\w+\s+(?:подрядчик|поставщик|партн[её]р|кредитор|инвестор)\w*\s+(?:\S+\s+)?(?:стал|выбран"
    r"|назначен)\w*)\b",
    words=(
        *("replac", "instead of", "took over", "place", "terminat", "ended", "cancel"),
        *("rescind", "favour", "favor", "switch", "swapp", "new "),
        *("замени", "смени", "замен", "расторг", "вместо", "смену", "нов"),
    ),
)
# A body taking over from its predecessor (`the ministry, which took over the project when
# the former ministry was reorganised`) is the same party renamed, no partner change.
REORGANISED = Cue(
    r"\b(?:reorgani[sz]\w*|renamed|successor|merged\s+into|реорганиз\w*|переименова\w*"
    r"|преобразова\w*|правопреемник\w*)",
    words=(
        "reorgani",
        "renamed",
        "successor",
        "merged",
        "реорганиз",
        "переименова",
        "преобразова",
        "правопреемник",
    ),
)
# A block (a ban, a restriction, a suspension) stops a deal without ending it; `despite`
# the block tells of work going on, and a hyphenated one (`currently-banned`) describes.
# `blocks` as a noun (`won two blocks of spectrum`, `a block in the 800 MHz band`) is what
# was sold, no block: the bare verb counts only before what it stops (`blocks the sale`).
BLOCK_WORDS = (
    "prohibit",
    "ban",
    "restrict",
    "suspend",
    "block",
    "приостанов",
    "запрещ",
    "заблокир",
    "запрет",
)
BLOCK_CUES = Cue(
    r"(?<!-)\b(?:prohibit(?:s|ed|ing)?|bann?(?:ed|ing|s)?|restrict(?:s|ed|ing)?|restrictions"
    r"|suspend(?:s|ed|ing)?|block(?:ed|ing)|blocks?\s+(?:the|a|an|its|their|any|all|access"
    r"|use|imports?|entry|sales?)|приостанов\w*|запрещ\w*|запрет\w*|заблокир\w*)\b",
    words=BLOCK_WORDS,
)
# A block lifted (`lifted the ban`, `eased the restrictions`, `сняли запрет`, `отменили
# ограничения`) tells the block's end, no block.
BLOCK_LIFTED = Cue(
    r"\b(?:lift(?:ed|s|ing)?|eas(?:ed|es|ing)|remov(?:ed|es|ing)|scrapp(?:ed|ing)|end(?:ed|s|ing))"
    r"\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:ban|bans|restrictions?|block)\b"
    r"|(?<!\w)(?:снял\w*|сняти\w*|отмен\w*)\s+(?:\w+\s+)?(?:запрет|ограничени|блокировк)\w*",
    words=("lift", "eas", "remov", "scrapp", "end", "снял", "сняти", "отмен"),
)
# Work halted, not ended: frozen, halted, stopped, paused, mothballed, put on ice, ground
# to a halt or at a standstill; `заморозили`, `остановлены`, `остановили стройку` (not
# `остановил выбор на`: chose), `поставлен на паузу`, `застопорилось`, `простаивает`.
_HALTED = (
    r"froze|frozen|halted|stopped|paused|mothballed|put\s+on\s+ice|on\s+ice"
    r"|(?:ground|came|come|coming)\s+to\s+a\s+(?:halt|standstill)|at\s+a\s+standstill"
    r"|заморозил\w*|остановлен\w*|останови(?:л|ла|ли|ло)(?!\s+(?:свой\s+)?выбор)"
    r"|на\s+пауз[уе]|застопорил\w*|простаива\w*"
)
_HALTED_WORDS = (
    *("froze", "halted", "stopped", "paused", "mothballed", "on ice", "halt", "standstill"),
    *("заморозил", "остановл", "останови", "пауз", "застопорил", "простаива"),
)
# What stops work, for a sentence telling a step and then its stall (steps.py).
STALL_CUES = Cue(
    rf"{DELAY_CUES.pattern}|{BLOCK_CUES.pattern}|(?<!\w)(?:{_HALTED})(?!\w)",
    words=(*DELAY_WORDS, *BLOCK_WORDS, *_HALTED_WORDS),
)
# Work standing still (status: `stalled` when told after the progress reached).
STANDSTILL = Cue(
    rf"{DELAY_CUES.pattern}|(?<!\w)(?:{_HALTED}|suspend(?:s|ed)?|suspension of work"
    r"|приостанов\w*)(?!\w)",
    words=(*DELAY_WORDS, *_HALTED_WORDS, "suspen", "приостанов"),
)
# An end, not a halt: talks or a deal that broke down, was abandoned, called off, shelved or
# axed, ended without an agreement, came to nothing, never materialised, fell apart or
# expired, a contract rescinded, revoked or torn up; in Russian a contract rescinded, torn
# up or annulled, a deal cancelled or refused, a party that left the project, a licence
# revoked, a project wound up, talks that fell through or ended with nothing (`переговоры
# закончились безрезультатно`). (The event reader's words of a halt, data/entities.yaml's
# `cancelled`, are each here or in _HALTED.)
END_CUES = Cue(
    r"\b(?:broke\s+down|collapsed|fell\s+through|abandon(?:ed|s)?|called\s+off|scrapp(?:ed|ing)"
    r"|terminat(?:ed|es|ing)|cancel(?:led|s|ling)?|withdr(?:ew|awn)|pulled\s+out"
    r"|failed\s+to\s+(?:agree|reach)|ended\s+(?:\w+\s+){0,2}?without|came\s+to\s+nothing"
    r"|never\s+materiali[sz]ed|fell\s+apart|(?:has|had|have)\s+expired"
    # shelved, axed, ditched, backed out or walked away, rescinded, revoked, annulled,
    # discontinued, torn up, declared invalid, the plug pulled
    r"|shelved|axed|ditched|backed\s+out|walk(?:ed|s)\s+away|rescind(?:ed|s)|revok(?:ed|es)"
    r"|annull?(?:ed|s)|discontinued|t(?:ore|orn)\s+up|declared\s+(?:\S+\s+){0,3}?(?:invalid|void)"
    r"|pulled\s+the\s+plug"
    r"|расторг\w*|аннулирова\w*|отмен(?:ен|ён|ил)\w*|отказал\w*\s+от|сорвал\w*сь|провалил\w*сь"
    r"|(?:закончил|завершил)\w*сь\s+(?:безрезультатно|ничем|без\s+(?:результата|соглашения))"
    # `вышел из проекта`, `покинул проект`, `ушёл из проекта`, `отозвал лицензию`, `лишил
    # лицензии`, `свернул проект`, `разорвал контракт`, `признан недействительным`, `признал
    # нецелесообразным`, `не стоит на повестке`
    r"|выш(?:ел|ла|ли|ло)\s+из\s+(?:\w+\s+)?(?:проект|соглашени|договор|консорциум|сделк"
    r"|капитал)\w*|покинул\w*\s+(?:\w+\s+)?проект\w*|уш(?:ел|ёл|ла|ли)\s+из\s+(?:\w+\s+)?проект\w*"
    r"|отозва\w*\s+(?:\w+\s+){0,2}?лицензи\w*|лицензи\w*\s+(?:\w+\s+){0,2}?отозва\w*|лиш(?:ил|ила|или|ен|ена|ены)\s+(?:\w+\s+){0,2}?"
    r"лицензи\w*|сверну\w*|свёрну\w*|разорва\w*\s+(?:\w+\s+){0,2}?(?:контракт|договор"
    r"|соглашени)\w*|признан\w*\s+(?:\w+\s+)?недействительн\w*|нецелесообразн\w*"
    r"|не\s+стоит\s+на\s+повестке|на\s+повестке\s+не\s+стоит)"
    r"(?!\w)",
    words=(
        *("broke", "collapsed", "fell", "abandon", "called", "scrapp", "terminat", "cancel"),
        *("withdr", "pulled", "failed", "ended", "nothing", "materiali", "expired"),
        *("shelved", "axed", "ditched", "backed", "walk", "rescind", "revok", "annul"),
        *("discontinued", "tore", "torn", "declared"),
        *("расторг", "аннулирова", "отмен", "отказал", "сорвал", "провалил", "закончил"),
        *("завершил", "выш", "покинул", "уш", "отозва", "лиш", "сверну", "свёрну", "разорва"),
        *("признан", "нецелесообразн", "повестке"),
    ),
)
# Talk or a plan of ending a deal (its project, contract or money) is a threat to it,
# not its end; ending something else (`cancel roaming fees`) is none.
THREAT_CUES = Cue(
    r"\b(?:terminat(?:e|ed|ing|ion)|withdraw(?:n|ing|al)?|cancel(?:led|ling|lation)?)\b"
    r".{0,40}?\b(?:project|programme|program|contract|deal|agreement|memorandum|funding"
    r"|funds|financing|loan|licen[cs]e|implementation|tender|partnership)\b",
    words=("terminat", "withdraw", "cancel"),
)
# Work that was launched or began is under way, not live: `the construction of the line
# launched in January` (a launch of construction) is a deployment.
WORK_BEGAN = Cue(
    r"\b(?:construction|building|laying)\s+(?:of|on)\b[^,.;]{0,80}?\s(?:(?:was|were|has been"
    r"|have been)\s+)?(?:launched|started|began|begun|commenced)\b"
    r"|\b(?:launch(?:ed|ing)?|start(?:ed|ing)?|beginning|commencement)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:construction|building|laying)\b",
    words=("construction", "building", "laying"),
)
# A study or survey completed is groundwork, not a built stage: a deployment.
STUDY_DONE = Cue(
    r"\b(?:complet\w*|finish\w*|conclud\w*)\b[^.;]{0,60}?\b(?:feasibility|stud(?:y|ies)|survey"
    r"|design\s+work)\b|\b(?:feasibility\s+stud(?:y|ies)|survey|design\s+work)\b[^.;]{0,40}?"
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:completed|finished|concluded)\b",
    words=("feasibility", "stud", "survey", "design"),
)
# A test or trial completed (`completed thermal vacuum testing`) is work under way, not a
# service live: a deployment, unless the sentence tells a launch or service too.
TEST_DONE = Cue(
    r"\b(?:complet\w*|finish\w*|conclud\w*|pass(?:ed|es)?)\s+(?:\S+\s+){0,3}?"
    r"(?:test(?:s|ing)?|trials?)\b"
    r"|\b(?:test(?:s|ing)?|trials?)\b[^.;]{0,40}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:completed|finished|concluded)\b",
    words=("test", "trial"),
)
# ... a service live: launched, commercial, in service, or offered to users now
# (`completed testing and today offers 5G services`; not what it will offer).
IN_SERVICE = Cue(
    r"\b(?:launch(?:ed|es)?|commercial|live|in\s+service|into\s+(?:service|operation)"
    r"|began\s+(?:service|operation|broadcasting)"
    r"|(?:offers|offered|is\s+offering|now\s+offering)\b[^.;]{0,60}?\bservices?)\b",
    words=("launch", "commercial", "live", "service", "operation", "broadcasting"),
)
# Building work told as done (`construction works on the first stage have been completed`,
# `completed construction of the first section`, `завершено строительство участка`)
# is a built stage completed: a launch, whatever word of the sentence read otherwise
# (`suspension` of a line is how it hangs, not a halt). Not what is still expected.
BUILT_DONE = Cue(
    r"\b(?:construction|building|laying|installation|works?|section|stage|phase)\b[^.;]{0,120}?"
    r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:completed|finished)\b"
    # `Transtelecom finished its 150-km stretch`
    r"|\b(?:completed|finished)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:stretch|section|segment|leg|stage|phase)\b"
    # `Китайский участок готов`, `первый этап строительства завершен`, `участок построен`
    r"|\b(?:участ\w*|очеред\w*|этап\w*|строительств\w*|работ\w*|отрез\w*|сегмент\w*)\b"
    r"[^.;]{0,120}?\b(?:готов[аоы]?|заверш(?:ен|ена|ено|ены|ил[аио]сь|ился)|построен[аоы]?)\b"
    # told verb first: `completed construction of the first section`, `завершено строительство
    # участка`, `Транстелеком завершил прокладку` (not `форум завершил работу`: closed)
    r"|\b(?:completed|finished)\s+(?:the\s+)?(?:construction|building|laying|installation)\s+"
    r"(?:of|on)\b"
    r"|(?<!\w)(?:заверш(?:ен|ена|ено|ены|ил|ила|или|ило)|окончен[аоы]?)\s+(?:\S+\s+){0,2}?"
    r"(?:(?:строительств|прокладк|монтаж|участ|этап|очеред)\w*|работ[ы]?(?!\w))",
    words=("completed", "finished", "готов", "заверш", "построен", "окончен"),
)
# Work that was to be done by then and was not (`the line was supposed to be commissioned
# by the end of 2025`, `должен был быть завершен`): a plan that missed its aim, no progress.
UNMET = Cue(
    # the main clause's (before any comma: not `the satellite, which was due to fly in 2024,
    # was launched on Monday`)
    r"^[^,;]*?\b(?:was|were|had\s+been)\s+(?:supposed|due|scheduled|meant)\s+to\b"
    r"|^[^,;]*?\bshould\s+have\b|^[^,;]*?\bдолж(?:ен|на|но|ны)\s+был[аио]?\b",
    words=("supposed", "due", "scheduled", "meant", "should", "долж"),
)
# Where a clause of a sentence opens: after a stop or comma, a joining or relative word
# (`and`, `but`, `which`, `when`, `и`, `но`, `который`, `когда`); but a date set before the
# subject and its comma (`In February, the holding sealed the deal`: OPENING_DATE) is the
# clause's.
CLAUSE_OPENS = LazyPattern(
    r"[;:,]\s|\b(?:and|but|which|that|who|whose|where|while|when|after|before|since|until"
    r"|as|whereas)\b|(?<!\w)(?:и|а|но|котор\w*|когда|после|где|пока|хотя)(?!\w)",
    re.IGNORECASE,
)
OPENING_DATE = LazyPattern(
    r"^\W*(?:in|on|at|during|last|earlier|this|в|во|на|с|прошл\w*)\s[^,;:]{1,40},\s",
    re.IGNORECASE,
)
# A visit (`The delegation visited a school connected to the network.`, `They were shown the
# campus under construction.`, `Делегация посетила строящийся ЦОД.`): the visitors' talks
# (the shared header counts visits as talks), whatever the site they saw is (`visit_only`).
VISITED = Cue(
    r"\b(?:visit(?:ed|s)|tour(?:ed|s)|(?:was|were|been)\s+shown|посетил[аи]?|побывал[аи]?"
    r"|осмотрел[аи]?|(?:им|ему|ей|гостям|делегации)\s+показали)(?!\w)",
    words=("visit", "tour", "shown", "посетил", "побывал", "осмотрел", "показали"),
)
# ... told in a clause that is not the sentence's own (`the line, which the minister
# visited in May, was launched`, `talks began when a delegation visited Baku`)
_VISIT_SUBORDINATE = LazyPattern(
    r"\b(?:which|who|that|when|after|before|while|where|since|until|как|котор\w*|когда"
    r"|после|где)\b",
    re.IGNORECASE,
)
# ... or beside a step told in a clause or verb of its own (`visited the line, where the
# first section was completed`, `toured the site and opened the centre`)
_VISIT_AND_STEP = LazyPattern(
    r"\b(?:where|which|whose|progress|launched|opened|signed|began|started|completed"
    r"|commissioned|inaugurated|unveiled|где|котор\w*|ход\w*|запустил\w*|открыл\w*|подписал\w*"
    r"|начал\w*|завершил\w*|ввел\w*|ввёл\w*)\b",
    re.IGNORECASE,
)
# A sale completed (`has completed the buyout of its partner`, `the deal closed on
# Monday`, `a month after Nordtel exited Uzbekistan`, `завершила сделку по приобретению
# 100% акций`, `закрытие сделки произошло`): for an acquisition, its launch. Not what is
# expected (`closing is expected by June`, `закрытие сделки намечено`), nor a purchase of
# goods (`completed the purchase of base stations`): a sale is of a company, a stake or
# shares.
_TAKEOVER = r"(?:acquisition|takeover|buy-?out|divestment|divestiture|merger)"
_SALE_OF = (
    r"(?:purchase|sale)\s+of\s+[^.;]{0,40}?\b(?:stake|shares|control|operator|company|business"
    r"|unit|subsidiary)"
)
CLOSED_CUES = Cue(
    rf"\b(?:completed|closed|finali[sz]ed)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_TAKEOVER}|{_SALE_OF})"
    rf"|\b(?:{_TAKEOVER}|{_SALE_OF})\b[^.;]{{0,40}}?\b(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:completed|closed|finali[sz]ed)"
    r"|\b(?:deal|transaction|sale|acquisition|takeover)\s+(?:has\s+|had\s+)?closed\b"
    r"|\b(?:exited|completed\s+(?:its|their)\s+exit\s+from)\s+(?:the\s+)?(?-i:[A-Z])\w+"
    # `the deal was completed`, `after the closing of the sale`, `took full control of
    # Kcell`, `became the sole owner of Kcell`; `стала единственным владельцем`, `получила
    # контроль над`, `перешёл под контроль`, `после закрытия сделки`
    r"|\b(?:deal|transaction)\s+(?:was|has\s+been|had\s+been)\s+(?:completed|finali[sz]ed)\b"
    r"|\b(?:after|following|upon|since)\s+(?:the\s+)?(?:completion|closing)\s+of\s+(?:the\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:deal|transaction|sale|purchase|{_TAKEOVER})\b"
    r"|\b(?:took|taken|takes|assumed)\s+(?:full\s+|sole\s+)?control\s+of\s+(?-i:[A-Z])"
    r"|\bbecame\s+(?:the\s+|its\s+)?(?:sole\s+|full\s+|new\s+|majority\s+)?owner\s+of\b"
    r"|(?<!\w)стал[аио]?\s+(?:\S+\s+)?владельц\w*|(?<!\w)получил\w*\s+(?:\S+\s+)?контроль\s+над"
    r"|(?<!\w)(?:перешл[аио]|перешёл|перешел)\s+под\s+контроль|(?<!\w)после\s+(?:закрытия|завершения)\s+сделки"
    r"|\bзаверши\w*\s+(?:\w+\s+){0,2}?(?:сделк\w*\s+по\s+(?:приобретени|покупк|продаж)\w*"
    r"|(?:покупк|приобретени|продаж|поглощени)\w*\s+(?:\S+\s+){0,3}?(?:оператор|компани|акци"
    r"|дол[ейюя]|актив|бизнес)\w*)"
    r"|\bзакрыл\w*\s+сделк\w*|\bзакрыти\w*\s+сделки\s+(?:состоял|заверш|произош)\w*",
    words=(
        *("completed", "closed", "finalised", "finalized", "exit", "completion", "closing"),
        *("control", "owner"),
        *("заверши", "закрыл", "закрыти", "владельц", "контрол", "закрытия", "завершения"),
    ),
)
# What the article recalls from earlier reports (`Ранее сообщалось, что ...`, `Напомним`,
# `as previously reported`) or tells of a time told before it (`At that time, the launch
# was planned for 2023, but it was postponed`, `back then`, `На тот момент`): not its
# news, so not dated by it. Not `at the time of writing` (now), nor `в то время как`
# (whereas).
RECALLED = Cue(
    r"\b(?:ранее\s+сообщалось|как\s+сообщалось|напомним|(?:as\s+)?(?:previously|earlier)\s+"
    r"reported|(?:it\s+)?was\s+reported\s+(?:earlier|previously)"
    r"|at\s+that\s+time|at\s+the\s+time\b(?!\s+of)|back\s+then|на\s+тот\s+момент"
    r"|в\s+то\s+время\b(?!\s+как))\b",
    words=(
        *("сообщалось", "напомним", "reported"),
        *("at that time", "at the time", "back then", "тот момент", "то время"),
    ),
)
# A delay naming the new date it moves to (`has been postponed until March 2027`,
# `pushed back to 2026`, `pushed into 2027`, `rescheduled for 2027`, `will not open before
# 2027`, `переносится на осень 2026 года`, `отложен до весны`): the words before that date.
NEW_DATE = Cue(
    r"\b(?:postponed|put\s+off|pushed\s+back|pushed(?:\s+out)?|moved|delayed|deferred"
    r"|rescheduled|shifted|slipped)\s+(?:again\s+)?(?:until|till|to|into)\b|\brescheduled\s+for\b"
    r"|\bpushed\s+(?:\S+\s+){1,3}?(?:into|until)\b"
    r"|\b(?:pushed|put)\s+(?:[\w-]+\s+){1,3}?(?:back|off)\s+(?:until|till|to)\b"
    r"|\b(?:will|would)\s+not\s+(?:open|start|launch|begin|be\s+(?:ready|completed|finished"
    r"|commissioned|launched))\s+(?:before|until)\b"
    # the Russian verbs of a date moved are the date reader's (`откладывается до весны`)
    rf"|(?<!\w)(?:{MOVED_WORDS})\s+(?:\w+\s+){{0,2}}?(?:{MOVED_TO}|до)\b",
    words=(
        *("postponed", "put ", "pushed", "moved", "delayed", "deferred"),
        *("rescheduled", "shifted", "slipped", "not"),
        *("перенес", "перенос", "отлож", "отклад", "сдвин", "сдвига", "отодвин"),
    ),
)
# An aim stated beside talks, a signing or work (`aims_of`): the words a target needs.
AIM_STAGES = ("talks", "mou", "agreement", "deployment")
AIM_WORDS = Cue(
    r"\b(?:by|will|expect\w*|aim\w*|due|plan\w*|target\w*|to\s+be|schedul\w*|until|до|к\s+20\d\d"
    r"|планир\w*|намер\w*|ожида\w*|долж\w*|будет|будут|предполага\w*)\b",
    words=(
        *("by ", "will", "expect", "aim", "due", "plan", "target", "to be", "schedul"),
        *("until", "до ", "к 20", "планир", "намер", "ожида", "долж", "буд", "предполага"),
    ),
)
# ... and a year to aim at (`by the end of 2020`, `next year`, `в следующем году`).
AIM_YEAR = Cue(
    r"\b(?:19|20)\d\d\b|\b(?:next|this|the)\s+year\b|(?:следующ|текущ|этом|конца)\w*\s+год\w*",
    words=("19", "20", "year", "следующ", "текущ", "этом", "конца"),
)
# What is still to be done: `should be completed`, `должен быть построен`.
STILL_AHEAD = Cue(
    r"\b(?:долж\w*|будет|будут|планиру\w*|намечен\w*|should|must|will|is\s+to|are\s+to)\b"
    # not done (`до сих пор не завершено`, `has not been completed`)
    r"|(?<!\w)не\s+(?:готов|заверш|построен)|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:completed|finished)",
    words=(
        *("долж", "будет", "будут", "планиру", "намечен", "should", "must", "will", " to "),
        *("не ", "not"),
    ),
)
# A completion named as a condition (`upon completion of the pilot, ...`) is still ahead.
AHEAD_CUES = Cue(
    r"\b(?:upon|on|after|once)\s+(?:the\s+)?(?:completion|completing|finishing)\b"
    r"|\bonce\b.{0,40}\b(?:is|are|has been|have been)\s+completed\b",
    words=("completion", "completing", "finishing", "completed"),
)


# A step told in a clause of another step's sentence, or in a sentence no event reads, with
# a date of its own (`asides_of`): work begun or resumed (`a fifth of the ring is laid
# since works began in June 2023`, `the licence was issued in May, and trials started a week
# later`, `part of an upgrade of the backbone that started in 2022`, `строительство
# началось в марте`, `работы возобновлены`): a deployment.
_WORK = (
    r"construction|works?|building|laying|installation|testing|tests|trials?"
    r"|pilot(?:\s+operation)?|roll-?out|moderni[sz](?:e|es|ed|ing|ation)"
    r"|upgrad(?:e|es|ed|ing)|reconstruction"
)
_RU_WORK = (
    r"строительств|работ|монтаж|прокладк|установк|испытани|тестировани|модернизаци|реконструкци"
)
STEP_BEGAN = Cue(
    rf"\b(?:{_WORK})\b[^.;]{{0,60}}?\b(?:(?:has|have|had)\s+)?"
    r"(?:began|begun|started|commenced|resumed|restarted|got\s+under\s+way"
    r"|(?:is|are|was|were)\s+back\s+(?:under\s+way|on\s+track))\b"
    # `the contractor resumed laying the cable`, `restarted the works`, `since the resumption
    # of construction in May` (a resumption named after `after`, `since`, `после` is past:
    # not `рассчитывают на возобновление работ`, a hope)
    rf"|\b(?:resumed|restarted)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_WORK})\b"
    rf"|\b(?:after|since|following)\s+(?:the\s+)?resumption\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_WORK})\b"
    r"|\b(?:строительств\w*|работы|монтаж\w*|прокладк\w*|установк\w*|испытани\w*"
    r"|тестировани\w*|модернизаци\w*|реконструкци\w*)\b[^,.;]{0,60}?\b(?:начал(?:ось|ись|ась|ся)|стартовал[аои]?"
    r"|возобновлен[аоы]?|возобновил(?:ось|ись|ась|ся)|разморожен[аоы]?)(?!\w)"
    # told verb first: `began laying the cable`, `started construction of`, `broke ground`,
    # `приступил к монтажу`, `начали прокладку`, `заложили первый камень`
    rf"|\b(?:began|started|commenced)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:construction|building|laying|installation|works?\s+on|testing|trials?|roll-?out)\b"
    r"|\bbroke\s+ground\b"
    rf"|(?<!\w)(?:приступил\w*\s+к|начал[аио]?\s|начали\s)\s*(?:\S+\s+)?(?:{_RU_WORK})\w*"
    r"|(?<!\w)(?:залож\w*\s+(?:\S+\s+)?камен\w*|закладк\w*\s+(?:\S+\s+)?камн\w*)"
    # `подрядчик возобновил работы`, `возобновление строительства в мае`, `работы вновь
    # ведутся`, `разморозили проект`
    rf"|(?<!\w)возобновил[аи]?\s+(?:\w+\s+)?(?:{_RU_WORK})\w*"
    rf"|(?<!\w)(?:после|с\s+момента)\s+возобновлени\w*\s+(?:\w+\s+)?(?:{_RU_WORK})\w*"
    r"|(?<!\w)(?:работы|строительство|монтаж|прокладка)\s+(?:\S+\s+){0,3}?вновь\s+(?:ведут|вед[её]т|ид[её]т"
    r"|идут)\w*|(?<!\w)разморози\w*\s+(?:\w+\s+)?(?:проект|строительств|работ)\w*",
    words=(
        *("began", "begun", "started", "commenced", "resumed", "under way", "restarted"),
        *("back on track", "resumption", "broke ground"),
        *("начал", "стартовал", "возобнов", "разморо", "вновь", "приступил", "залож", "закладк"),
    ),
)
# ... of which work resumed (not work begun, which an event of its article may tell again)
RESUMED = Cue(
    r"\b(?:resum(?:ed|ption)|restarted|back\s+(?:on\s+track|under\s+way))\b"
    r"|(?<!\w)(?:возобнов\w*|вновь|разморо\w*)",
    words=("resum", "restarted", "back", "возобнов", "вновь", "разморо"),
)
# ... a count of the work done so far (`To date, 300 villages have been connected.`, `the
# first of them were already online`, `на сегодня подключено 60 сёл`, `бригады успели
# проложить 90 км из 250`): work under way as of its article, a deployment. It
# tells how far the work has come, not that it resumed after a stall (status.py).
WORK_SO_FAR = Cue(
    r"\b(?:to\s+date|so\s+far|by\s+now|already)\b[^.;]{0,80}?\b(?:connected|installed"
    r"|laid|built|mounted|deployed|online|provided\s+with|put\s+up)\b"
    r"|\b(?:connected|installed|laid|built|mounted|deployed|put\s+up)\b[^.;]{0,40}?"
    r"\b(?:to\s+date|so\s+far)\b"
    r"|(?:\bна\s+сегодня(?:шний\s+день)?|\bуже|\bк\s+настоящему\s+времени|\bуспел\w*)\s+"
    r"(?:\S+\s+){0,4}?(?:смонтирова|установ|подключ|построе|построи|проложе|проложи"
    r"|развернут|развёрнут)\w*",
    words=("to date", "so far", "by now", "already", "сегодня", "уже", "настоящему", "успел"),
)
# ... talks or a tender held (`the link was first discussed at talks with the regulator in
# May 2019`, `переговоры, начатые в марте прошлого года`, `five companies took part in
# last year's tender`, `chosen after a tender run last autumn`, `discussions held in May`,
# `конкурс объявили в марте`): talks (the header's negotiations and bids). Not a tender's
# result (`won the tender`, `по итогам конкурса`: the award), nor talks that ended
# (END_CUES: a cancellation).
TALKS_HELD = Cue(
    r"\b(?:tenders?|bids|bidders|bidding|talks|negotiations|discussions|consultations|тендер\w*"
    r"|конкурс\w*|переговор\w*|консультаци\w*)(?!\w)",
    words=(
        *("tender", "bid", "talks", "negotiation", "discussions", "consultation"),
        *("тендер", "конкурс", "переговор", "консультаци"),
    ),
)
# What a sentence beside the events tells as not done or still ahead is no step of its own:
# `work should have started in 2023`, `has not begun`, `a tender will be announced in May`,
# `договор должен быть подписан в мае`.
NOT_DONE = Cue(
    r"\b(?:not|never|yet\s+to|should\s+have|will|shall|is\s+to|are\s+to|plans?\s+to"
    r"|intends?\s+to|expects?\s+to|не|будет|будут|долж(?:ен|на|но|ны)|планиру\w*|намерен\w*)(?!\w)",
    words=(
        *("not", "never", "yet to", "should", "will", "shall", " to"),
        *("не", "буд", "долж", "планиру", "намерен"),
    ),
)
# A strategy's or concept's horizon (`a goal of the digital strategy to 2030`, `концепции
# цифровизации до 2030 года`) is the state's, no aim of a deal.
HORIZON = Cue(
    r"\b(?:strateg(?:y|ies|ic\s+plan)|concept|vision\s+20\d\d|стратеги\w*|концепци\w*)(?!\w)",
    words=("strateg", "concept", "vision", "стратеги", "концепци"),
)
# An aim recalled as given up or replaced (`had at first hoped to be done by 2026`,
# `Ранее планировалось`, `изначально`): the old target, not the news of the article.
AIM_BEFORE = Cue(
    r"\b(?:initially|originally|had\s+(?:been\s+)?(?:expected|planned|due|scheduled|hoped)"
    r"|изначально|первоначально|ранее\s+(?:планировал|предполагал|ожидал)\w*)(?!\w)",
    words=("initially", "originally", "had ", "изначально", "первоначально", "ранее"),
)
# ... a contract, agreement, loan or grant signed or awarded (`under a contract Orbita
# concluded in May`, `terminals bought under a supply deal it signed last June`,
# `соглашение о гранте подписано в октябре 2024 года`): an agreement.
SIGNED_AT = Cue(
    r"\b(?:contract|agreement|deal|loan|grant|credit\s+line)s?\b[^.;]{0,60}?\b(?:was\s+|were\s+"
    r"|had\s+been\s+|has\s+been\s+)?(?:signed|awarded|concluded|inked|sealed|finali[sz]ed)\b"
    r"|\b(?:контракт|договор|соглашени|кредит|заем|займ|грант)\w*\b[^.;]{0,60}?"
    r"\b(?:подписан|заключен|заключён|подписал|заключил)\w*"
    # the Russian passive told verb first (`в марте был подписан контракт`, `заключено
    # соглашение о гранте`)
    r"|(?<!\w)(?:подписан|заключен|заключён)\w*\s+(?:\w+\s+)?(?:контракт|договор|соглашени"
    r"|кредит|заем|заём|займ|грант)\w*",
    words=(
        *("signed", "awarded", "concluded", "inked", "sealed", "finalised", "finalized"),
        *("подписа", "заключ"),
    ),
)
# ... an acquisition approved (the shared header counts a regulator's approval of an
# acquisition as an agreement: `the committee approved Orbita's acquisition of the stake`,
# `the takeover was cleared in May`, `ведомство одобрило сделку`, `сделка одобрена`).
APPROVED = Cue(
    r"\b(?:approv(?:ed|es)|cleared|greenlit|green-lit)\s+(?:the\s+|its\s+|their\s+)?(?:\S+\s+){0,2}?"
    r"(?:deal|acquisition|takeover|purchase|merger|buy-?out|sale)\b"
    r"|\b(?:deal|acquisition|takeover|purchase|merger|buy-?out|sale)\b[^.;]{0,40}?\b(?:was|were"
    r"|has\s+been|had\s+been)\s+(?:approved|cleared|greenlit|green-lit)\b"
    r"|(?<!\w)одобр(?:ил|ила|или|ило|ен|ена|ено)\w*\s+(?:\w+\s+)?(?:сделк|покупк|приобретени"
    r"|слияни)\w*|(?<!\w)(?:сделк|покупк|приобретени|слияни)\w*\s+(?:\S+\s+){0,4}?одобр(?:ен|ил)\w*",
    words=("approv", "cleared", "greenlit", "green-lit", "одобр"),
)
# ... an agreement reached without a signing (`the route was finally agreed in March`,
# `agreed on the tariffs`, `reached an agreement`, `struck a deal`, `came to terms`, `has
# already reserved a quarter of the cable's capacity`, `маршрут был согласован в марте`,
# `стороны согласовали трассу`, `договорились о тарифах`, `пришли к соглашению`, `заключили
# сделку`, `уже забронировал половину ёмкости`): an agreement too; not an aim, a view or
# more talks agreed (`agreed to study`, `it was agreed that`, `agreed on the need to`,
# `договорились о необходимости`, `о продолжении переговоров`, `о встрече`), nor a change of
# partner agreed (`согласовали замену подрядчика`); capacity booked is the capacity itself
# (not `booked revenue from capacity sales`, `забронировал номер`).
AGREED = Cue(
    r"\b(?:was|were|been)\s+(?:finally\s+|eventually\s+|formally\s+)?agreed\b(?!\s+(?:to|that)\b)"
    r"|\bagreed\s+(?:on|upon)\b(?!\s+the\s+(?:need|importance|necessity)\b)"
    r"|\b(?:reached|struck|clinched|sealed)\s+(?:an?\s+|the\s+)?"
    r"(?:final\s+)?(?:agreement|deal|accord)\b|\bcame\s+to\s+(?:an?\s+)?(?:agreement|terms)\b"
    r"|\b(?:booked|reserved|leased)\s+(?:(?!(?:from|to|for)\b)[^\s.;,]+\s+){0,6}?capacity\b"
    r"|(?<!\w)(?:согласова(?:н[аоы]?|ли|л|ла)(?!\w)(?!\s+замен)"
    r"|договорил(?:ись|ся|ась)\s+об?(?!\w)(?!\s+(?:необходимост|важност|продолжени|встреч))"
    r"|(?:достиг\w*|пришли|пришл[аи]?)\s+к?\s*(?:соглашени|договор[её]нност)|заключил\w*\s+сделк"
    r"|(?:забронирова|зарезервирова)\w*\s+(?:[^\s.;,]+\s+){0,4}?(?:ё|е)мкост)\w*",
    words=(
        *("agreed", "reached", "struck", "clinched", "sealed", "came to"),
        *("booked", "reserved", "leased"),
        *("согласова", "договорил", "достиг", "пришл", "сделк", "забронирова", "зарезервирова"),
    ),
)
# An agreement told done by the day its article tells it (`has already booked`, `уже
# подписал`): dated by its article, as work done so far is.
DONE_BY_NOW = Cue(r"\b(?:already|уже)(?!\w)", words=("already", "уже"))
TENDER_WON = Cue(
    r"\b(?:won|wins|winning|winners?|awarded|победител\w*|выигра\w*|итогам)(?!\w)",
    words=("won", "win", "awarded", "победител", "выигра", "итогам"),
)


_SIDE_STEPS = (
    ("deployment", STEP_BEGAN),
    ("deployment", WORK_SO_FAR),
    ("agreement", SIGNED_AT),
    ("agreement", AGREED),
    ("agreement", APPROVED),
    ("talks", TALKS_HELD),
)
# The stages of an event whose sentence tells no such step in a clause: work begun beside
# work (its own), a contract beside a signing or a memorandum (`the cooperation agreement,
# signed in March`: the memorandum itself); talks beside anything (beside talks, an earlier
# round, not of the event's month: `_told_by_event`).
_NOT_BESIDE = {"deployment": BUILT, "agreement": ("agreement", "mou"), "talks": ()}


def happened_when(event: Event) -> PartialDate | None:
    """When an event happened: its date, unless that is only a plan's target."""
    return None if event.planned and event.target is None else event.date


def evidence_text(event: Event) -> str:
    evidence = event.evidence
    return " ".join(e.text for e in evidence) if evidence else event.text


def story_stages(events: list[Event]) -> list[str]:
    stages = []
    for index, event in enumerate(events):
        text = evidence_text(event)
        # A step and then its stall in one sentence (`works began in spring, but they have
        # been frozen since December`), whatever stage the sentence was read as.
        # A delay told in another sentence of its evidence is an entry of its own
        # (`steps_of`): the event keeps its stage.
        delayed = event.stage != "launch" and (
            DELAY_CUES.search(event.text) or two_steps(text, None, None, STALL_CUES) is not None
        )
        halted = (
            event.stage == "cancelled" and STANDSTILL.search(text) and not END_CUES.search(text)
        )
        blocked = (
            halted
            or (
                BLOCK_CUES.search(text)
                and not DESPITE.search(text)
                and not BLOCK_LIFTED.search(text)
            )
            or (
                event.stage == "cancelled"
                and not _ended(event)
                and any(_goes_on(event, later) for later in _after(events, index))
            )
        )
        threatened = event.stage in ("talks", "plan") and THREAT_CUES.search(text)
        if REPLACE_CUES.search(text) and not REORGANISED.search(text):
            stages.append("partner-change")
        elif event.stage in BUILT and visit_only(event.text):
            stages.append("talks")
        elif event.stage in BUILT and AHEAD_CUES.search(text):
            stages.append("plan")
        elif event.stage == "launch" and (
            WORK_BEGAN.search(text)
            or STUDY_DONE.search(text)
            or (TEST_DONE.search(text) and not IN_SERVICE.search(text))
        ):
            stages.append("deployment")
        elif event.stage in ("deployment", "cancelled") and _built_done(text):
            stages.append("launch")
        elif event.stage != "launch" and (delayed or blocked or threatened):
            stages.append("stalled")
        elif event.stage in BUILT and UNMET.search(event.text):
            stages.append("plan")
        else:
            stages.append(event.stage)
    return stages


def visit_only(text: str) -> bool:
    """Does a sentence tell a visit, and no step of its own: its subject visited, toured or
    was shown a site (VISITED; not in a clause of another's), and no clause or verb of a
    step follows (`where`, `which`, `opened`)? A site's state told beside it (`a school
    connected to the network`, `the campus under construction`) is no step of the deal."""
    found = VISITED.search(text)
    if found is None:
        return False
    clause = max(text.rfind(mark, 0, found.start()) for mark in ",;:") + 1
    return not _VISIT_SUBORDINATE.search(text[clause : found.start()]) and not (
        _VISIT_AND_STEP.search(text[found.end() :])
    )


def _built_done(text: str) -> bool:
    """Does the sentence tell building work done (BUILT_DONE), not a study, nor what should
    or will be done (STILL_AHEAD, in its words and the few before them in its clause: `will
    have completed construction of`)?"""
    found = BUILT_DONE.search(text)
    if found is None or STUDY_DONE.search(text):
        return False
    clause = max(text.rfind(mark, 0, found.start()) for mark in ",;:") + 1
    return not STILL_AHEAD.search(text[max(clause, found.start() - 25) : found.end()])


def steps_of(
    event: Event, stage: str, published: PartialDate | None, delays: Sequence[str] = ()
) -> list[tuple[Event, str]]:
    """The history entries of an event at `stage`: two for a stall its sentence tells
    after a step of progress (steps.py), three for a partner change that ended one
    contract and signed a new one (SWAP_CUES), else one, and a stall for each delay told
    apart: in another sentence of its evidence, or in `delays`, sentences that no event
    reads after it (or in a lead before the first event: ArticleFacts.delays)."""
    # The delays told in sentences no event reads are entries of their own beside any
    # step but a stall (`The contract was terminated in August, after the contractor
    # fell five months behind schedule.`); a stall is the delay it tells.
    apart = (
        []
        if stage == "stalled"
        else [
            entry
            for text in dict.fromkeys(delays)
            for entry in _delayed_apart(event, text, published)
        ]
    )
    if stage == "partner-change" and SWAP_CUES.search(evidence_text(event)):
        return [(event, "cancelled"), (event, stage), (event, "agreement"), *apart]
    found = (
        two_steps(evidence_text(event), happened_when(event), published, STALL_CUES)
        if stage == "stalled"
        else None
    )
    if found is None:
        missed = _not_started(event, stage, published)
        if missed is not None:
            return [(missed, "stalled"), (event, "plan"), *apart]
        if (
            stage == "stalled"
            and event.stage == "plan"
            and published is not None
            and (event.target is not None or _after_report(event, published))
        ):
            return _postponed(event, published)
        if stage in ("stalled", "cancelled"):
            return [(event, stage), *apart]
        own = _delays_apart(event) if stage != "launch" else []
        entries = [(event, stage)]
        for text in dict.fromkeys(own):
            if text not in delays:
                entries += _delayed_apart(event, text, published)
        return entries + apart
    step = event.model_copy(update={"date": found.date, "planned": False, "target": None})
    stall = event.model_copy(update={"date": found.stalled})
    return [(step, found.stage), (stall, stage)]


def _not_started(event: Event, stage: str, published: PartialDate | None) -> Event | None:
    """A plan whose sentence tells it never began (`the pilot planned for 2022 did not
    start`, `намеченные на 2024 год работы так и не начались`), by a target before its
    article: the stall, dated by the target it missed (the plan stays as told)."""
    target = event.target
    if (
        stage != "stalled"
        or event.stage != "plan"
        or target is None
        or published is None
        or target.last_day() >= published.first_day()
        or not NOT_STARTED.search(evidence_text(event))
    ):
        return None
    return event.model_copy(update={"date": target, "planned": False, "target": None})


def _delayed_apart(
    event: Event, text: str, published: PartialDate | None
) -> list[tuple[Event, str]]:
    """A delay told apart from `event`: the stall, and where it names the new date the
    work moves to (NEW_DATE), the plan aiming at that date as told then (`открытие
    переносится на осень 2026 года`), as a plan that tells its own postponement is."""
    stall = told_apart(event, text, published)
    entries = [(stall, "stalled")]
    moved = NEW_DATE.search(text)
    if moved is None or stall.date is None:
        return entries
    found = resolve_event_date(text[moved.start() :], stall.date)
    target = found.date if found else None
    if target is not None and target.first_day() > stall.date.last_day():
        plan = stall.model_copy(update={"planned": True, "target": target})
        entries.append((plan, "plan"))
    return entries


def told_apart(event: Event, text: str, published: PartialDate | None) -> Event:
    """What a sentence no event reads tells beside `event` (a delay, a change of partner):
    the event told by that sentence, dated by its words, else by its article; undated
    where it recalls an earlier time (RECALLED: `At that time, ... was postponed`)."""
    told = resolve_event_date(text, published, past_only=True)  # not a missed aim
    if told is not None and not told.planned:
        when = told.date
    else:  # its article's news (of the day of a dateline heading it: a story filed on
        # 30 December, printed on 9 January), unless it recalls an earlier time: undated
        news = dateline_day(text, published) or published
        when = None if RECALLED.search(text) else news
    return event.model_copy(
        update={"date": when, "planned": False, "target": None, "text": text, "evidence": []}
    )


def changes_of(event: Event, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """The changes of partner told in sentences no event reads, after `event`
    (ArticleFacts.changes): `partner-change` entries of its deal, dated by their words."""
    return [
        (told_apart(event, text, facts.date), "partner-change")
        for number, text in facts.changes
        if number == event.number
    ]


def aims_of(event: Event, stage: str, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """The aim a sentence of talks, a signing or work states beside it (`signed their
    agreement in October 2018, with the aim of completing the line by the end of 2020`): a
    plan of its own, told with the event, aiming at the target, unless an event of the
    article reads that sentence as a plan already."""
    if stage not in AIM_STAGES or stage != event.stage:
        return []
    if not AIM_YEAR.search(event.text) or not AIM_WORDS.search(event.text):
        return []
    found = resolve_event_date(event.text, facts.date, targets_only=True)
    told = happened_when(event) or facts.date
    if found is None or told is None or months_between(told, found.date) <= 0:
        return []
    if any(e.stage == "plan" and e.text == event.text for e in facts.events):
        return []
    aim = event.model_copy(update={"date": told, "planned": True, "target": found.date})
    return [(aim, "plan")]


def asides_of(event: Event, stage: str, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """The steps told beside `event` with a date of their own, each an entry of its deal:
    in a clause of its sentence, work begun where the event reads another step (a
    deployment), or a contract signed where it reads no signing (an agreement), dated by
    the clause's words (not what stands ahead: `_ahead`), and talks or a tender held
    (an earlier round where it reads talks); in another sentence of its evidence that no
    event reads as its own, or in a sentence no event reads after it (ArticleFacts.asides),
    those or an aim (`aside_step`)."""
    entries = []
    for kind, cue in _SIDE_STEPS:
        if stage in _NOT_BESIDE[kind] or event.stage in _NOT_BESIDE[kind]:
            continue
        if stage == "stalled" and two_steps(event.text, None, None, STALL_CUES) is not None:
            continue  # the step a stall follows (steps.py)
        if any(e.text == event.text and e.number < event.number for e in facts.events):
            continue  # told with the first event reading the sentence
        if kind != "talks" and any(e.stage == kind and e.text == event.text for e in facts.events):
            continue  # an event reads that step
        found = cue.search(event.text)
        if found is None or _ahead(event.text, found) or _not_held(kind, event.text):
            continue
        when = _step_date(event.text, facts.date, found)
        if when is None and cue is WORK_SO_FAR:
            when = facts.date  # the work done by the day its article tells it
        elif when is None and kind == "agreement" and _done_by_now(event.text, found):
            # done by the time of the event it is told with (`began laying the cable in
            # June, having already agreed the fees`): not after it
            when = happened_when(event) or facts.date
        if when is not None and not _told_by_event(kind, when, facts):
            step = event.model_copy(update={"date": when, "planned": False, "target": None})
            entries.append((step, kind))
    own = {e.text for e in facts.events}
    evidence = [e.text for e in event.evidence if e.text not in own]
    apart = [text for number, text in facts.asides if number == event.number]
    for text in dict.fromkeys(evidence + apart):
        found = aside_step(text, facts.date)
        if found is not None and found[0] == "deployment" and so_far(text):
            # the work done by the day it is told: beside work begun earlier, news of its own
            done = told_apart(event, text, facts.date)
            if done.date is None or not _told_by_event("deployment", done.date, facts):
                entries.append((done, "deployment"))
            continue
        if found is None or found[0] in (stage, event.stage):
            continue  # beside a step, what tells the same step tells it (a plan's aim)
        kind, when = found
        if when is not None and _told_by_event(kind, when, facts):
            continue
        if when is None and kind == "deployment" and _work_told_again(text, facts):
            continue
        if kind == "plan":
            aim = resolve_event_date(text, facts.date, targets_only=True)
            update = {"date": facts.date, "planned": True, "target": aim.date if aim else None}
            entries.append((event.model_copy(update=update | {"text": text, "evidence": []}), kind))
        elif when is not None:
            step = told_apart(event, text, facts.date).model_copy(update={"date": when})
            entries.append((step, kind))
        else:
            entries.append((told_apart(event, text, facts.date), kind))
    return entries


def _work_told_again(text: str, facts: ArticleFacts) -> bool:
    """Is an undated start of work (not a resumption: RESUMED) the work an event of its
    article reads (`Kcell began building 5G in Almaty`, the title's event, then `Кселл
    приступило к установке базовых станций` in the lead)? One start told twice."""
    return not RESUMED.search(text) and any(e.stage == "deployment" for e in facts.events)


def so_far(text: str) -> bool:
    """Does a sentence tell only a count of the work done so far (WORK_SO_FAR), not work
    begun or resumed (STEP_BEGAN)?"""
    return bool(WORK_SO_FAR.search(text)) and not STEP_BEGAN.search(text)


def _told_by_event(stage: str, date: PartialDate, facts: ArticleFacts) -> bool:
    """Does an event of the article tell a step of `stage` of the month of `date` (the
    contract a clause recalls, `the contract, signed in February, covers two sites`)?"""
    return any(
        e.stage == stage
        and (when := happened_when(e)) is not None
        and when.year == date.year
        and (when.month is None or date.month is None or when.month == date.month)
        for e in facts.events
    )


def _not_held(kind: str, text: str) -> bool:
    """Do talks or a tender a sentence names tell no talks held: a tender's award
    (TENDER_WON) or talks that ended (END_CUES, a cancellation)?"""
    return kind == "talks" and bool(TENDER_WON.search(text) or END_CUES.search(text))


def _done_by_now(text: str, found: re.Match[str]) -> bool:
    """Is the agreement `found` tells told done by now (DONE_BY_NOW: `has already booked`,
    `уже подписан`), in its words and the few before them?"""
    return bool(DONE_BY_NOW.search(text[max(0, found.start() - 25) : found.end()]))


def _step_date(
    text: str, published: PartialDate | None, found: re.Match[str]
) -> PartialDate | None:
    """The past date of the step `found` tells: in its words, else before them in its
    clause, as the event reader reads one anywhere in its sentence (`In February the holding
    sealed the deal`, `В феврале холдинг заключил сделку`, `the operator last year agreed on
    the tariffs`); not a date of an earlier clause (`bought the site in 2024, and a contract
    was signed`, `Orbita, which won the tender in 2023, signed a contract`: CLAUSE_OPENS)."""
    told = resolve_event_date(text, published, past_only=True, start=found.start())
    if told is None:
        clause = max((m.end() for m in CLAUSE_OPENS.finditer(text, 0, found.start())), default=0)
        opening = OPENING_DATE.match(text)
        if opening is not None and clause == opening.end():
            clause = 0  # the opening date's comma: the clause is the sentence's own
        told = resolve_event_date(text, published, past_only=True, start=clause)
        if told is not None and told.start >= found.start():
            told = None
    return told.date if told is not None and not told.planned else None


def _ahead(text: str, found: re.Match[str]) -> bool:
    """Does the step `found` tells stand ahead or undone (NOT_DONE: `a tender will be
    announced`, `is to be signed`, `has not begun`)? Read in its words and the few before
    them, within its clause (not `the towers, bought under a deal signed in May, will go up
    in June`)."""
    clause = max(text.rfind(mark, 0, found.start()) for mark in ",;:") + 1
    return bool(NOT_DONE.search(text[max(clause, found.start() - 25) : found.end()]))


def aside_step(text: str, published: PartialDate | None) -> tuple[str, PartialDate | None] | None:
    """The step a sentence beside a deal's events tells (`asides_of`), and its date where
    its words give it: work begun or resumed (STEP_BEGAN) a deployment; a contract signed
    (SIGNED_AT) an agreement, and talks or a tender held (TALKS_HELD) talks, each with a past date
    of its own; not in a clause telling it ahead (NOT_DONE); an aim with a year to aim at
    (AIM_WORDS, AIM_YEAR; after `published`, where the article is dated: not `was due by
    2021`, nor a strategy's horizon) a plan; else None. A delay is a stall (`steps_of`),
    not one of these."""
    lowered = text.lower()
    steps = [(kind, found) for kind, cue in _SIDE_STEPS if (found := cue.search(text, lowered))]
    year = AIM_YEAR.search(text, lowered)
    if not steps and (year is None or not AIM_WORDS.search(text, lowered)):
        return None  # (most sentences: the cheap tests first)
    if DELAY_CUES.search(text) or WORK_DELAYED.search(text) or DESPITE.search(text):
        return None
    for kind, found in steps:
        if _ahead(text, found) or _not_held(kind, text):
            continue
        when = _step_date(text, published, found)
        if when is None and kind == "agreement" and _done_by_now(text, found):
            when = published
        if when is not None or kind == "deployment":
            return kind, when
    if year is None or not AIM_WORDS.search(text) or UNMET.search(text) or AIM_BEFORE.search(text):
        return None
    if HORIZON.search(text):
        return None
    aim = resolve_event_date(text, published, targets_only=True)
    if aim is None:  # `до конца года` in an undated article: a target, but not a date
        return ("plan", None) if published is None and not year[0][:1].isdigit() else None
    if published is None or months_between(published, aim.date) > 0:
        return "plan", None
    return None


def closings_of(event: Event, stage: str, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """A sale's completion its sentence tells (CLOSED_CUES) where the event reads another
    step (`Orbita завершила покупку оператора, договор о которой подписала в июле.` read
    as the signing): a `launch` of its own, dated by that sentence's words, else by its
    article (`told_apart`)."""
    if stage == "launch" or event.stage == "launch" or not CLOSED_CUES.search(event.text):
        return []
    return [(told_apart(event, event.text, facts.date), "launch")]


def _after_report(event: Event, published: PartialDate | None) -> bool:
    """Is the event undated or dated in a month after its article's (a target)?"""
    return published is not None and (
        event.date is None or months_between(published, event.date) > 0
    )


def _postponed(event: Event, published: PartialDate) -> list[tuple[Event, str]]:
    """A plan that tells its own postponement (`commissioning, due by the end of 2025, has
    been moved to the second quarter of 2026`): the stall, and the plan as stated then,
    aiming at its new date; both dated when it was told (the article's date if the event
    read a date after it: that is a target)."""
    told = published if _after_report(event, published) else event.date
    if RECALLED.search(event.text) and told == published:
        told = None  # told before: when, the article does not say
    target = event.target or event.date
    stall = event.model_copy(update={"date": told, "planned": False, "target": None})
    plan = event.model_copy(update={"date": told, "planned": True, "target": target})
    return [(stall, "stalled"), (plan, "plan")]


def _delays_apart(event: Event) -> list[str]:
    """The sentences of the event's evidence, not its own, telling a delay (`The closing
    was delayed by several months.` after `The deal closed a year after the agreement.`)."""
    return [
        evidence.text
        for evidence in event.evidence
        if evidence.text != event.text
        and DELAY_CUES.search(evidence.text)
        and not DESPITE.search(evidence.text)
    ]


def _ended(event: Event) -> bool:
    """Does a dated cancellation tell an end (`talks broke down in September`), not a
    halt (`works stopped`)? It stays `cancelled` in the history though the deal went on:
    what came after is a new start, and the status counts progress dated after it."""
    text = evidence_text(event)
    return (
        happened_when(event) is not None
        and bool(END_CUES.search(text))
        and not STALL_CUES.search(text)
    )


def _after(events: list[Event], index: int) -> list[Event]:
    """The events that may follow `events[index]`: those after it, or, for an undated
    one (placed last, its order unknown), every other."""
    if happened_when(events[index]) is None:
        return events[:index] + events[index + 1 :]
    return events[index + 1 :]


def _goes_on(cancelled: Event, later: Event) -> bool:
    """Does a later event show the deal went on after a cancellation? After a dated one,
    only progress dated later does (an alternative planned the same day does not); after
    an undated one, whose order is unknown, any other event told."""
    if happened_when(cancelled) is None:
        return later.stage != "cancelled"
    return later.stage in PROGRESS and happened_when(later) is not None
