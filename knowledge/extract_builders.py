"""What each relation pattern's match means: the entities, title, amount and date it states.

One small function per kind of statement; `extract_rules` pairs them with their patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.extract_masked import (
    CURRENCY,
    FORMER,
    SCALE,
    Masked,
    Relation,
    clause_date,
    title_of,
)
from knowledge.extract_words import NATIONALITIES
from knowledge.models import FactDate
from knowledge.normalize import fold, fold1


def role(masked: Masked, match: re.Match[str]) -> list[Relation]:
    person, org = masked.entity(match.groupdict().get("p")), masked.entity(match.groupdict().get("o"))
    if org is None and match.groupdict().get("ctx") is not None:
        org = masked.context
    title = title_of(masked, match)
    if person is None or title is None:
        return []
    former = title[1] or bool(match.groupdict().get("former") and FORMER.match(match.group("former") or ""))
    relations = [Relation("role", person, org, title=title[0], former=former)]
    if org is not None and re.search(r"fond|found", fold1(title[0])) and not former:
        relations.append(Relation("found", org, org, others=(person,), derived=True))
    return relations


# "qui a pris la présidence", "who took the helm": the position taken, as a title.
_POSTS = {
    "presidence": "président", "direction generale": "directeur général", "direction": "directeur",
    "tete": "dirigeant", "helm": "chief executive", "chair": "chair", "reins": "chief executive",
}  # fmt: skip


def took_post(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "@0@, qui a pris la présidence en janvier 2025": the person holds that position at the sentence's
    organisation (or the one named), from the clause's date."""
    person = masked.entity(match.group("p"))
    org = masked.entity(match.groupdict().get("o")) or masked.context or masked.main
    title = _POSTS.get(match.group("post"))
    if person is None or org is None or title is None:
        return []
    return [Relation("role", person, org, title=title)]


_DEPARTMENTS = {
    "recherche": "research", "ingenierie": "engineering", "produit": "product", "technique": "technology",
    "ventes": "sales", "finances": "finance", "strategie": "strategy",
}  # fmt: skip


