"""Dates written in Russian, read by the English date rules of the dates package.

Russian date words are put into the English forms the rules already read, keeping a
map back to the text as written: «19 декабря 2025 года» -> `19 December 2025`,
«09 Февраль 2015 г., 18:25» -> `09 February 2015, 18:25`, «15 декабря 2021 в 22:10» ->
`15 December 2021 at 22:10`, «Дата: 14:48, 18-05-2017.» -> `Date: 14:48, 18-05-2017.`,
«в прошлом году» -> `last year`, «в третьем квартале следующего года» -> `in the third
quarter of next year`. Numeric dates (24.02.2026, 07.09.20, 18-05-2017) need no words.

`english_dates(text)` gives the English text and, for each of its characters, the
position in the original; `date_lines(text)` gives the lines a publication date is
looked for in, with a breadcrumb's repeated headline cut (`Технологии 02/04/2018 <the
headline>` above the headline itself is a date line).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick

from ..lazy_pattern import LazyPattern

_CYRILLIC = LazyPattern(r"[\u0400-\u04ff]")
# Letters a case-insensitive search takes for another's that lower() does not make it
# (`ı` and `İ` for `i`, `ſ` for `s`, the old Cyrillic forms of `в д о с т ъ ѣ ꙋ`): a text
# holding one is searched with every pattern, whatever its words.
_OTHER_CASES = frozenset("ıİſ" + "".join(map(chr, range(0x1C80, 0x1C89))))

# Month words in every case, as stems: «декабря», «декабре», «Декабрь».
_MONTHS = {
    "январ": "January",
    "феврал": "February",
    "март": "March",
    "апрел": "April",
    "ма": "May",
    "июн": "June",
    "июл": "July",
    "август": "August",
    "сентябр": "September",
    "октябр": "October",
    "ноябр": "November",
    "декабр": "December",
}
_MONTH_WORD = (
    r"(?P<month>(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ем)"
    r"|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем))"
)
_ORDINALS = {"перв": "first", "втор": "second", "трет": "third", "четверт": "fourth"}
_RELATIVE = {
    "прошл": "last",
    "предыдущ": "last",
    "минувш": "last",
    "прошедш": "last",
    "текущ": "this",
    "эт": "this",
    "нынешн": "this",
    "следующ": "next",
    "будущ": "next",
    "наступающ": "next",
}
_RELATIVE_WORD = (
    r"(?P<rel>прошл|предыдущ|минувш|прошедш|текущ|эт|нынешн|следующ|будущ|наступающ)"
    r"(?:ом|ем|его|ого|ий|ый|ая|ой|ей|ем)"
)
_SEASONS = {"осе": "autumn", "вес": "spring", "лет": "summer", "зим": "winter"}
_UNITS = {"год": "year", "месяц": "month", "недел": "week", "квартал": "quarter"}
# Weekdays in the accusative of `в среду` (on Wednesday).
_WEEKDAYS = {
    "понедельник": "Monday",
    "вторник": "Tuesday",
    "среду": "Wednesday",
    "четверг": "Thursday",
    "пятницу": "Friday",
    "субботу": "Saturday",
    "воскресенье": "Sunday",
}
_WEEKDAY_RELATIVE = {"прошл": "last", "минувш": "last", "эт": "this", "следующ": "next"}


# The words (in lower case) one of which every match of a pattern of relative words
# («в прошлом году») or of months («в декабре») holds.
_RELATIVE_WORDS = (
    "прошл предыдущ минувш прошедш текущ нынешн следующ будущ наступающ"
    " этом этем этего этого этий этый этая этой этей"
)
_MONTH_WORDS = "январ феврал март апрел мае май маю мая июн июл август сентябр октябр ноябр декабр"


# Each pattern, the English it becomes (a function of the match), and words (in lower case)
# one of which each of its matches holds, none for a pattern holding no word: a text
# holding none of them is not searched with it, as most texts hold none of most patterns'
# words (tests/test_ingest.py proves each pattern's words from its parts). Compiled
# when a text with Cyrillic letters is first read: an English article never needs them.
@cache
def _phrases() -> list[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    phrases = [
        # «в 2020-х годах», «к 2030-м годам», «2010-е годы»: a decade, no year (its
        # preposition too, or `в` would make `in 2020` of it)
        (
            re.compile(
                r"(?:\b(?:в|во|к|до|с|на)\s+)?(?P<decade>\d{3}0)-?(?:х|е|м)\s+"
                r"(?:годы|годах|годов|годам|гг\.)(?!\w)",
                re.IGNORECASE,
            ),
            "decade",
            "год гг.",
        ),
        # «запланирован на 2026 год», «намечен на март», «намечалось на конец 2023 года»,
        # «планировалось на лето»: scheduled (not «отложен на 2027 год»)
        (
            re.compile(r"\b(?:запланирова|намеча|намечен|планировал)\w*\s+на\b", re.IGNORECASE),
            "scheduled",
            "запланирова намеча намечен планировал",
        ),
        # «перенесен на 2027 год», «отложили на второй квартал», «переносится на конец 2025
        # года» (the present, as `is moved to`): a new target (postponed to)
        (
            re.compile(
                r"\b(?:перенес[её]н[аоы]?|перенесл[аои]|перенесут|переносит(?:ся|ь?)|переносятся"
                r"|переносят|отложен[аоы]?|отложил[аои]?|откладывает(?:ся)?|откладываются"
                r"|сдвинут[аоы]?|сдвинул[аои]?|сдвигает(?:ся)?|сдвигаются|отодвинут[аоы]?"
                r"|отодвинул[аои]?)"
                # «перенесли на следующий год»: the time read with the verb's «на»
                rf"\s+на\b(?:\s+{_RELATIVE_WORD}\s+(?P<punit>год|месяц|недел|квартал)\w*)?",
                re.IGNORECASE,
            ),
            "postponed",
            "перенес перенос отлож отклад сдвин сдвига отодвин",
        ),
        # «на конец 2025 года», «на начало года», «на середину 2026 года», «на лето 2021 года»
        # after a verb of scheduling (its «на» read with the verb: `scheduled in the end of`,
        # `postponed to summer 2021`): a part of a year in the accusative
        (
            re.compile(
                r"(?<=\bна\s)(?:(?P<apos>конец|начало|середину)(?P<atheyear>\s+(?:этого\s+"
                r"|текущего\s+)?года\b)?|(?P<aseason>осень|весну|лето|зиму)\b)",
                re.IGNORECASE,
            ),
            "accusative",
            "конец начало середину осень весну лето зиму",
        ),
        # «в третьем квартале следующего года», «во втором квартале 2026 года», «на второй
        # квартал» (its «на» read with the word before it: `scheduled in`, `postponed to`)
        (
            re.compile(
                r"(?:\b(?:в|во|до|к|ко)\s+|(?<=\bна\s))"
                r"(?P<ord>перв|втор|трет|четверт|IV|I{1,3}|[1-4](?=[\s-]))"
                r"[\w-]*\s+квартал\w*"
                rf"(?:\s+{_RELATIVE_WORD}\s+год\w*)?",
                re.IGNORECASE,
            ),
            "quarter",
            "квартал",
        ),
        # «во второй половине февраля 2018 года»: in the second half of
        (
            re.compile(
                r"(?:\b(?:в|во|до|к|ко)\s+|(?<=\bна\s))"
                r"(?P<half>перв|втор)\w*\s+(?P<part>половин|полугоди)\w*",
                re.IGNORECASE,
            ),
            "half",
            "половин полугоди",
        ),
        # «осенью», «к осени 2021 года»: a season
        (
            re.compile(
                r"\b(?:(?P<slead>к|до|с)\s+(?:(?P<frel>прошл|эт|следующ|будущ)\w*\s+)?"
                r"(?P<to>осени|весн[еы]|лет[ау]|зим[еы])"
                r"|(?:(?P<srel>прошл|эт|следующ|будущ)\w*\s+)?(?P<season>осенью|весной|летом|зимой))\b",
                re.IGNORECASE,
            ),
            "season",
            "осен весн лет зим",
        ),
        # «в прошлом году», «в этом месяце», «на следующей неделе», «в текущем году»
        (
            re.compile(
                rf"\b(?:в|на)\s+{_RELATIVE_WORD}\s+(?P<unit>год|месяц|недел|квартал)\w*",
                re.IGNORECASE,
            ),
            "period",
            _RELATIVE_WORDS,
        ),
        # «в позапрошлом году», «позапрошлой осенью» is not read: the year before last
        (
            re.compile(r"\b(?:в|на)\s+позапрошл\w*\s+(?P<unit>год|месяц|недел)\w*", re.IGNORECASE),
            "before-last",
            "позапрошл",
        ),
        # «до конца месяца», «в начале квартала»: the month or quarter of publication, after
        # a part of it (`by the end of the month`)
        (
            re.compile(
                r"(?:(?<=конца\s)|(?<=концу\s)|(?<=конце\s)|(?<=начала\s)|(?<=начале\s)"
                r"|(?<=середины\s)|(?<=середине\s))(?P<unit>месяца|квартала)\b",
                re.IGNORECASE,
            ),
            "of-period",
            "месяца квартала",
        ),
        # «в декабре прошлого года»
        (
            re.compile(rf"\b{_MONTH_WORD}\s+{_RELATIVE_WORD}\s+года\b", re.IGNORECASE),
            "month-of-year",
            _RELATIVE_WORDS,
        ),
        # «в конце 2023 года», «в начале марта», «в середине прошлого года»: a part of a period
        (
            re.compile(
                r"\bв\s+(?P<pos>конце|начале|середине)(?P<theyear>\s+(?:этого\s+|текущего\s+)?года\b)?",
                re.IGNORECASE,
            ),
            "position",
            "конце начале середине",
        ),
        # «до середины 2026 года», «к началу года»: by a part of a period (`by the middle of`)
        (
            re.compile(
                r"\b(?:до|к)\s+(?P<bypos>середин[ыеу]|начал[ау])"
                r"(?P<bytheyear>\s+(?:этого\s+|текущего\s+)?года\b)?",
                re.IGNORECASE,
            ),
            "by-position",
            "середин начал",
        ),
        # «в декабре того же года», «в том же году»: the year written before (`the same year`)
        (
            re.compile(r"\b(?:того\s+же\s+года|(?:в\s+)?том\s+же\s+году)\b", re.IGNORECASE),
            "same-year",
            "того году",
        ),
        # «прошлого года», «прошлого месяца» after a part of it (`by the end of next year`,
        # `at the end of last month`)
        (
            re.compile(rf"\b{_RELATIVE_WORD}\s+(?P<of>года|месяца)\b", re.IGNORECASE),
            "year-of",
            _RELATIVE_WORDS,
        ),
        # «годом ранее», «двумя годами позже», «год спустя», «через два года» (not «через
        # год после», a time counted back): counted from the date written before (`a year
        # earlier`, `two years later`)
        (
            re.compile(
                r"\b(?:(?P<in>\d{1,2}|двумя|тремя|четырьмя|пятью)\s+)?(?P<iu>годом|годами|месяцем"
                r"|месяцами|неделей|неделями)\s+(?P<dir>ранее|раньше|позже|позднее)\b"
                r"|\b(?:(?P<sn>\d{1,2}|два|две|три|четыре|пять)\s+)?(?P<su>год|года|лет|месяц"
                r"|месяца|месяцев|неделю|недели|недель)\s+спустя\b(?!\s+после)"
                r"|\b(?:спустя|через)\s+(?:(?P<tn>\d{1,2}|два|две|три|четыре|пять)\s+)?"
                r"(?P<tu>год|года|лет|месяц|месяца|месяцев|неделю|недели|недель)\b(?!\s+после)",
                re.IGNORECASE,
            ),
            "counted",
            "годом годами месяцем месяцами неделей неделями спустя через",
        ),
        (re.compile(r"\bна\s+следующий\s+день\b", re.IGNORECASE), "next-day", "следующий"),
        # «два года назад», «месяц назад» (not «почти год назад», «несколько лет назад»: vague)
        (
            re.compile(
                r"(?<!почти\s)(?<!около\s)(?<!более\s)(?<!менее\s)\b(?:(?P<n>\d{1,2}|два|две|три"
                r"|четыре|пять|шесть|семь|восемь|девять|десять|пару)\s+(?P<units>года|лет|месяца|месяцев"
                r"|недели|недель|дня|дней)|(?P<one>год|месяц|неделю|день))\s+назад\b",
                re.IGNORECASE,
            ),
            "ago",
            "назад",
        ),
        # «полгода назад»: half a year ago
        (re.compile(r"\bполгода\s+назад\b", re.IGNORECASE), "half-year-ago", "полгода"),
        (re.compile(r"\bнакануне\b", re.IGNORECASE), "eve", "накануне"),
        # «в декабре», «к марту»: a month without a year; «до конца года» is not a date
        (
            re.compile(rf"\b(?P<lead>в|во|к|до|с)\s+{_MONTH_WORD}\b(?!\s+\d)", re.IGNORECASE),
            "in-month",
            _MONTH_WORDS,
        ),
        (re.compile(rf"\b{_MONTH_WORD}\b", re.IGNORECASE), "month", _MONTH_WORDS),
        # `2015 г.`, `2025 года`, «2030-му году», «2025-го»: the year's noun and ending are
        # not part of an English date
        (
            re.compile(
                r"(?<=\d{4})(?:-?(?:го|му|м|й|х)\b)?(?:\s+(?:г\.|года\b|году\b|год\b|годы\b"
                r"|годах\b|гг\.))?(?<!\d)",
                re.IGNORECASE,
            ),
            "drop",
            "",
        ),
        # «не позднее 2026 года», «не позже марта»: no later than
        (re.compile(r"\bне\s+(?:позднее|позже)\b", re.IGNORECASE), "no-later", "позднее позже"),
        # `в 22:10`
        (re.compile(r"\bв(?=\s+\d{1,2}:\d{2})"), "at", ":"),
        (
            re.compile(
                r"\b(?:Дата\s+публикации|Опубликовано|Обновлено|Дата)(?=\s*:)", re.IGNORECASE
            ),
            "label",
            "дата публикации опубликовано обновлено",
        ),
        (
            re.compile(r"\b(?:позавчера|вчера|сегодня|завтра)\b", re.IGNORECASE),
            "day-word",
            "вчера сегодня завтра",
        ),
        # «в среду», «в прошлый четверг», «в минувшую пятницу», «в это воскресенье»
        (
            re.compile(
                r"\b(?:в|во)\s+(?:(?P<wrel>прошл|минувш|эт|следующ)\w*\s+)?"
                r"(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
                re.IGNORECASE,
            ),
            "weekday",
            "понедельник вторник среду четверг пятницу субботу воскресенье",
        ),
        # What makes a date a target: «до конца 2025 года», «будет запущен в 2026 году»; «до
        # конца года» is the end of the year of publication.
        (
            re.compile(
                r"\b(?:до|к)\s+конц[аеу]\s+(?:(?:этого|текущего|нынешнего)\s+)?года\b",
                re.IGNORECASE,
            ),
            "by-year-end",
            "конц",
        ),
        (re.compile(r"\b(?:до|к)\s+конц[аеу]\b", re.IGNORECASE), "by-end", "конц"),
        # «программа на 2026-2028 годы»: a programme's years
        (
            re.compile(r"\bна(?=\s+\d{4}\s*[-–—]\s*\d{4}\s+(?:годы|гг\.))", re.IGNORECASE),
            "for",
            "годы гг.",
        ),
        (
            re.compile(
                r"\b(?:будет|будут|планиру\w+|планирова\w+|запланирова\w+|намеча\w+|намечен\w*|намерен[аоы]?\b|намерева\w+|ожида\w+"
                r"|предполага\w+|рассчитыва\w+|начн[её]тся|начнутся|завершится|завершатся"
                r"|состоится|состоятся|откроется|откроются|заработает|заработают|стартует"
                r"|долж(?:ен|на|но|ны)\b)",
                re.IGNORECASE,
            ),
            "future",
            (
                "будет будут планиру планирова намеча намечен намерен намерева ожида предполага"
                " рассчитыва начн заверш состоит состоят откро заработа стартует долж"
            ),
        ),
        # A perfective verb in the present form tells the future (`запустит сеть в марте`: will
        # launch): the common ones of the trade, third person and `we`.
        (
            re.compile(
                r"\b(?:запуст|заверш|подключ|возобнов|обеспеч|установ|предостав|расшир|объяв"
                r"|внедр|охват|увелич|выдел|подготов)(?:ит|ят|ат|им)\b"
                r"|\b(?:постро|проло[жг])(?:ит|ят|ат|им)\b|\bоткро(?:ет|ют|ем)\b"
                r"|\b(?:подпиш|начн|введ|провед|перейд|выйд|разверн)(?:[её]т|ут|[её]м)\b"
                r"|\b(?:созда(?:ст|дут|дим)|сда(?:ст|дут|дим))\b",
                re.IGNORECASE,
            ),
            "future",
            (
                "запуст заверш подключ возобнов обеспеч установ предостав расшир объяв внедр"
                " охват увелич выдел подготов постро проло откро подпиш начн введ провед перейд"
                " выйд разверн созда сда"
            ),
        ),
        # `в 2015 году`: a year after `в` is a date
        (re.compile(r"\bв(?=\s+\d{4}\b)", re.IGNORECASE), "in", "в"),
        # «до мая 2026 года», «к 15 марта 2026 года»: a target month or day
        (
            re.compile(
                rf"\b(?:к|до)(?=\s+(?:\d{{1,2}}\s+)?{_MONTH_WORD}\s+\d{{4}})", re.IGNORECASE
            ),
            "by",
            _MONTH_WORDS,
        ),
        # `к 2027 году`, `до 2030 года`: a target year
        (
            re.compile(r"\b(?:к|до)(?=\s+\d{4}(?:-?(?:го|му|м|й))?\s+(?:год|г\.))", re.IGNORECASE),
            "by",
            "год г.",
        ),
    ]
    return [(pattern, kind, tuple(words.split())) for pattern, kind, words in phrases]


# What a Russian sentence needs to hold a date in words (a cheap test before reading it).
DATE_WORDS = LazyPattern(
    r"(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|год|квартал|месяц"
    r"|недел|вчера|сегодня|завтра|осен|весн|летом|лет[ау]\b|зим|полгода|выходн)",
    re.IGNORECASE,
)
_LEADS = {"в": "in", "во": "in", "к": "by", "до": "by", "с": "since"}
_LABELS = {"дата": "Date", "опубликовано": "Published", "обновлено": "Updated"}
_PREPOSITION = LazyPattern(r"(?:в|во)\s", re.IGNORECASE)
_BY_PREPOSITION = LazyPattern(r"(?:до|к|ко)\s", re.IGNORECASE)
_NUMBERED = {"I": "first", "II": "second", "III": "third", "IV": "fourth"}
_NUMBERED |= {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_YEAR_NAMED = LazyPattern(rf"\s+{_RELATIVE_WORD}\s+года\b", re.IGNORECASE)
_PERIOD_FOLLOWS = LazyPattern(rf"\s+(?:\d{{4}}|{_RELATIVE_WORD}\s+года|{_MONTH_WORD})", re.I)
_POSITIONS = {"конце": "at the end of", "начале": "at the beginning of"}
_POSITIONS["середине"] = "in the middle of"
_PARTS_OF = {"конец": "the end of", "начало": "the beginning of", "середину": "the middle of"}
# A unit's first three letters, in every case after a count: «года», «лет», «месяцев», «дня».
_AGO_UNITS = {"год": "year", "лет": "year", "мес": "month", "нед": "week"}
_AGO_UNITS |= {"ден": "day", "дня": "day", "дне": "day"}
COUNTS = {"два": "2", "две": "2", "три": "3", "четыре": "4", "пять": "5", "шесть": "6"}
COUNTS |= {"семь": "7", "восемь": "8", "девять": "9", "десять": "10"}
COUNTS["пару"] = "2"  # «пару недель назад»: a couple of weeks ago
_INSTRUMENTAL = {"двумя": "2", "тремя": "3", "четырьмя": "4", "пятью": "5"}
# Counts in the genitive, after «в течение», «в ближайшие»: «пяти лет», «трёх месяцев».
GENITIVE_COUNTS = {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5}
GENITIVE_COUNTS |= {"шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10}
# A unit's first letters, in every case after a count (`дня`, `дней`, `лет`).
UNIT_STEMS = {"ден": "day", "дн": "day", "нед": "week", "мес": "month", "год": "year"}
UNIT_STEMS |= {"лет": "year"}

# Russian words the event-date rules (events.py) read beside their English twins, as
# written rather than put into English: each is one alternative of the rule's pattern.
# The weekend before the story's day: «в выходные», «в минувшие выходные», «на выходных».
WEEKEND_HINT = "выходн"
WEEKEND_WORDS = r"\b(?:в|на)\s+(?:(?:минувшие|прошлые|прошедшие|эти)\s+)?выходн(?:ые|ых)\b"
# A time counted forward from the story's day: «в течение пяти лет», «через два года», «в
# ближайшие три года»; not a span counted from another event («через год после …»).
WITHIN_HINTS = ("течени", "через", "ближайш")
WITHIN_WORDS = (
    r"(?:\bв\s+течение\s+(?:ближайших\s+)?|\bчерез\s+|\bв\s+ближайшие\s+)"
    r"(?:(?P<rn>\d{1,2}|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти"
    r"|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+)?"
    r"(?P<runit>лет|года|год|месяцев|месяца|месяц)(?!\w)(?!\s+(?:после|с\s+момента)\b)"
)
# The verbs of a date moved («перенесли», «откладывается», «сдвинули», «отодвинули») and
# the preposition of the new time («на 2027 год»).
MOVED_WORDS = r"перенес\w*|перенос\w*|отлож\w*|отклад\w*|сдвин\w*|сдвига\w*|отодвин\w*"
MOVED_TO = "на"
# A time counted back from the main clause: «через пять месяцев после того, как …», «спустя
# год после …» (not «почти через год после», as `almost a year after`).
SPAN_AFTER_HINT = "после"
SPAN_AFTER_WORDS = (
    r"(?<!почти\s)\b(?:через|спустя)\s+(?:(?P<rn>\d{1,2}|два|две|три|четыре|пять|шесть|семь|восемь"
    r"|девять|десять)\s+)?(?P<runit>день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев"
    r"|год|года|лет)\s+после(?:\s+того,?\s+как)?(?!\w)"
)
# A date told only vaguely: «несколько лет назад», «более трёх лет назад».
AGO_HINT = "назад"
VAGUE_AGO_WORDS = (
    r"\bнесколько\s+(?:лет|месяцев|недель)\s+назад\b|\bболее\s+\S+\s+(?:лет|года|месяцев)\s+назад\b"
)
# The verbs of a report, whose date is the report's: «сообщил в среду», «заявила».
REPORTING_WORDS = r"сообщил[аи]?|заявил[аи]?|объявил[аи]?|рассказал[аи]?"
# A clause set against the one before: «…, однако …», «…, но …».
BUT_WORDS = "однако|но"
# A participle set after its noun with a date, ending the sentence: «кредита, подписанного в
# прошлом году.» (the date words already in English there, a month's «в» before its year kept).
TRAILING_PARTICIPLE = (
    r",\s+[а-яё]+(?:нн|вш|т)[а-яё]{1,3}\s+(?:(?:in|on|last|this|since|в|во|с)\b|\d)[^,;]*$"
)
_ENGLISH_COUNTS = ["", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_DAY_WORDS = {"вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow"}
_DAY_WORDS["позавчера"] = "the day before yesterday"


class EnglishText(NamedTuple):
    """Text with its Russian date words in English; `origin[i]` is where the English
    text's character i (and `origin[len(text)]`, its end) comes from in the original."""

    text: str
    origin: list[int]


