"""Sums of money a sentence states: `$446 million`, `US$1.2bn`, `50 million euros`,
`KZT 10 billion`, `7 mln dollars`. Only written amounts with a written currency count;
a currency the text leaves ambiguous (`manat`, `dollars` after a non-US country's name
aside) gives no amount: nothing is guessed.
"""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern
from ..models import Amount

# Currency words and signs -> ISO 4217 code.
_CODES = {
    **dict.fromkeys(("$", "us$", "usd", "dollar", "dollars", "доллар", "долларов"), "USD"),
    **dict.fromkeys(("€", "eur", "euro", "euros", "евро"), "EUR"),
    **dict.fromkeys(("£", "gbp", "pound", "pounds"), "GBP"),
    **dict.fromkeys(("kzt", "tenge", "tenges", "тенге", "₸"), "KZT"),
    **dict.fromkeys(("kgs", "som", "soms", "сом", "сомов"), "KGS"),
    **dict.fromkeys(("tjs", "somoni", "сомони"), "TJS"),
    **dict.fromkeys(("uzs", "sum", "sums", "soum", "soums", "сум", "сумов"), "UZS"),
    **dict.fromkeys(("tmt",), "TMT"),
    **dict.fromkeys(("azn",), "AZN"),
    **dict.fromkeys(("rub", "ruble", "rubles", "rouble", "roubles", "рубль", "рублей"), "RUB"),
    **dict.fromkeys(("cny", "yuan", "юаней"), "CNY"),
    **dict.fromkeys(("jpy", "yen", "¥", "иен"), "JPY"),
}
_SCALES = {
    **dict.fromkeys(("thousand", "k", "тыс"), 1e3),
    **dict.fromkeys(("million", "millions", "mln", "m", "mn", "млн"), 1e6),
    **dict.fromkeys(("billion", "billions", "bln", "bn", "b", "млрд"), 1e9),
    **dict.fromkeys(("trillion", "trln", "трлн"), 1e12),
}
_SIGN = r"(?P<sign>US\$|\$|€|£|¥|₸|\b(?:USD|EUR|GBP|KZT|KGS|TJS|UZS|TMT|AZN|RUB|CNY|JPY)\b)"
_NUMBER = r"(?P<number>\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_SCALE = (
    r"(?:\s*(?P<scale>thousand|millions?|billions?|trillion|mln|bln|trln|mn|bn"
    r"|тыс|млн|млрд|трлн|[kmb])\b\.?)?"
)
_WORD = (
    r"(?P<word>US\s+dollars?|dollars?|euros?|pounds?|tenges?|soms?|somoni|soums?|sums?"
    r"|roubles?|rubles?|yuan|yen|долларов|доллар|евро|тенге|сомов|сомони|сумов|рублей|юаней)\b"
)
_SIGN_FIRST = LazyPattern(rf"{_SIGN}\s?{_NUMBER}{_SCALE}", re.IGNORECASE)
_WORD_AFTER = LazyPattern(rf"\b{_NUMBER}{_SCALE}\s+(?:US\s+)?{_WORD}", re.IGNORECASE)
_CODE_AFTER = LazyPattern(
    rf"\b{_NUMBER}{_SCALE}\s+(?P<code>USD|EUR|KZT|KGS|TJS|UZS|RUB|CNY|JPY)\b", re.IGNORECASE
)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text`, in reading order, each once."""
    found: list[tuple[int, int, Amount]] = []
    for pattern in (_SIGN_FIRST, _WORD_AFTER, _CODE_AFTER):
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in found):
                continue
            amount = _amount(match)
            if amount is not None:
                found.append((match.start(), match.end(), amount))
    return [amount for _, _, amount in sorted(found, key=lambda item: item[0])]


def _amount(match: re.Match[str]) -> Amount | None:
    groups = match.groupdict()
    currency_word = (groups.get("sign") or groups.get("word") or groups.get("code") or "").lower()
    currency = _CODES.get(" ".join(currency_word.split()[-1:]) or currency_word)
    if currency is None:
        return None
    number = groups["number"].replace(" ", "")
    if "," in number and "." not in number and len(number.split(",")[-1]) != 3:
        number = number.replace(",", ".")  # a decimal comma: `1,5 млрд`
    value = float(number.replace(",", ""))
    scale = (groups.get("scale") or "").lower().rstrip(".")
    if scale:
        if scale in ("m", "b", "k") and groups.get("sign") is None:
            return None  # `5 m` without a currency sign is a length, not money
        value *= _SCALES[scale]
    text = match.group().strip()
    return Amount(value=value, currency=currency, text=text)