def ran(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "who ran research" / "qui dirigeait la recherche": head of that department, formerly."""
    person = masked.entity(match.group("p"))
    org = masked.context or masked.main
    if person is None:
        return []
    department = _DEPARTMENTS.get(match.group("dept"), match.group("dept"))
    return [Relation("role", person, org, title=f"head of {department}", former=True)]


def move(kind: str) -> Callable[[Masked, re.Match[str]], list[Relation]]:
    def build(masked: Masked, match: re.Match[str]) -> list[Relation]:
        person, org = masked.entity(match.group("p")), masked.entity(match.groupdict().get("o"))
        org = org or masked.context
        if person is None or org is None:
            return []
        date = clause_date(masked, match.start("verb"))
        future = bool(re.match(r"(?:will|is to|va |vont |\w+(?:dra|ttera|era)\b)", match.group("verb")))
        relations = [Relation(kind, person, org, date=date, future=future)]
        if match.groupdict().get("title") and (title := title_of(masked, match)) is not None:
            relations.append(Relation("role", person, org, title=title[0], former=kind == "leave"))
        return relations

    return build


def found_active(masked: Masked, match: re.Match[str]) -> list[Relation]:
    founders = masked.entities(match.group("ps"))
    # "…founded the company in 2019 with Amara Okafor": co-founders after "with".
    if more := re.match(r"(?:\s+(?:in|en)\s+\d{4})?\s+(?:with|avec)\s+([^,.;]{0,120})", masked.key[match.end() :]):
        founders += tuple(e for e in masked.entities(more.group(1)) if e not in founders)
    org = masked.entity(match.group("o"))
    if org is None or not founders:
        return []
    return [Relation("found", org, org, others=founders, date=clause_date(masked, match.start("verb")))]


def found_with(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "Avec @0@, un ingénieur…, @1@ fonde une société qui…": both found the company the sentence names
    next, else the article's own (the one it describes without naming)."""
    founders = masked.entities(match.group("ps")) + masked.entities(match.group("with"))
    org = masked.entity(match.groupdict().get("o")) or masked.main
    if org is None or org in founders or not founders:
        return []
    return [Relation("found", org, org, others=founders, date=clause_date(masked, match.start("verb")))]


def found_passive(masked: Masked, match: re.Match[str]) -> list[Relation]:
    founders = masked.entities(match.group("ps"))
    org = masked.entity(match.group("o"))
    if org is None or not founders:
        return []
    return [Relation("found", org, org, others=founders, date=clause_date(masked, match.start("verb")))]


_INVESTORS = re.compile(
    r"(?:from|led by|by|backed by|aupres d[eu]s?|aupres de l'|mene par|menee par|de la part d[eu]s?)\s+(?:the |le |la |les |l')?(?:(?:fonds|fund|banque|bank|investor|investisseur)\s+)?(@\d+@(?:(?:\s*,\s*|\s+(?:and|et)\s+(?:de |du |des |de la |the )?(?:(?:fonds|banque|bank|fund)\s+)?)@\d+@)*)"
)


def amount_spelled(text: str) -> bool:
    """An amount of money says its currency or its scale ("$40 million", "25 millions d'euros"), not just "300"."""
    return bool(re.search(rf"{CURRENCY}|{SCALE}|dollar|euro|pound|livre|[$€£]", fold1(text)))


def raise_(masked: Masked, match: re.Match[str]) -> list[Relation]:
    org = masked.entity(match.group("o"))
    if org is None or not amount_spelled(match.group("amount")):
        return []
    amount = masked.original[match.start("amount") : match.end("amount")].strip()
    rest = masked.key[match.end("amount") :]
    investors: tuple[str, ...] = ()
    if found := _INVESTORS.search(rest):
        investors = tuple(e for e in masked.entities(found.group(1)) if e != org)
    date = clause_date(masked, match.start("verb"))
    return [Relation("raise", org, org, others=investors, amount=amount, date=date, former=earlier(masked, date))]


_EARLIER = re.compile(
    r"\b(?:previous|earlier|prior|first|seed|had raised|avait leve|precedent|precedente|premier|amorcage|auparavant)\b"
)


def earlier(masked: Masked, date: FactDate | None) -> bool:
    """An earlier round than the one the article is about: said so, or dated a year or more before it."""
    if _EARLIER.search(masked.key):
        return True
    published = masked.published
    return bool(date and published and date.value[:4] < published.value[:4])


def invest(masked: Masked, match: re.Match[str]) -> list[Relation]:
    # The round's organisation: one named before it in the sentence ("Lanternfish has raised $85 million in a
    # seed round led by…"), else the article's.
    earlier_orgs = [
        e
        for e in masked.entities(masked.key[: match.start()])
        if masked.kinds.get(e) == "organization" and e not in masked.entities(match.group("is"))
    ]
    target = earlier_orgs[0] if earlier_orgs else masked.main or masked.context
    investors = tuple(e for e in masked.entities(match.group("is")) if e != target)
    if target is None or not investors:
        return []
    return [Relation("invest", target, target, others=investors, former=earlier(masked, None))]


def invest_led(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "The round is led by A, with B and C": A led it (first of `others`), B and C took part."""
    found = invest(masked, match)
    return [Relation("invest", r.subject, r.org, others=r.others, former=r.former, what="led") for r in found]


def acquire(masked: Masked, match: re.Match[str]) -> list[Relation]:
    buyer, target = masked.entity(match.group("b")), masked.entity(match.group("t"))
    if buyer is None or target is None:
        return []
    amount = match.groupdict().get("amount")
    amount = masked.original[match.start("amount") : match.end("amount")].strip() if amount else None
    date = clause_date(masked, match.start("verb"))
    return [Relation("acquire", buyer, target, amount=amount, date=date)]


def sell(masked: Masked, match: re.Match[str]) -> list[Relation]:
    seller, buyer = masked.entity(match.group("s")), masked.entity(match.group("b"))
    if seller is None or buyer is None:
        return []
    what = masked.text(*match.span("thing"))
    amount = match.groupdict().get("amount")
    amount = masked.original[match.start("amount") : match.end("amount")].strip() if amount else None
    date = clause_date(masked, match.start("verb"))
    return [Relation("sell", seller, None, others=(buyer,), what=what, amount=amount, date=date)]


def placed(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "Veltrix Bio, a Boston company": a town, not a nationality ("a Danish start-up" says no town) nor a person's
    name ("a Dyson company")."""
    places = masked.entities(match.group("places"))
    name = fold(masked.text(match.start("places"), match.end("places")))
    if not places or masked.kinds.get(places[0]) == "person" or name in NATIONALITIES:
        return []
    return based(masked, match)


def based(masked: Masked, match: re.Match[str]) -> list[Relation]:
    org = masked.entity(match.group("o"))
    places = tuple(p for p in masked.entities(match.group("places")) if p != org)
    if org is None or not places:
        return []
    return [Relation("based", org, org, others=places)]


DEMONYMS = {
    "lyonnais": "Lyon", "parisien": "Paris", "grenoblois": "Grenoble", "marseillais": "Marseille",
    "toulousain": "Toulouse", "bordelais": "Bordeaux", "nantais": "Nantes", "lillois": "Lille", "nicois": "Nice",
    "strasbourgeois": "Strasbourg", "rennais": "Rennes", "montpellierain": "Montpellier", "niortais": "Niort",
    "rouennais": "Rouen", "dijonnais": "Dijon", "nancéien": "Nancy", "stephanois": "Saint-Étienne",
    "londonien": "Londres", "berlinois": "Berlin", "bruxellois": "Bruxelles", "genevois": "Genève",
    "lausannois": "Lausanne", "montrealais": "Montréal", "quebecois": "Québec", "new-yorkais": "New York",
    "californien": "Californie", "munichois": "Munich", "milanais": "Milan", "madrilene": "Madrid",
    "barcelonais": "Barcelone", "amstellodamois": "Amsterdam", "liegeois": "Liège", "anversois": "Anvers",
    "luxembourgeois": "Luxembourg", "zurichois": "Zurich", "viennois": "Vienne", "romain": "Rome",
    # countries: "la start-up belge", "un éditeur néerlandais"
    "belge": "Belgique", "suisse": "Suisse", "allemand": "Allemagne", "britannique": "Royaume-Uni",
    "americain": "États-Unis", "canadien": "Canada", "neerlandais": "Pays-Bas", "italien": "Italie",
    "espagnol": "Espagne", "japonais": "Japon", "chinois": "Chine", "francais": "France", "irlandais": "Irlande",
    "suedois": "Suède", "danois": "Danemark", "finlandais": "Finlande", "norvegien": "Norvège",
    "portugais": "Portugal", "israelien": "Israël", "indien": "Inde", "coreen": "Corée du Sud",
}  # fmt: skip


def demonym(masked: Masked, match: re.Match[str]) -> list[Relation]:
    org = masked.entity(match.group("o"))
    said = match.group("demonym")
    # "bruxellois" as it is, "lyonnaises" without its endings, "belges" without its plural
    city = DEMONYMS.get(said) or DEMONYMS.get(re.sub(r"(?:e|es|s|ne|nes)$", "", said)) or DEMONYMS.get(said.rstrip("s"))
    if org is None or city is None:
        return []
    return [Relation("based", org, org, what=city)]


def announce(masked: Masked, match: re.Match[str]) -> list[Relation]:
    who = masked.entity(match.group("w"))
    if who is None:
        return []
    what = re.sub(r"^(?:that|que|qu'|qu’)\s*", "", masked.text(*match.span("what")), flags=re.IGNORECASE)
    dateless = re.sub(r"^(?:(?:in|on|en|le|au)\s+\w+(?:\s+\d{4})?\s+)", "", what, flags=re.IGNORECASE)
    if len(what.split()) < 2 or re.match(r"(?:and|which|who|but|or|et|qui|mais|ou|dont)\b", dateless, re.IGNORECASE):
        return []  # "the model MIS released in March and which…": the thing released came before the verb
    return [Relation("announce", who, what=what, date=clause_date(masked, match.start("verb")))]


def replace(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "X replaces Y as CTO": X holds the place Y had (and the role, when named, at the sentence's company)."""
    person, predecessor = masked.entity(match.group("p")), masked.entity(match.group("q"))
    if person is None or predecessor is None or person == predecessor:
        return []
    title = title_of(masked, match) if match.groupdict().get("title") else None
    # The organisation only when the place is named ("as CTO"): the sentence may name the predecessor's next one.
    org = masked.context if title is not None else None
    date = clause_date(masked, match.start("verb"))
    found = [Relation("replace", person, org, others=(predecessor,), date=date)]
    if title is not None:
        found.append(Relation("role", person, org, title=title[0]))
    return found


def join_after(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "…Tom Hale, who left X to join Y": the person who joins is the one named last before the verb."""
    person, org = masked.nearest_person(match.start("verb")), masked.entity(match.group("o"))
    if person is None or org is None:
        return []
    return [Relation("join", person, org, date=clause_date(masked, match.start("verb")))]


def located(masked: Masked, match: re.Match[str]) -> list[Relation]:
    """ "X (ACR), à Grenoble": an organisation and, in apposition, the place it is in."""
    found = based(masked, match)
    return [r for r in found if all(masked.kinds.get(p) == "place" for p in r.others)]
