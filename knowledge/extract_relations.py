"""What a sentence states about its entities: a role, joining, leaving, founding, raising money, selling
or buying, being based somewhere, announcing something — in English and French.

Mentions are first replaced by placeholders (`@3@`), so a pattern reads "@0@, the former head of
research at @1@, …" whatever the names; the text is folded one character for one (case and accents),
so every offset found on it is an offset in the original and titles or amounts keep their spelling.
A relation carries the date of its own clause; the fact's date is its main clause's (`extract_dates`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from knowledge.extract_dates import date_of
from knowledge.extract_mentions import Mention
from knowledge.models import FactDate

E = r"@(\d+)@"
ES = rf"{E}(?:(?:\s*,\s*|\s+(?:and|et)\s+|\s*,\s*(?:and|et)\s+){E})*"
APPO = r"(?:\s*,(?:[^,.]|\d[,.]\d){0,160},|,(?:[^,.]|\d[,.]\d){0,80}?(?=\s+(?:who|qui)\s))?"
TITLE = r"(?P<title>(?:[\w'’-]+\s){0,6}?[\w'’-]+)"
_CURRENCY = r"(?:us\s?\$|\$|€|£|eur\s|usd\s|chf\s)"
_SCALE = r"(?:millions?|milliards?|billions?|bn|mn|[mk]\b|thousand|mille)"
AMOUNT = (
    rf"(?P<amount>{_CURRENCY}?\s?\d[\d.,]*(?:\s?{_SCALE})?"
    r"(?:\s(?:de |d'|d’)?(?:dollars?|euros?|livres?|pounds?|francs?)(?: (?:americains|us))?)?\s?[$€£]?)"
)
ROLE_HEADS = frozenset(
    """chief officer head director president vice ceo cto cfo coo cso cpo cmo founder cofounder co-founder engineer
    researcher scientist lead manager partner chair chairman chairwoman boss executive chercheur chercheuse
    directeur directrice presidente responsable pdg dg ingenieur ingenieure fondateur fondatrice cofondateur
    cofondatrice co-fondateur co-fondatrice associe associee chef patron patronne dirigeant dirigeante analyst
    analyste economist economiste professor professeur professeure member membre secretary secretaire minister
    ministre gerant gerante administrateur administratrice adviser advisor conseiller conseillere investor
    investisseur investisseuse spokesperson spokesman spokeswoman porte-parole developer developpeur
    developpeuse designer architect architecte principal vp svp evp""".split()
)
_NOT_IN_TITLES = frozenset(
    "is was are were be has have had who which that whose est etait sont a ont qui que dont and et while said dit "
    "the le la les joined left founded rejoint quitte fonde".split()
)
_TITLE_ENDS = frozenset("of at for with de d du des chez in en a an un une".split())
_FORMER = re.compile(r"^(?:former|ex-|ex|then|previous|ancien|ancienne|ex-|precedent|precedente)\b\s*")
_NEW = re.compile(r"^(?:new|current|nouveau|nouvel|nouvelle|actuel|actuelle|futur|future)\b\s*")


@dataclass(frozen=True, slots=True)
class Relation:
    """One thing a sentence says happened or holds. `subject` is the person or organisation it is about."""

    kind: str  # role | join | leave | found | raise | acquire | sell | based | announce
    subject: str
    org: str | None = None
    others: tuple[str, ...] = ()  # founders (found), investors (raise), places (based), buyer (sell)
    title: str | None = None
    amount: str | None = None
    what: str | None = None  # what was announced or sold, as the article says it
    former: bool = False  # a former role, an earlier round of funding
    future: bool = False  # "will join", "rejoindra": announced, not done yet
    date: FactDate | None = None
    derived: bool = False  # read off a title ("co-founder"), not stated as an event


def fold1(text: str) -> str:
    """Lower case without accents, one character for one: offsets on it are offsets in `text`."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        out.append(base.lower()[:1] or base)
    return "".join(out).replace("’", "'")


