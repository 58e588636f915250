"""A reproducible synthetic corpus for benchmarks: `python bench/generate.py OUT N`.

OUT becomes a data folder (OUT/articles/ and OUT/entities.yaml) that caconnect reads
with `--data OUT`. The same seed, N and dictionary give the same files, byte for byte.

What makes it realistic, measured on the development corpus (../shared/corpus):
- articles of 1-4 kB, about half `.txt` (headline, text) and half `.md` (YAML front
  matter with source, url and sometimes title and date);
- publication dates in the forms real files use (front matter, a ` date` header line,
  a date line under the headline, a dateline or signature, a date in the URL) and about
  a third of articles with none;
- the dictionary's own names (countries by name, alias, demonym and capital;
  organisations by name and alias; initiative triggers) at the density of real
  articles: one subject country, a few others, ~15 mentions and ~2 deal events each;
- event dates inside sentences (`on 24 April 2024`, `by the end of 2025`);
- deal stories: a fifth of the articles continue one of `count / 25` multi-year deals (a
  host country, a foreign company, a type, a named project), in stage order, so that
  `deals` links several articles into each.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_ENTITIES = PROJECT / "data" / "entities.yaml"
FALLBACK_ENTITIES = PROJECT / "tests" / "fixtures" / "entities.yaml"

CENTRAL_ASIA = ("UZ", "TM", "KZ", "KG", "TJ")
# Articles about each Central Asian country, and how often other countries come up:
# the shares of the development corpus (30 real articles).
SUBJECT_WEIGHTS = {"UZ": 11, "TM": 8, "KZ": 7, "KG": 5, "TJ": 5}
PARTNER_WEIGHTS = {
    **{code: 2 for code in CENTRAL_ASIA},
    **{"RU": 6, "CN": 6, "AZ": 5, "PK": 4, "US": 3, "AF": 3, "IN": 2, "JP": 2, "IR": 2, "TR": 2},
}
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SOURCES = (
    "trend.az",
    "kun.uz",
    "24.kg",
    "asiaplustj.info",
    "newscentralasia.net",
    "kursiv.media",
    "inform.kz",
    "telecompaper.com",
)

# Sentences with slots: {C} a country's name or alias, {D} its demonym, {K} its capital,
# {O} an organisation, {I} an initiative trigger, {W} an event date, {Y} a year, {N} a number.
EVENT_SENTENCES = (
    "{O} signed an agreement with {O} to build {I} infrastructure in {C} {W}.",
    "The {D} government held talks with {O} on {I} projects in {K}.",
    "{C} plans to expand {I} coverage to {N} settlements by the end of {Y}.",
    "{O} launched {I} services in {K} {W}, the company said.",
    "Officials of {C} and {C} discussed cooperation in {I} and {I} during a meeting in {K}.",
    "A memorandum of understanding between {O} and {O} covers {I} and {I}.",
    "Construction of the {I} line between {K} and the border with {C} is under way.",
    "{O} has installed {N} kilometres of {I} equipment across {C} since {Y}.",
    "The {D} side expressed interest in {I} technologies offered by {O}.",
    "{O} and {O} put into operation a new {I} facility in {K} {W}.",
    "The contract with {O} for {I} equipment was signed {W}.",
    "The {D} ministry intends to develop {I} together with {O}.",
)
NAME_SENTENCES = (
    "{O} is one of the largest operators in {C}, with {N} thousand subscribers.",
    "Representatives of {O} and the {D} delegation visited {K} last month.",
    "The talks in {K} were also attended by experts from {C} and {C}.",
    "According to {O}, demand for {I} has grown by {N} percent over the past year.",
    "{C} and {C} share a long history of trade and transport links.",
    "{D} experts and specialists from {O} met representatives of {C} in {K}.",
    "The delegation of {C} was headed by the chairman of {O}.",
    "{O}, {O} and {O} are among the companies active in the {D} market.",
    "Investors from {C}, {C} and {C} showed interest in the {D} telecom sector.",
    "A forum on {I} and {I} gathered officials from {C} and {C} in {K}.",
)
FILLER_SENTENCES = (
    "The project is expected to improve connectivity for millions of residents in remote areas.",
    "Experts say the investment will reduce the cost of internet access for households.",
    "The parties agreed to continue consultations at the expert level.",
    "The number of internet users has grown by {N} percent in the last two years.",
    "Local businesses hope that faster networks will attract foreign investment.",
    "The initiative is part of a broader programme of economic reforms.",
    "Prices for fixed broadband remain among the highest in the region.",
    "A working group will prepare proposals within {N} days.",
    "The minister stressed the importance of training qualified specialists.",
    "Further details of the financing were not disclosed.",
    "The agreement also provides for the exchange of experience between specialists.",
    "Officials said the work would be completed in several stages.",
    "Analysts note that mobile data traffic doubles roughly every three years.",
    "The company did not comment on the timing of the next phase.",
    "Residents of rural districts still rely on slow connections.",
    "The government has simplified the procedure for obtaining permits.",
    "Tariffs for corporate clients will be reviewed next quarter.",
    "The event brought together more than {N} participants from across the region.",
    "Training courses for engineers will be held at the regional centre.",
    "The board of directors approved the budget for the coming year.",
    "Earlier, the authorities announced plans to modernise the postal service.",
    "Observers expect competition in the market to increase.",
    "The document was published on the official website.",
    "Demand for online services rose sharply during the pandemic.",
)
# A deal story: each article of a story opens with its next stage.
STORY_SHARE = 0.2
STORY_ARTICLES = 25  # articles per story, on average (a fifth of them tell it)
STORY_STAGES = (
    "{O} held talks with officials of {C} on the {P} project for {I} {W}.",
    "{O} and the government of {C} signed a memorandum on the {P} project {W}.",
    "{O} signed an agreement with {C} to build the {P} project, a {I} network, {W}.",
    "Construction of the {P} project by {O} is under way in {C}.",
    "{O} launched the {P} project in {C} {W}.",
)
STORY_WORDS = ("Silk", "Steppe", "Pamir", "Aral", "Altai", "Caspian", "Tien Shan", "Oasis")
STORY_NOUNS = ("Link", "Gateway", "Bridge", "Corridor", "Highway", "Ring")

HEADLINES = (
    "{C} and {O} sign deal on {I}",
    "{O} to expand {I} network in {C}",
    "{D} officials discuss {I} cooperation with {O}",
    "New {I} project launched in {K}",
    "{C} seeks partners for {I} development",
)
EVENT_DATES = (
    "on {d} {M} {Y}",
    "on {M} {d}, {Y}",
    "in {M} {Y}",
    "in {Y}",
    "on {M} {d}-{d2}, {Y}",
    "last year",
    "by the end of {Y}",
    "",
    "",
)


@dataclass(frozen=True)
class Names:
    """The names of the dictionary that articles are written with."""

    countries: dict[str, tuple[list[str], list[str], list[str]]]  # code: names, demonyms, capitals
    organizations: list[tuple[str | None, list[str]]]  # (country, names)
    triggers: list[str]

    @classmethod
    def read(cls, path: Path) -> Names:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        countries = {
            c["code"]: (
                [c["name"], *c.get("aliases", [])],
                c.get("demonyms", []) or [c["name"]],
                c.get("capitals", []) or [c["name"]],
            )
            for c in data.get("countries", [])
        }
        organizations = [
            (o.get("country"), [o["name"], *o.get("aliases", [])])
            for o in data.get("organizations", [])
        ]
        triggers = [t for i in data.get("initiatives", []) for t in i["triggers"]]
        return cls(countries, organizations, triggers)


class Writer:
    """Writes one article from its own random stream."""

    def __init__(self, names: Names, rng: random.Random) -> None:
        self.names = names
        self.rng = rng
        codes = [c for c in SUBJECT_WEIGHTS if c in names.countries] or list(names.countries)
        self.subject = rng.choices(codes, [SUBJECT_WEIGHTS.get(c, 1) for c in codes])[0]
        # Other countries: neighbours and big partners often, the rest of the world rarely.
        partners = [c for c in PARTNER_WEIGHTS if c in names.countries and c != self.subject]
        world = [c for c in names.countries if c != self.subject and c not in PARTNER_WEIGHTS]
        others = (
            rng.choices(partners, [PARTNER_WEIGHTS[c] for c in partners], k=2) if partners else []
        )
        if world and rng.random() < 0.3:
            others.append(rng.choice(world))
        self.countries = list(dict.fromkeys([self.subject, *others]))
        # Organisations: a few of the subject country's and a few from anywhere.
        home = [o for o in names.organizations if o[0] == self.subject]
        foreign = [o for o in names.organizations if o[0] != self.subject]
        picked = rng.sample(home, min(len(home), 2)) + rng.sample(foreign, min(len(foreign), 3))
        self.organizations = picked or names.organizations
        self.year = rng.randint(2012, 2026)

    def _country_code(self) -> str:
        return self.subject if self.rng.random() < 0.5 else self.rng.choice(self.countries)

    def fill(self, template: str) -> str:
        """A template with its slots filled, each entity at most once per sentence."""
        rng = self.rng
        countries = self.names.countries
        slots = {
            "C": lambda: (code := self._country_code(), rng.choice(countries[code][0])),
            "D": lambda: (code := self._country_code(), rng.choice(countries[code][1])),
            "K": lambda: (code := self._country_code(), rng.choice(countries[code][2])),
            "O": lambda: ((org := rng.choice(self.organizations))[1][0], rng.choice(org[1])),
            "I": lambda: (trigger := rng.choice(self.names.triggers), trigger),
            "W": lambda: (None, self.event_date()),
            "Y": lambda: (None, str(self.year + rng.randint(-1, 1))),
            "N": lambda: (None, str(rng.randint(2, 950))),
        }
        parts = template.split("{")
        out = [parts[0]]
        used: set[object] = set()
        for part in parts[1:]:
            slot, rest = part.split("}", 1)
            for _ in range(4):  # `China and China`: try for another
                key, value = slots[slot]()
                if key is None or key not in used:
                    break
            used.add(key)
            out.append(value + rest)
        text = " ".join("".join(out).split())
        return text.replace(" .", ".").replace(" ,", ",")

    def event_date(self) -> str:
        rng = self.rng
        day = rng.randint(1, 27)
        return rng.choice(EVENT_DATES).format(
            d=day, d2=day + 1, M=rng.choice(MONTHS), Y=self.year - rng.randint(0, 1)
        )

    def sentence(self) -> str:
        roll = self.rng.random()
        if roll < 0.09:
            template = self.rng.choice(EVENT_SENTENCES)
        elif roll < 0.3:
            template = self.rng.choice(NAME_SENTENCES)
        else:
            template = self.rng.choice(FILLER_SENTENCES)
        return self.fill(template)

    def body(self, size: int) -> str:
        """Sentences in paragraphs, up to `size` characters."""
        paragraphs: list[list[str]] = [[]]
        length = 0
        while True:
            sentence = self.sentence()
            if length + len(sentence) + 2 > size and length:
                break
            if paragraphs[-1] and self.rng.random() < 0.4:
                paragraphs.append([])
            paragraphs[-1].append(sentence)
            length += len(sentence) + 2
        return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)

    def date(self) -> tuple[int, int, int]:
        return self.year, self.rng.randint(1, 12), self.rng.randint(1, 28)


def story_lead(number: int, count: int, seed: int, names: Names, writer: Writer) -> str:
    """The opening sentence of a story article (or "" for the others): story
    `number % stories`, at the stage of its telling."""
    stories = max(1, count // STORY_ARTICLES)
    if random.Random(f"{seed}:{number}:story").random() >= STORY_SHARE:
        return ""
    story = number % stories
    telling = number // stories  # the n-th article of this story
    rng = random.Random(f"{seed}:story:{story}")
    hosts = [c for c in CENTRAL_ASIA if c in names.countries] or list(names.countries)
    host = rng.choice(hosts)
    foreign = [o for o in names.organizations if o[0] not in (None, host)] or names.organizations
    _, org_names = rng.choice(foreign)
    project = f"{rng.choice(STORY_WORDS)} {rng.choice(STORY_NOUNS)} {story}"
    stage = STORY_STAGES[min(telling * len(STORY_STAGES) // STORY_ARTICLES, len(STORY_STAGES) - 1)]
    year = 2012 + rng.randrange(8) + telling // 6
    writer.year = year
    return (
        stage.replace("{O}", org_names[0])
        .replace("{C}", names.countries[host][0][0])
        .replace("{P}", project)
        .replace("{I}", rng.choice(names.triggers))
        .replace("{W}", f"in {MONTHS[rng.randrange(12)]} {year}")
    )


def article(number: int, seed: int, names: Names, count: int = 0) -> tuple[str, str]:
    """(file name, text) of article `number` of a corpus of `count`."""
    rng = random.Random(f"{seed}:{number}")
    writer = Writer(names, rng)
    stem = hashlib.blake2b(f"{seed}:{number}".encode(), digest_size=8).hexdigest()
    title = writer.fill(rng.choice(HEADLINES))
    lead = story_lead(number, count, seed, names, writer) if count else ""
    body = writer.body(rng.randint(1100, 3850))
    if lead:
        body = f"{lead}\n\n{body}"
    year, month, day = writer.date()
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    words = f"{day} {MONTHS[month - 1]} {year}"
    if rng.random() < 0.45:
        source = rng.choice(SOURCES)
        slug = "-".join(title.lower().split()[:8])
        url = rng.choice(
            (
                f"https://{source}/en/{year}/{month:02d}/{day:02d}/{slug}/",
                f"https://{source}/en/{iso}/{slug}/",
                f"https://{source}/en/news/{year}/{month:02d}/{slug}",
                f"https://{source}/en/news/{number}-{slug}",
            )
        )
        lines = ["---", f'source: "{source}"', f'url: "{url}"']
        if rng.random() < 0.6:
            lines.append(f'title: "{title}"')
        if rng.random() < 0.4:
            lines.append(f"date: {iso}")
        lines.append("---")
        head = f" date {iso} " if rng.random() < 0.3 else ""
        return f"{number:06d}_{stem}.md", "\n".join(lines) + "\n" + head + body + "\n"
    form = rng.randrange(9)
    capital = rng.choice(names.countries[writer.subject][2]).upper()
    country = names.countries[writer.subject][0][0]
    if form == 0:  # the seeds' form: a date header, then the text
        text = f" date {iso} {body}\n"
    elif form == 1:  # headline, then a date line
        text = f"{title}\n\n{day} {MONTHS[month - 1][:3]} {year}\n\n{body}\n"
    elif form == 2:  # a weekday date above the headline
        text = f"{WEEKDAYS[rng.randrange(7)]}, {words}\n\n{title}\n\n{body}\n"
    elif form == 3:  # a dateline with its year
        text = f"{title}\n{capital}, {country}, {MONTHS[month - 1]} {day}, {year}. {body}\n"
    elif form == 4:  # a signature at the end
        text = f"{title}\n{body}\n///nCa, {words}\n"
    elif form == 5:  # a time stamp line
        text = f"{title}\n{iso} {rng.randint(8, 22)}:{rng.randint(10, 59)}:00 / News\n\n{body}\n"
    else:  # no date at all (a third of plain-text articles)
        text = f"{title}\n{body}\n"
    return f"{number:06d}_{stem}.txt", text


def generate(out: Path, count: int, *, seed: int = 0, entities: Path | None = None) -> Path:
    """Write a data folder of `count` articles to `out` (its articles/ folder is replaced)."""
    entities = entities or (DEFAULT_ENTITIES if DEFAULT_ENTITIES.is_file() else FALLBACK_ENTITIES)
    names = Names.read(entities)
    folder = out / "articles"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copyfile(entities, out / "entities.yaml")
    for number in range(count):
        name, text = article(number, seed, names, count)
        (folder / name).write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="data folder to write (OUT/articles/ is replaced)")
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--entities", type=Path, help="dictionary to take names from (default: data/entities.yaml)"
    )
    args = parser.parse_args(argv)
    generate(args.out, args.count, seed=args.seed, entities=args.entities)
    print(f"{args.count} articles in {args.out / 'articles'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