def _month(word: str) -> str:
    word = word.casefold()
    for stem in sorted(_MONTHS, key=len, reverse=True):
        if word.startswith(stem):
            return _MONTHS[stem]
    raise ValueError(word)


def _lead(phrase: str) -> str:
    """The English preposition of a phrase opening on «в» (`in `) or «до», «к» (`by `); none
    after a verb's «на», read with the verb (`postponed to`)."""
    if _PREPOSITION.match(phrase):
        return "in "
    return "by " if _BY_PREPOSITION.match(phrase) else ""


def _english(kind: str, match: re.Match[str]) -> str:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    relative = _RELATIVE.get(groups.get("rel", "").casefold(), "")
    if kind == "quarter":
        lead = _lead(match.group())
        ordinal = groups["ord"].casefold()
        quarter = f"{lead}the {_ORDINALS.get(ordinal) or _NUMBERED[ordinal.upper()]} quarter"
        if relative:
            return f"{quarter} of {relative} year"
        year_follows = re.match(r"\s+\d{4}", match.string[match.end() :])
        return f"{quarter} of" if year_follows else quarter
    if kind == "season":
        season = _SEASONS[(groups.get("to") or groups["season"]).casefold()[:3]]
        relative = _RELATIVE.get((groups.get("srel") or groups.get("frel") or "").casefold())
        lead = {"с": "since"}.get(groups.get("slead", "").casefold(), "by")
        # «летом прошлого года»: the season of the year named after it (`in summer of` +
        # `last year`), not the latest summer
        of = " of" if _YEAR_NAMED.match(match.string, match.end()) else ""
        if groups.get("slead"):
            return f"{lead} {relative} {season}" if relative else f"{lead} {season}{of}"
        return f"{relative} {season}" if relative else f"in {season}{of}"
    if kind == "half":
        lead = _lead(match.group())
        half = f"{lead}the {'first' if groups['half'].casefold() == 'перв' else 'second'} half"
        # «половина» is always of something; «полугодие» may stand alone (`in the first half`)
        after = match.string[match.end() :]
        alone = groups["part"].casefold() == "полугоди" and not _PERIOD_FOLLOWS.match(after)
        return half if alone else f"{half} of"
    if kind == "decade":
        return f"the {groups['decade']}s"
    if kind == "accusative":
        if groups.get("aseason"):
            return _SEASONS[groups["aseason"].casefold()[:3]]
        part = _PARTS_OF[groups["apos"].casefold()]
        return f"{part} the year" if groups.get("atheyear") else part
    if kind == "position":
        position = _POSITIONS[groups["pos"].casefold()]
        return f"{position} the year" if groups.get("theyear") else position
    if kind == "by-position":
        part = (
            "the middle of"
            if groups["bypos"].casefold().startswith("серед")
            else "the beginning of"
        )
        return f"by {part} the year" if groups.get("bytheyear") else f"by {part}"
    if kind == "same-year":
        return "the same year"
    if kind == "year-of":
        return f"{relative} {'month' if groups['of'].casefold() == 'месяца' else 'year'}"
    if kind == "ago":
        if groups.get("one"):
            return f"a {_AGO_UNITS[groups['one'].casefold()[:3]]} ago"
        count = COUNTS.get(groups["n"].casefold(), groups["n"])
        return f"{count} {_AGO_UNITS[groups['units'].casefold()[:3]]}s ago"
    if kind == "counted":
        word = (groups.get("in") or groups.get("sn") or groups.get("tn") or "").casefold()
        count = int(_INSTRUMENTAL.get(word) or COUNTS.get(word) or word or "1")
        unit = _AGO_UNITS[(groups.get("iu") or groups.get("su") or groups["tu"]).casefold()[:3]]
        later = groups.get("dir", "позже").casefold() not in ("ранее", "раньше")
        number = _ENGLISH_COUNTS[count] if count < len(_ENGLISH_COUNTS) else str(count)
        return f"{number} {unit}{'s' if count > 1 else ''} {'later' if later else 'earlier'}"
    if kind == "next-day":
        return "the following day"
    if kind == "eve":
        return "the day before"
    if kind == "half-year-ago":
        return "half a year ago"
    if kind == "period":
        return f"{relative} {_UNITS[groups['unit'].casefold()]}"
    if kind == "of-period":
        return f"the {_UNITS[groups['unit'].casefold()[:-1]]}"
    if kind == "before-last":
        return f"the {_UNITS[groups['unit'].casefold()]} before last"
    if kind == "month-of-year":
        return f"{_month(groups['month'])} of {relative} year"
    if kind == "in-month":
        return f"{_LEADS[groups['lead'].casefold()]} {_month(groups['month'])}"
    if kind == "month":
        return _month(groups["month"])
    if kind == "at":
        return "at"
    if kind == "label":
        return _LABELS.get(match.group().split()[0].casefold(), "Date")
    if kind == "day-word":
        return _DAY_WORDS[match.group().casefold()]
    if kind == "weekday":
        relative = _WEEKDAY_RELATIVE.get((groups.get("wrel") or "").casefold(), "on")
        return f"{relative} {_WEEKDAYS[groups['wd'].casefold()]}"
    if kind == "postponed" and groups.get("punit"):
        return f"postponed to {relative} {_UNITS[groups['punit'].casefold()]}"
    english = {"by-end": "by the end of", "future": "will", "in": "in", "by": "by", "for": "for"}
    english["postponed"] = "postponed to"
    english["no-later"] = "no later than"
    english["by-year-end"] = "by the end of the year"
    return english.get(kind, "scheduled in" if kind == "scheduled" else "")