@dataclass(frozen=True, slots=True)
class _Masked:
    original: str  # the sentence with placeholders
    key: str  # `original` folded one for one
    mentions: tuple[Mention, ...]
    context: str | None = None  # the organisation "its", "sa", "joined as CTO" refer to
    main: str | None = None  # the organisation the article is about
    published: FactDate | None = None  # the article's date, for "in January" without a year

    def entity(self, index: str | None) -> str | None:
        if index is None:
            return None
        position = int(index)
        return self.mentions[position].entity if position < len(self.mentions) else None

    def entities(self, text: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for i in re.findall(E, text) if (m := self.entity(i)) is not None))

    def text(self, start: int, end: int) -> str:
        """The original words between two offsets, names written back in place of their placeholders."""
        return re.sub(E, lambda m: self.mentions[int(m.group(1))].text, self.original[start:end]).strip(" ,;:")


def mask(
    sentence: str,
    mentions: Sequence[Mention],
    context: str | None = None,
    main: str | None = None,
    published: FactDate | None = None,
) -> _Masked:
    text = sentence.replace("@", " ")
    parts: list[str] = []
    kept: list[Mention] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < cursor:
            continue
        parts.append(text[cursor : mention.start])
        parts.append(f"@{len(kept)}@")
        kept.append(mention)
        cursor = mention.end
    parts.append(text[cursor:])
    original = "".join(parts)
    return _Masked(original, fold1(original), tuple(kept), context, main, published)


def _title(masked: _Masked, match: re.Match[str]) -> tuple[str, bool] | None:
    """The role title of a match (without "former"/"new"), and whether it is a former role; None when the
    words matched hold no role word ("@0@, a company that…")."""
    start, end = match.span("title")
    words = masked.key[start:end]
    found = re.findall(r"[\w-]+", words)
    if (
        "@" in words
        or not set(found + re.findall(r"\w+", words)) & ROLE_HEADS
        or set(found) & _NOT_IN_TITLES
        or found[-1] in _TITLE_ENDS
    ):
        return None
    former = bool(_FORMER.match(words))
    cut = 0
    while True:
        step = _FORMER.match(words[cut:]) or _NEW.match(words[cut:])
        if not step:
            break
        cut += step.end()
    return masked.original[start + cut : end].strip(), former


def _clause_date(masked: _Masked, start: int) -> FactDate | None:
    """The date stated in the clause a relation was found in (up to the next comma or end)."""
    rest = masked.key[start:]
    cut = re.search(r"[,;]\s+(?!\d)", rest)
    return date_of(rest[: cut.start()] if cut else rest, masked.published)


_Rule = tuple[str, re.Pattern[str], Callable[[_Masked, re.Match[str]], list[Relation]]]


