"""Design aid, not part of the product: link the GOLD events of a set (events-gold.yaml)
into deals and score them against its deals.yaml, to see what the linker does with
perfect events. Real figures come from `caconnect eval GOLD.yaml --deals DEALS.yaml`.

    python scripts/deals_oracle.py ../shared/deals [data/deals.yaml]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ca_connect.deals import deals_from_facts, facts_of, status_as_of
from ca_connect.deals.evaluate import load_gold_deals, newest_source, score_deals
from ca_connect.deals.named import load_named_deals
from ca_connect.dictionary import find_organization, load_dictionary
from ca_connect.errors import UsageError
from ca_connect.loader import load_articles
from ca_connect.models import Event, PartialDate, Party
from ca_connect.tagging.tagger import tag


def gold_events(folder: Path, dictionary, articles) -> dict[str, list[Event]]:
    records = yaml.safe_load((folder / "events-gold.yaml").read_text(encoding="utf-8"))
    by_id = {a.id: a for a in articles}
    events: dict[str, list[Event]] = {}
    for record in records:
        article = by_id[record["article"]]
        found = []
        for number, gold in enumerate(record["events"] or [], 1):
            parties = [_party(name, dictionary) for name in gold.get("parties") or []]
            field, start, end, text = _where(article, gold.get("sentence") or "")
            date = gold.get("date")
            found.append(
                Event(
                    article_id=article.id,
                    number=number,
                    stage=gold["stage"],
                    date=PartialDate.parse(str(date)) if date else None,
                    parties=parties,
                    initiatives=gold.get("initiatives") or [],
                    field=field,
                    start=start,
                    end=end,
                    text=text,
                )
            )
        events[article.id] = found
    return events


def _party(name: str, dictionary) -> Party:
    name = str(name)
    if re.fullmatch(r"[A-Z]{2}", name):
        return Party(id=name, name=name, kind="country", country=name)
    try:
        org = find_organization(dictionary, name)
        return Party(id=org.id, name=org.name, kind=org.kind, country=org.country)
    except UsageError:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return Party(id=f"new:{slug}", name=name, kind="company")


def _where(article, sentence: str):
    head = sentence.rstrip("…").strip()[:60]
    for field in ("title", "body"):
        text = article.field_text(field) or ""
        at = text.find(head) if head else -1
        if at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            return field, at, end, text[at:end]
    return "body", 0, 0, sentence


def main() -> None:
    folder = Path(sys.argv[1])
    named_path = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    dictionary = load_dictionary(Path("data/entities.yaml"))
    named = load_named_deals(named_path, dictionary) if named_path else []
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    loaded = load_articles(articles)
    events = gold_events(folder, dictionary, loaded.articles)
    tagged = [
        tag(a, dictionary).model_copy(update={"events": events.get(a.id, [])})
        for a in loaded.articles
    ]
    facts = facts_of(tagged, named)
    deals = [
        status_as_of(deal, newest_source(deal))
        for deal in deals_from_facts(facts, named, dictionary=dictionary)
    ]
    scores = score_deals(load_gold_deals(folder / "deals.yaml"), deals)
    for row in scores.rows() + scores.per_deal + scores.details:
        print(row)
    for deal in deals:
        articles = sorted({h.article for h in deal.history})
        print(f"{deal.id:45} {deal.status:10} {','.join(articles)}")


if __name__ == "__main__":
    main()