# 0, 1, 2, ...: the origins of a text with nothing rewritten are a slice of it (a copy of
# stored numbers, where a list made anew makes each number above 256).
_SAME_PLACES = list(range(4_096))


def english_dates(text: str) -> EnglishText:
    """`text` with its Russian date expressions written in English, and the way back."""
    if not _CYRILLIC.search(text):  # nothing to rewrite: each character is its own
        places = len(text) + 1
        same = _SAME_PLACES[:places] if places <= len(_SAME_PLACES) else list(range(places))
        return EnglishText(text, same)
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for start, end, english in _rewrites(text):
        pieces += [text[position:start], english]
        origin += [*range(position, start), *[start] * len(english)]
        position = end
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return EnglishText("".join(pieces), origin)


def _english_text(text: str) -> str:
    """`english_dates(text).text`, without the way back (a dateline's reader needs none)."""
    if not _CYRILLIC.search(text):
        return text
    pieces: list[str] = []
    position = 0
    for start, end, english in _rewrites(text):
        pieces += [text[position:start], english]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# The date readers ask again for the same texts (an event's sentence for each of its
# dates, the body for its dateline's day, its date lines and its events' dates), a third
# of the asking: the last few answers are kept (ingest17: a Russian article's analysis
# ~9% less CPU).
@lru_cache(maxsize=16)
def _rewrites(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, English) of each Russian date expression of `text`, in text order."""
    found: list[tuple[int, int, str]] = []  # earlier patterns win where two overlap
    every = not _OTHER_CASES.isdisjoint(text)  # (then each pattern is searched)
    held = _words_held(text.lower())
    for pattern, kind, words in _phrases():
        if words and not every and held.isdisjoint(words):
            continue
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end, _ in found):
                found.append((match.start(), match.end(), _english(kind, match)))
    return tuple(sorted(found))


@cache
def _word_search() -> tuple[AhoCorasick, list[str]]:
    """One search for every pattern's words, and the words."""
    words = sorted({word for _, _, held in _phrases() for word in held})
    return AhoCorasick(words), words


def _words_held(lowered: str) -> set[str]:
    """The patterns' words a text in lower case holds (one pass, overlapping ones too)."""
    search, words = _word_search()
    return {
        words[index] for index, _, _ in search.find_matches_as_indexes(lowered, overlapping=True)
    }


def date_lines(text: str) -> str:
    """The text in English date words, with a breadcrumb line's repeated headline cut."""
    lines = _english_text(text).splitlines()
    following = [*(line.strip() for line in lines[1:]), ""][: len(lines)]
    return "\n".join(
        line.rstrip()[: -len(after)].rstrip()
        if len(after) > 15 and line.rstrip().endswith(after) and line.strip() != after
        else line
        for line, after in zip(lines, following, strict=True)
    )