def _role(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    person, org = masked.entity(match.groupdict().get("p")), masked.entity(match.groupdict().get("o"))
    if org is None and match.groupdict().get("ctx") is not None:
        org = masked.context
    title = _title(masked, match)
    if person is None or title is None:
        return []
    former = title[1] or bool(match.groupdict().get("former") and _FORMER.match(match.group("former") or ""))
    relations = [Relation("role", person, org, title=title[0], former=former)]
    if org is not None and re.search(r"fond|found", fold1(title[0])) and not former:
        relations.append(Relation("found", org, org, others=(person,), derived=True))
    return relations


_DEPARTMENTS = {
    "recherche": "research", "ingenierie": "engineering", "produit": "product", "technique": "technology",
    "ventes": "sales", "finances": "finance", "strategie": "strategy",
}  # fmt: skip


def _ran(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    """ "who ran research" / "qui dirigeait la recherche": head of that department, formerly."""
    person = masked.entity(match.group("p"))
    org = masked.context or masked.main
    if person is None:
        return []
    department = _DEPARTMENTS.get(match.group("dept"), match.group("dept"))
    return [Relation("role", person, org, title=f"head of {department}", former=True)]


def _move(kind: str) -> Callable[[_Masked, re.Match[str]], list[Relation]]:
    def build(masked: _Masked, match: re.Match[str]) -> list[Relation]:
        person, org = masked.entity(match.group("p")), masked.entity(match.groupdict().get("o"))
        org = org or masked.context
        if person is None or org is None:
            return []
        date = _clause_date(masked, match.start("verb"))
        future = bool(re.match(r"(?:will|is to|va |vont |\w+(?:dra|ttera|era)\b)", match.group("verb")))
        relations = [Relation(kind, person, org, date=date, future=future)]
        if match.groupdict().get("title") and (title := _title(masked, match)) is not None:
            relations.append(Relation("role", person, org, title=title[0], former=kind == "leave"))
        return relations

    return build


def _found_active(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    founders = masked.entities(match.group("ps"))
    # "…founded the company in 2019 with Amara Okafor": co-founders after "with".
    if more := re.match(r"(?:\s+(?:in|en)\s+\d{4})?\s+(?:with|avec)\s+([^,.;]{0,120})", masked.key[match.end() :]):
        founders += tuple(e for e in masked.entities(more.group(1)) if e not in founders)
    org = masked.entity(match.group("o"))
    if org is None or not founders:
        return []
    return [Relation("found", org, org, others=founders, date=_clause_date(masked, match.start("verb")))]


def _found_passive(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    founders = masked.entities(match.group("ps"))
    org = masked.entity(match.group("o"))
    if org is None or not founders:
        return []
    return [Relation("found", org, org, others=founders, date=_clause_date(masked, match.start("verb")))]


_INVESTORS = re.compile(
    r"(?:from|led by|by|backed by|aupres d[eu]s?|aupres de l'|mene par|menee par|de la part d[eu]s?)\s+(?:the |le |la |les |l')?(?:(?:fonds|fund|banque|bank|investor|investisseur)\s+)?(@\d+@(?:(?:\s*,\s*|\s+(?:and|et)\s+(?:de |du |des |de la |the )?(?:(?:fonds|banque|bank|fund)\s+)?)@\d+@)*)"
)


def amount_spelled(text: str) -> bool:
    """An amount of money says its currency or its scale ("$40 million", "25 millions d'euros"), not just "300"."""
    return bool(re.search(rf"{_CURRENCY}|{_SCALE}|dollar|euro|pound|livre|[$€£]", fold1(text)))


def _raise(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    org = masked.entity(match.group("o"))
    if org is None or not amount_spelled(match.group("amount")):
        return []
    amount = masked.original[match.start("amount") : match.end("amount")].strip()
    rest = masked.key[match.end("amount") :]
    investors: tuple[str, ...] = ()
    if found := _INVESTORS.search(rest):
        investors = tuple(e for e in masked.entities(found.group(1)) if e != org)
    date = _clause_date(masked, match.start("verb"))
    return [Relation("raise", org, org, others=investors, amount=amount, date=date, former=_earlier(masked, date))]


_EARLIER = re.compile(
    r"\b(?:previous|earlier|prior|first|seed|had raised|avait leve|precedent|precedente|premier|amorcage|auparavant)\b"
)


def _earlier(masked: _Masked, date: FactDate | None) -> bool:
    """An earlier round than the one the article is about: said so, or dated a year or more before it."""
    if _EARLIER.search(masked.key):
        return True
    published = masked.published
    return bool(date and published and date.value[:4] < published.value[:4])


def _invest(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    target = masked.main or masked.context
    investors = tuple(e for e in masked.entities(match.group("is")) if e != target)
    if target is None or not investors:
        return []
    return [Relation("invest", target, target, others=investors, former=_earlier(masked, None))]


def _acquire(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    buyer, target = masked.entity(match.group("b")), masked.entity(match.group("t"))
    if buyer is None or target is None:
        return []
    amount = match.groupdict().get("amount")
    amount = masked.original[match.start("amount") : match.end("amount")].strip() if amount else None
    date = _clause_date(masked, match.start("verb"))
    return [Relation("acquire", buyer, target, amount=amount, date=date)]


def _sell(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    seller, buyer = masked.entity(match.group("s")), masked.entity(match.group("b"))
    if seller is None or buyer is None:
        return []
    what = masked.text(*match.span("thing"))
    amount = match.groupdict().get("amount")
    amount = masked.original[match.start("amount") : match.end("amount")].strip() if amount else None
    date = _clause_date(masked, match.start("verb"))
    return [Relation("sell", seller, None, others=(buyer,), what=what, amount=amount, date=date)]


def _based(masked: _Masked, match: re.Match[str]) -> list[Relation]:
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
    "barcelonais": "Barcelone", "amstellodamois": "Amsterdam",
}  # fmt: skip


def _demonym(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    org = masked.entity(match.group("o"))
    word = re.sub(r"(?:e|es|s|ne|nes)$", "", match.group("demonym"))
    city = DEMONYMS.get(word) or DEMONYMS.get(match.group("demonym").rstrip("s"))
    if org is None or city is None:
        return []
    return [Relation("based", org, org, what=city)]


def _announce(masked: _Masked, match: re.Match[str]) -> list[Relation]:
    who = masked.entity(match.group("w"))
    if who is None:
        return []
    what = re.sub(r"^(?:that|que|qu'|qu’)\s*", "", masked.text(*match.span("what")), flags=re.IGNORECASE)
    if len(what.split()) < 2:
        return []
    return [Relation("announce", who, what=what, date=_clause_date(masked, match.start("verb")))]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


P, O = r"@(?P<p>\d+)@", r"@(?P<o>\d+)@"
_THE = r"(?:(?:the|a|an|its|their|his|her|la|le|les|un|une|son|sa)\s+|l')?"
_AT = r"\s+(?:at|of|for|with|de|d'|du|des|chez|au sein de)\s*(?:la\s+|le\s+|l'|the\s+)?"
RULES: tuple[_Rule, ...] = (
    # Roles. "@0@, the former head of research at @1@" / "@0@, directrice générale d'@1@"
    (
        "role",
        _compile(
            rf"{P},\s+{_THE}(?P<former>(?:former|ex-|then|new|current|ancienne?|nouvelle?|actuelle?)\s+)?{TITLE}{_AT}{O}"
        ),
        _role,
    ),
    # "@0@ is the chief technology officer of @1@" / "@0@ est le directeur technique de @1@"
    (
        "role",
        _compile(
            rf"{P}{APPO}\s+(?:is|was|has been|had been|became|becomes|will be|will become|serves as|served as|remains|is now"
            r"|was named|has been named|was appointed|has been appointed|est|etait|a ete|avait ete|devient|est devenue?"
            r"|deviendra|sera|reste|a ete nommee?|est nommee?|occupe le poste de|occupait le poste de)\s+(?:now\s+)?"
            rf"{_THE}(?P<former>(?:former|ancienne?|nouvelle?|new)\s+)?{TITLE}(?:{_AT}{O})?(?=\s*[,.;]|\s+(?:and|et|while|since|depuis|in|en)\b|$)"
        ),
        _role,
    ),
    # "@0@ serves as @1@ chief executive" ("its", "Helix's")
    (
        "role",
        _compile(
            rf"{P}{APPO}\s+(?:is|was|serves as|served as|became|est|etait|devient)\s+(?:the\s+)?{O}\s+{TITLE}(?=\s*[,.;]|$)"
        ),
        _role,
    ),
    # "@0@, its chief executive" / "@0@, sa présidente-directrice générale"
    (
        "role",
        _compile(
            rf"{P},\s+(?P<ctx>its|their|his|her|sa|son|leur)\s+(?P<former>(?:former|ancienne?)\s+)?{TITLE}(?=\s*[,.;]|\s+(?:and|et)\s)"
        ),
        _role,
    ),
    # "@0@, @1@'s chief executive and co-founder"
    ("role", _compile(rf"{P},\s+(?:the\s+)?{O}'s\s+{TITLE}(?=\s*[,.;]|\s+(?:and|et)\s|$)"), _role),
    ("role", _compile(rf"{P},\s+(?:the\s+)?{O}'s\s+(?:[\w-]+\s+){{1,4}}and\s+{TITLE}(?=\s*[,.;]|$)"), _role),
    # "@0@ … who now serves as @1@'s chief scientist"
    (
        "role",
        _compile(
            rf"{P},[^.;]{{0,80}}?\s+(?:who\s+|qui\s+)(?:now\s+)?(?:serves as|is|est|occupe le poste de)\s+(?:the\s+)?{O}(?:'s)?\s+{TITLE}(?=\s*[,.;]|$)"
        ),
        _role,
    ),
    # "@0@, who serves as chief technology officer": the sentence's organisation
    (
        "role",
        _compile(
            rf"{P},[^.;@]{{0,80}}?\s*(?:who\s+|qui\s+)(?:now\s+)?(?:serves as|is|est|occupe le poste de|is now)\s+(?P<ctx>)(?:the\s+|le\s+|la\s+|l')?{TITLE}(?=\s*[,.;]|$)"
        ),
        _role,
    ),
    # "@1@ partner @0@", "@1@'s head of research, @0@"
    ("role", _compile(rf"{O}(?:'s)?\s+(?:former\s+)?{TITLE},?\s+{P}"), _role),
    # "@0@, a former @1@ engineer"
    ("role", _compile(rf"{P},\s+(?:a|an|the)\s+(?P<former>former\s+|ex-)?{O}\s+{TITLE}(?=[\s,.;]|$)"), _role),
    # "the chief executive of @1@, @0@" / "la directrice technique de @1@, @0@"
    ("role", _compile(rf"(?:^|\b){_THE}{TITLE}{_AT}{O},\s+{P}"), _role),
    # Joining and leaving, in a main or relative clause.
    (
        "join",
        _compile(
            rf"{P}{APPO},?\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|will\s+|recently\s+)?(?:joined|joins|join|is joining|signed with|was hired by|has been hired by|moved to"
            r"|a rejoint|avait rejoint|rejoint|rejoindra|rejoignait|va rejoindre|vient de rejoindre|est arrivee? chez|arrive chez"
            r"|est entree? chez|a ete recrutee? par|a ete embauchee? par|started at|starts at|began at|started work at|will start at"
            r"|a commence chez|commence chez|a pris ses fonctions chez|prend ses fonctions chez))\s+(?:the\s+|la\s+|le\s+|l')?"
            rf"{O}(?:\s+(?:(?:in|en|on|le|au|at)\s+[\w\s]{{1,24}}?\s+)?(?:as|comme|en tant que|au poste de)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:once|when|after|from|in|on|as soon|lorsque|des|apres|en|le|a partir)\b))?"
        ),
        _move("join"),
    ),
    (
        "leave",
        _compile(
            rf"{P}{APPO}\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|will\s+)?(?:left|leaves|quit|quits|departed|is leaving|resigned from|stepped down from"
            r"|will leave|a quitte|avait quitte|quitte|quittera|quittait|va quitter|vient de quitter|a demissionne de"
            r"|est partie? de))\s+(?:the\s+|la\s+|le\s+|l')?"
            rf"{O}"
        ),
        _move("leave"),
    ),
    # "@0@ has joined as chief technology officer", "@0@ stepped down as CTO": the organisation is the sentence's.
    (
        "join",
        _compile(
            rf"{P}{APPO}\s+(?P<verb>(?:has\s+|had\s+|will\s+)?(?:joined|join|joins|a rejoint|rejoindra|rejoint)(?:\s+(?:l'entreprise|la societe|the company))?)\s+(?:as|comme|en tant que|au poste de)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:in|on|en|le)\s)"
        ),
        _move("join"),
    ),
    (
        "leave",
        _compile(
            rf"{P}{APPO}\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+)?(?:stepped down|resigned|a demissionne|quitte son poste))\s+(?:as|de son poste de|comme)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:in|on|en|le|to|pour)\s)"
        ),
        _move("leave"),
    ),
    # "Fondée en 2021 par @0@, …, et @1@, …, @2@ conçoit…" / "Founded in 2019 by @0@ and @1@, @2@ …"
    (
        "found",
        _compile(
            r"^(?P<verb>(?:co-?)?(?:fondee?s?|founded|creee?s?|created))\s+(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s+"
            rf"(?P<ps>{E}(?:[^.;@]{{0,80}}?{E})*)[^.;@]{{0,80}}?,\s+{O}"
        ),
        _found_active,
    ),
    # "@0@ (@1@), the @2@, @3@-based developer…", "the @2@-based @0@": where a company is based.
    ("based", _compile(rf"{O}(?:\s*\(@\d+@\))?,\s+(?:the|a|an)\s+(?P<places>@\d+@(?:,\s*@\d+@)?)-based"), _based),
    ("based", _compile(rf"(?P<places>@\d+@(?:,\s*@\d+@)?)-based\s+(?:[\w-]+\s+){{0,2}}?{O}"), _based),
    # "…left @0@ after seven years at the @1@-based robotics firm"
    # (a lookahead, so that every organisation before it is tried, not only the first name)
    (
        "based",
        _compile(
            rf"(?={O}[^.;]{{0,80}}?\bthe\s+(?P<places>@\d+@(?:,\s*@\d+@)?)-based\s+(?:[\w-]+\s+){{0,2}}?(?:firm|company|start-?up|group|lab|maker|developer)\b)"
        ),
        _based,
    ),
    # "la start-up lyonnaise @0@", "@0@, une jeune pousse grenobloise": a French city's adjective.
    (
        "based",
        _compile(rf"(?:start-?up|jeune pousse|societe|entreprise|firme|pme|groupe)\s+(?P<demonym>\w+)\s+{O}"),
        _demonym,
    ),
    (
        "based",
        _compile(
            rf"{O},\s+(?:une?|la|le)\s+(?:start-?up|jeune pousse|societe|entreprise|firme|pme|groupe)\s+(?P<demonym>\w+)"
        ),
        _demonym,
    ),
    # "@0@ a profité de l'annonce pour dévoiler @1@, …", "@0@ used the event to unveil @1@"
    (
        "announce",
        _compile(
            r"@(?P<w>\d+)@[^.;]{0,80}?\s(?P<verb>pour (?:devoiler|annoncer|presenter|lancer)|to (?:unveil|announce|launch|present))\s+(?P<what>[^.;]{3,200})"
        ),
        _announce,
    ),
    # "@0@, qui dirigeait jusqu'ici la recherche", "@0@, who ran research": a former role at the sentence's organisation.
    (
        "role",
        _compile(
            rf"{P},?\s+(?:who|qui)\s+(?:had\s+)?(?:led|ran|headed|dirigeait|pilotait|avait dirige)\s+(?:jusqu'ici\s+|until now\s+|jusqu'alors\s+)?(?:la\s+|le\s+|l'|the\s+)?(?P<dept>recherche|research|ingenierie|engineering|produit|product|technique|technology|ventes|sales|finance|finances|marketing|strategie|strategy|operations)\b"
        ),
        _ran,
    ),
    # Who took part in a round, who led it: the organisation is the one the sentence (or article) is about.
    (
        "invest",
        _compile(
            rf"(?P<is>{ES})\s+(?:also\s+)?(?:took part|participated|ont participe|a participe|participent|invested|ont investi|a investi)"
        ),
        _invest,
    ),
    (
        "invest",
        _compile(
            rf"(?:round|tour de table|levee de fonds|financement|serie \w|series \w)[^.;]{{0,60}}?(?:led by|mene par|menee par|conduit par|conduite par)\s+(?P<is>{ES}(?:[^.;]{{0,40}}?(?:participation|with|avec)[^.;@]{{0,30}}{ES})?)"
        ),
        _invest,
    ),
    # Founding.
    (
        "found",
        _compile(
            rf"(?P<ps>{ES}){APPO}\s+(?P<verb>(?:has\s+|had\s+|have\s+|a\s+|ont\s+|avait\s+|avaient\s+)?(?:co-?founded|founded|started|set up|launched"
            r"|created|co-?fonde|cofonde|fonde|cree|lance))\s+(?:(?:a|the|its|their|his|her|une|la|sa|leur)\s+(?:new\s+|nouvelle\s+)?"
            rf"(?:company|start-?up|firm|venture|lab|societe|entreprise|jeune pousse)\s*,?\s*)?{O}"
        ),
        _found_active,
    ),
    (
        "found",
        _compile(
            rf"{O}{APPO}\s+(?P<verb>(?:was|has been|is|a ete|avait ete|est|fut)?\s*(?:co-?founded|founded|started|created|set up"
            r"|co-?fondee?s?|fondee?s?|creee?s?))\s+(?:in\s+[\w\s]+?\s+|en\s+[\w\s]+?\s+)?(?:by|par)\s+"
            rf"(?P<ps>{ES})"
        ),
        _found_passive,
    ),
    # Money.
    (
        "raise",
        _compile(
            rf"{O}{APPO}\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+|vient de\s+)?(?:raised|raises|secured|closed|landed|obtained|received|leve|levera|obtenu"
            r"|boucle|realise une levee de fonds de|annonce une levee de fonds de))\s+(?:a\s+|un\s+)?(?:funding\s+(?:round\s+)?of\s+|tour de table de\s+)?"
            rf"(?:more than\s+|about\s+|nearly\s+|plus de\s+|pres de\s+|environ\s+)?{AMOUNT}"
        ),
        _raise,
    ),
    # "@0@ a annoncé mercredi une levée de fonds de 45 millions d'euros", "…said it has closed a round of $20m"
    (
        "raise",
        _compile(
            rf"{O}{APPO}\s+(?P<verb>(?:has\s+|a\s+)?(?:announced|annonce|completed|closed|boucle|finalise|realise))\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?:une|un|a|an)\s+(?:levee de fonds|tour de table|financement|funding round|round of funding|round)\s+"
            rf"(?:de|of|d'un montant de|worth)\s+{AMOUNT}"
        ),
        _raise,
    ),
    (
        "acquire",
        _compile(
            rf"@(?P<b>\d+)@{APPO},?\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:already\s+|deja\s+)?(?:acquired|bought|purchased|agreed to buy|agreed to acquire|will acquire"
            rf"|rachete|rachetera|rachete|acquis|achete|va racheter|buys|acquires))\s+(?:the\s+|la\s+|le\s+|l')?(?:[\w-]+\s+){{0,2}}?@(?P<t>\d+)@(?:[^.;@]{{0,60}}?\s+(?:for|in a deal worth|pour)\s+(?:un montant de\s+|about\s+|environ\s+)?{AMOUNT})?"
        ),
        _acquire,
    ),
    # "@0@ a annoncé lundi le rachat de @1@, …, pour un montant de 18 millions d'euros"
    (
        "acquire",
        _compile(
            rf"@(?P<b>\d+)@{APPO},?\s+(?P<verb>(?:has\s+|a\s+)?(?:announced|annonce|confirmed|confirme|finalise|completed))\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:le rachat|l'acquisition|the acquisition|the purchase|its acquisition|its purchase)\s+(?:de|d'|du|of)\s*(?:la\s+|le\s+|l')?@(?P<t>\d+)@"
            rf"(?:[^.;]{{0,120}}?\s(?:for|pour)\s+(?:un montant de\s+|about\s+|environ\s+)?{AMOUNT})?"
        ),
        _acquire,
    ),
    # "@0@ … après avoir quitté @1@", "… after leaving @1@"
    (
        "leave",
        _compile(
            rf"{P}[^.;]{{0,120}}?\s(?P<verb>apres avoir quitte|after leaving|after quitting|apres son depart de|after stepping down at)\s+(?:the\s+|la\s+|le\s+|l')?{O}"
        ),
        _move("leave"),
    ),
    (
        "sell",
        _compile(
            rf"@(?P<s>\d+)@{APPO}\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:sold|agreed to sell|will sell|vendu|cede))\s+(?P<thing>[^.;]{{2,120}}?)"
            rf"\s+(?:to|a)\s+(?:the\s+|la\s+|le\s+|l')?@(?P<b>\d+)@(?:\s+(?:for|pour)\s+(?:about\s+|environ\s+)?{AMOUNT})?"
        ),
        _sell,
    ),
    (
        "based",
        _compile(
            rf"{O}{APPO}\s+(?:is\s+|are\s+|was\s+|remains\s+|est\s+|sont\s+|etait\s+)?(?:based|headquartered|located|basee?s?|installee?s?"
            r"|implantee?s?|situee?s?|domiciliee?s?)\s+(?:in|a|en|au|aux|dans)\s+(?:la ville de\s+|the city of\s+)?"
            rf"(?P<places>{ES})"
        ),
        _based,
    ),
    (
        "based",
        _compile(
            rf"{O}{APPO},?\s+(?:a son|dont le|whose)\s+(?:siege|headquarters)\s+(?:social\s+)?(?:est\s+|are\s+|is\s+)?(?:a|en|in)\s+(?P<places>{ES})"
        ),
        _based,
    ),
    (
        "announce",
        _compile(
            rf"@(?P<w>\d+)@{APPO}\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:announced|unveiled|revealed|annonce|devoile|revele))"
            r"\s+(?:on\s+\w+\s+|in\s+\w+\s+\d{4}\s+|en\s+\w+\s+\d{4}\s+|le\s+\d+\s+\w+\s+)?(?P<what>[^.;]{3,200})"
        ),
        _announce,
    ),
)


_PEOPLE = frozenset({"role", "join", "leave"})
_INVESTING = frozenset({"invest"})
_ORGS = frozenset({"found", "raise", "based"})


def _fits(relation: Relation, kinds: Mapping[str, str]) -> bool:
    """People hold roles and move between organisations; organisations are founded, raise money, sit somewhere."""
    if relation.kind in _PEOPLE:
        if relation.subject == relation.org or kinds.get(relation.subject) != "person":
            return False
        return relation.org is None or kinds.get(relation.org) in _ORG_KINDS
    if relation.kind in _ORGS:
        return (
            kinds.get(relation.subject) in _ORG_KINDS
            and relation.subject not in relation.others
            and bool(relation.others or relation.what or relation.kind != "found")
        )
    return True


_ORG_KINDS = frozenset({"organization", "project", "product"})


def relations(
    sentence: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    main: str | None = None,
    published: FactDate | None = None,
) -> list[Relation]:
    """Every relation the sentence states, first found first, without repeats; `kinds` gives each entity's
    kind (a person holds a role, an organisation raises money); `main` is the organisation the article is
    about, which "joined as CTO" or "the round was led by" refer to when the sentence names none."""
    orgs = [m.entity for m in sorted(mentions, key=lambda m: m.start) if kinds.get(m.entity) == "organization"]
    masked = mask(sentence, mentions, orgs[0] if orgs else main, main, published)
    found: list[Relation] = []
    for _kind, pattern, build in RULES:
        for match in pattern.finditer(masked.key):
            for relation in build(masked, match):
                if relation.kind == "found" and any(kinds.get(e) == "person" for e in relation.others):
                    # "…with her former Stanford classmate Leo Park": founders are the people named
                    people = tuple(e for e in relation.others if kinds.get(e) == "person")
                    relation = Relation(
                        "found",
                        relation.subject,
                        relation.org,
                        others=people,
                        date=relation.date,
                        derived=relation.derived,
                    )
                if not _fits(relation, kinds):
                    continue
                if not any(_same(relation, r) for r in found):
                    found.append(relation)
    return found


def _same(a: Relation, b: Relation) -> bool:
    if a.kind != b.kind or a.subject != b.subject:
        return False
    if a.kind == "role":
        return a.org == b.org or b.org is None or a.org is None
    return a.org == b.org
