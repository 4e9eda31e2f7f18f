"""Relations said in words, in English and French: the answer templates and the sample questions.

A relation found in an English article answers a French user in French ("Tomas Ekberg est directeur
technique (CTO) de Corvid Robotics."), and its sample questions — generated in both languages, several
phrasings each — are what the matcher compares questions with, as it does for curated facts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.extract_relations import Relation
from knowledge.models import FactDate
from knowledge.normalize import fold1
from knowledge.places import place_name

_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
}
# (English forms, French masculine, French feminine, English shown, French shown m, French shown f)
_TITLES: tuple[tuple[tuple[str, ...], tuple[str, ...], str, str, str], ...] = (
    (("chief executive officer", "chief executive", "CEO", "boss"),
     ("directeur général", "directrice générale", "PDG", "président-directeur général", "présidente-directrice générale",
      "patron", "patronne", "dirigeant", "dirigeante"),
     "chief executive (CEO)", "directeur général (PDG)", "directrice générale (PDG)"),
    (("chief technology officer", "chief technical officer", "CTO", "technology chief", "head of technology"),
     ("directeur technique", "directrice technique", "directeur de la technologie", "directrice de la technologie"),
     "chief technology officer (CTO)", "directeur technique (CTO)", "directrice technique (CTO)"),
    (("chief financial officer", "CFO", "finance chief", "head of finance"),
     ("directeur financier", "directrice financière", "directeur administratif et financier", "DAF"),
     "chief financial officer (CFO)", "directeur financier (CFO)", "directrice financière (CFO)"),
    (("chief operating officer", "COO", "head of operations"),
     ("directeur des opérations", "directrice des opérations", "directeur général délégué", "directrice générale déléguée"),
     "chief operating officer (COO)", "directeur des opérations (COO)", "directrice des opérations (COO)"),
    (("chief scientist", "chief science officer", "chief scientific officer"),
     ("scientifique en chef", "directeur scientifique", "directrice scientifique"),
     "chief scientist", "directeur scientifique", "directrice scientifique"),
    (("head of research", "research director", "director of research", "chief research officer", "research chief",
      "vice president of research"),
     ("directeur de la recherche", "directrice de la recherche", "responsable de la recherche", "directeur de recherche",
      "directrice de recherche"),
     "head of research", "directeur de la recherche", "directrice de la recherche"),
    (("chief product officer", "CPO", "head of product"), ("directeur produit", "directrice produit", "directeur des produits",
      "directrice des produits"), "chief product officer (CPO)", "directeur produit (CPO)", "directrice produit (CPO)"),
    (("chief marketing officer", "CMO", "head of marketing"), ("directeur marketing", "directrice marketing"),
     "chief marketing officer (CMO)", "directeur marketing (CMO)", "directrice marketing (CMO)"),
    (("vice president of engineering", "VP of engineering", "head of engineering", "engineering chief"),
     ("vice-président de l'ingénierie", "vice-présidente de l'ingénierie", "directeur de l'ingénierie",
      "directrice de l'ingénierie", "responsable de l'ingénierie"),
     "head of engineering", "directeur de l'ingénierie", "directrice de l'ingénierie"),
    (("chief commercial officer", "head of sales", "sales chief"), ("directeur commercial", "directrice commerciale"),
     "head of sales", "directeur commercial", "directrice commerciale"),
    (("chief people officer", "head of human resources", "HR director"), ("directeur des ressources humaines",
      "directrice des ressources humaines", "DRH"), "head of human resources", "directeur des ressources humaines (DRH)",
     "directrice des ressources humaines (DRH)"),
    (("chief innovation officer", "head of innovation"), ("directeur de l'innovation", "directrice de l'innovation"),
     "head of innovation", "directeur de l'innovation", "directrice de l'innovation"),
    (("chief data officer", "CDO", "head of data science", "head of data"), ("directeur des données", "directrice des données",
      "responsable de la data science"), "chief data officer", "directeur des données", "directrice des données"),
    (("chief AI officer", "head of AI"), ("directeur de l'IA", "directrice de l'IA", "responsable de l'IA"),
     "head of AI", "directeur de l'IA", "directrice de l'IA"),
    (("chairman of the board", "chair of the board"), ("président du conseil d'administration",
      "présidente du conseil d'administration"), "chair of the board", "président du conseil d'administration",
     "présidente du conseil d'administration"),
    (("general partner", "managing partner"), ("associé gérant", "associée gérante"), "general partner",
     "associé gérant", "associée gérante"),
    (("board member",), ("administrateur", "administratrice", "membre du conseil d'administration"), "board member",
     "administrateur", "administratrice"),
    (("co-founder", "cofounder"), ("cofondateur", "cofondatrice", "co-fondateur", "co-fondatrice"),
     "co-founder", "cofondateur", "cofondatrice"),
    (("founder",), ("fondateur", "fondatrice"), "founder", "fondateur", "fondatrice"),
    (("chairman", "chairwoman", "chair", "president"), ("président", "présidente"), "president", "président", "présidente"),
    (("engineer",), ("ingénieur", "ingénieure"), "engineer", "ingénieur", "ingénieure"),
    (("researcher", "scientist"), ("chercheur", "chercheuse"), "researcher", "chercheur", "chercheuse"),
    (("partner",), ("associé", "associée"), "partner", "associé", "associée"),
    (("spokesperson", "spokesman", "spokeswoman"), ("porte-parole",), "spokesperson", "porte-parole", "porte-parole"),
)  # fmt: skip


def _title_entry(title: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str, str] | None:
    key = fold1(title).strip()
    for entry in _TITLES:
        if key in {fold1(t) for t in entry[0]} or key in {fold1(t) for t in entry[1]}:
            return entry
    for entry in _TITLES:  # "former head of research and development": the first entry a form starts
        if any(key.startswith(fold1(t) + " ") for t in (*entry[0], *entry[1])):
            return entry
    return None


def title_in(title: str, lang: str, gender: str | None) -> str:
    """A role title as a `lang` reader would write it; an unknown title stays as the article wrote it."""
    entry = _title_entry(title)
    if entry is None:
        return title
    if lang == "en":
        return entry[2]
    return entry[4] if gender == "f" else entry[3]


def title_forms(title: str, lang: str) -> tuple[str, ...]:
    """Every way of writing a title in `lang` (for the sample questions), the article's own first."""
    entry = _title_entry(title)
    if entry is None:
        return (title,)
    forms = entry[0] if lang == "en" else entry[1]
    # Acronyms cross languages ("le CTO de…", "the PDG"): each language's samples carry them all.
    acronyms = [form for form in (*entry[0], *entry[1]) if form.isupper()]
    own = (title, *forms[:6]) if _lang_of(title) == lang else forms[:7]
    return tuple(dict.fromkeys((*own, *acronyms)))


def _lang_of(title: str) -> str:
    entry = _title_entry(title)
    if entry is None:
        return ""
    return "en" if fold1(title) in {fold1(t) for t in entry[0]} else "fr"


def date_in(date: FactDate | None, lang: str) -> str:
    """ " in February 2025" / " en février 2025" (with its leading space), or "" without a date."""
    if date is None:
        return ""
    parts = date.value.split("-")
    if date.precision == "year" or len(parts) == 1:
        return f" in {parts[0]}" if lang == "en" else f" en {parts[0]}"
    month = _MONTHS[lang][int(parts[1]) - 1]
    if date.precision == "month" or len(parts) == 2:
        return f" in {month} {parts[0]}" if lang == "en" else f" en {month} {parts[0]}"
    day = int(parts[2])
    return f" on {day} {month} {parts[0]}" if lang == "en" else f" le {day} {month} {parts[0]}"


_AMOUNT = re.compile(
    r"(?P<pre>us\s?\$|\$|€|£)?\s?(?P<num>\d[\d.,\s]*\d|\d)\s?(?P<scale>millions?|milliards?|billions?|bn|mn|m|k|thousand)?\b"
    r"(?:\s(?:de |d'|d’)?(?P<cur>dollars?|euros?|livres?|pounds?))?\s?(?P<post>[$€£])?",
    re.IGNORECASE,
)


def amount_in(amount: str, lang: str) -> str:
    """ "$40 million" ⇄ "40 millions de dollars"; what cannot be read stays as written."""
    match = _AMOUNT.search(amount)
    if match is None:
        return amount
    number = match.group("num").replace(" ", "")
    scale = (match.group("scale") or "").lower()
    sign = (match.group("pre") or match.group("post") or "").replace(" ", "").lower()
    word = (match.group("cur") or "").lower()
    currency = (
        "usd"
        if "$" in sign or word.startswith("dollar")
        else "eur"
        if "€" in sign or word.startswith("euro")
        else ("gbp" if "£" in sign or word.startswith(("livre", "pound")) else "")
    )
    big = {"million": "m", "millions": "m", "m": "m", "mn": "m", "milliard": "b", "milliards": "b", "billion": "b",
           "billions": "b", "bn": "b", "k": "k", "thousand": "k"}.get(scale, "")  # fmt: skip
    if lang == "en":
        number = number.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", number) else number
        words = {"m": " million", "b": " billion", "k": " thousand", "": ""}[big]
        symbol = {"usd": "$", "eur": "€", "gbp": "£", "": ""}[currency]
        return f"{symbol}{number}{words}"
    number = number.replace(".", ",") if re.fullmatch(r"\d+\.\d{1,2}", number) else number
    plural = not re.fullmatch(r"1", number)
    words = {"m": " million", "b": " milliard", "k": " mille", "": ""}[big]
    if words and plural and big != "k":
        words += "s"
    unit = {"usd": "dollars", "eur": "euros", "gbp": "livres", "": ""}[currency]
    if not unit:
        return f"{number}{words}"
    joiner = " d'" if unit == "euros" and words else " de " if words else " "
    return f"{number}{words}{joiner}{unit}"


def _names(ids: tuple[str, ...], names: Mapping[str, str], lang: str) -> str:
    items = [place_name(names.get(i, i), lang) for i in ids]  # "Bruxelles" is "Brussels" in English
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" and " if lang == "en" else " et ") + items[-1]


def render(relation: Relation, names: Mapping[str, str], genders: Mapping[str, str | None], lang: str) -> str:
    """The relation as one sentence in `lang`."""
    subject = names.get(relation.subject, relation.subject)
    org = names.get(relation.org, relation.org) if relation.org else None
    when = date_in(relation.date, lang)
    en = lang == "en"
    kind = relation.kind
    if kind == "role" and relation.title:
        title = title_in(relation.title, lang, genders.get(relation.subject))
        where = (f" of {org}" if en else f" de {org}") if org else ""
        if relation.former:
            return f"{subject} was formerly {title}{where}." if en else f"{subject} était auparavant {title}{where}."
        return f"{subject} is {title}{where}." if en else f"{subject} est {title}{where}."
    if kind == "join":
        if relation.future:
            return f"{subject} will join {org}{when}." if en else f"{subject} rejoindra {org}{when}."
        return f"{subject} joined {org}{when}." if en else f"{subject} a rejoint {org}{when}."
    if kind == "leave":
        if relation.future:
            return f"{subject} will leave {org}{when}." if en else f"{subject} quittera {org}{when}."
        return f"{subject} left {org}{when}." if en else f"{subject} a quitté {org}{when}."
    if kind == "found":
        founders = _names(relation.others, names, lang)
        if en:
            return f"{subject} was founded{when} by {founders}."
        return f"{subject} a été fondée{when} par {founders}."
    if kind == "raise" and relation.amount:
        amount = amount_in(relation.amount, lang)
        investors = _names(relation.others, names, lang)
        if en:
            return f"{subject} raised {amount}{when}" + (f" from {investors}." if investors else ".")
        return f"{subject} a levé {amount}{when}" + (f" auprès de {investors}." if investors else ".")
    if kind == "replace":
        predecessor = _names(relation.others, names, lang)
        at = (f" at {org}" if en else f" chez {org}") if org else ""
        return f"{subject} replaces {predecessor}{at}." if en else f"{subject} remplace {predecessor}{at}."
    if kind == "invest" and relation.what == "led" and relation.others:
        lead = names.get(relation.others[0], relation.others[0])
        rest = _names(relation.others[1:], names, lang)
        if en:
            return f"{lead} led the funding round of {subject}" + (f", with {rest}." if rest else ".")
        return f"{lead} a mené le tour de table de {subject}" + (f", avec {rest}." if rest else ".")
    if kind == "invest":
        investors = _names(relation.others, names, lang)
        return f"{investors} invested in {subject}." if en else f"{investors} ont investi dans {subject}."
    if kind == "acquire":
        price = (
            (f" for {amount_in(relation.amount, lang)}" if en else f" pour {amount_in(relation.amount, lang)}")
            if relation.amount
            else ""
        )
        return f"{subject} acquired {org}{price}{when}." if en else f"{subject} a racheté {org}{price}{when}."
    if kind == "sell":
        buyer = _names(relation.others, names, lang)
        price = (
            (f" for {amount_in(relation.amount, lang)}" if en else f" pour {amount_in(relation.amount, lang)}")
            if relation.amount
            else ""
        )
        return (
            f"{subject} sold {relation.what} to {buyer}{price}{when}."
            if en
            else f"{subject} a vendu {relation.what} à {buyer}{price}{when}."
        )
    if kind == "based":
        places = _names(relation.others, names, lang) if relation.others else place_name(relation.what or "", lang)
        return f"{subject} is based in {places}." if en else f"{subject} est basée à {places}."
    if kind == "announce" and relation.what:
        return (
            f"{subject} announced{when}: “{relation.what}”."
            if en
            else f"{subject} a annoncé{when} : « {relation.what} »."
        )
    return ""


# Titles that put their holder at the head of the organisation: "who runs / heads / leads Y?", "qui dirige Y ?" are
# asked of them without naming the title. A department's head ("head of research") is not among them.
_LEADING_TITLES = frozenset(
    fold1(t)
    for t in (
        "chief executive", "chief executive officer", "CEO", "president", "chair", "chairman", "chairwoman",
        "chairperson", "director", "director general", "managing director", "executive director", "general manager",
        "head", "leader", "boss", "mayor", "présidente", "président", "directeur", "directrice", "directeur général",
        "directrice générale", "président-directeur général", "présidente-directrice générale", "PDG", "DG",
        "dirigeant", "dirigeante", "patron", "patronne", "maire",
    )
)  # fmt: skip


def _leads(title: str) -> bool:
    return fold1(title).strip() in _LEADING_TITLES


def questions(relation: Relation, names: Mapping[str, str], lang: str) -> list[str]:
    """Sample questions the relation answers, in `lang`, several phrasings each. A "when" question only
    when the sentence dates the relation; a former role is asked about as a former one."""
    s = names.get(relation.subject, relation.subject)
    o = names.get(relation.org, relation.org) if relation.org else ""
    en = lang == "en"
    dated = relation.date is not None
    kind = relation.kind
    found: list[str] = []
    if kind == "role" and relation.title:
        forms = title_forms(relation.title, lang)
        if en:
            found += [f"Who is {s}?", f"What is {s}'s job?", f"What position does {s} hold?"]
            if o and relation.former:
                found += [f"What was {s}'s former role at {o}?", f"What did {s} do before?", f"What did {s} do at {o}?"]
                found += [f"Who was the former {form} of {o}?" for form in forms]
                found += [f"Who was {o}'s previous {form}?" for form in forms[:3]]
            elif o:
                found += [f"What is {s}'s role at {o}?", f"What does {s} do at {o}?"]
                found += [f"Who is the {form} of {o}?" for form in forms]
                found += [f"Who is {o}'s {form}?" for form in forms[:3]]
                if _leads(relation.title):
                    found += [f"Who runs {o}?", f"Who heads {o}?", f"Who leads {o}?", f"Who is in charge of {o}?"]
            elif relation.former:  # "X, a former consumer-rights lawyer, …"
                found += [f"What did {s} do before?", f"What was {s}'s previous job?"]
        else:
            found += [f"Qui est {s} ?", f"Quel est le poste de {s} ?", f"Quelle fonction occupe {s} ?"]
            if o and relation.former:
                found += [f"Quel était l'ancien poste de {s} chez {o} ?", f"Que faisait {s} avant ?"]
                found += [f"Qui était l'ancien {form} de {o} ?" for form in forms]
                found += [f"Qui était le précédent {form} de {o} ?" for form in forms[:3]]
            elif o:
                found += [f"Quel est le rôle de {s} chez {o} ?", f"Que fait {s} chez {o} ?"]
                found += [f"Qui est le {form} de {o} ?" for form in forms]
                if _leads(relation.title):
                    found += [f"Qui dirige {o} ?", f"Qui est à la tête de {o} ?", f"Qui est le patron de {o} ?"]
            elif relation.former:
                found += [f"Que faisait {s} avant ?", f"Quel était le métier de {s} auparavant ?"]
    elif kind == "join":
        found += (
            [f"Who joined {o}?", f"Where did {s} go?", f"Did {s} join {o}?", f"Who did {o} hire?"]
            if en
            else [f"Qui a rejoint {o} ?", f"Où est parti {s} ?", f"Est-ce que {s} a rejoint {o} ?", f"Qui {o} a-t-elle recruté ?"]
        )  # fmt: skip
        if dated:
            found += (
                [f"When did {s} join {o}?", f"When did {s} start at {o}?"]
                if en
                else [f"Quand {s} a-t-il rejoint {o} ?", f"Quand {s} arrive-t-il chez {o} ?"]
            )
    elif kind == "leave":
        found += (
            [f"Who left {o}?", f"Did {s} leave {o}?"]
            if en
            else [f"Qui a quitté {o} ?", f"Est-ce que {s} a quitté {o} ?"]
        )
        if dated:
            found += [f"When did {s} leave {o}?"] if en else [f"Quand {s} a-t-il quitté {o} ?"]
    elif kind == "found":
        found += (
            [f"Who founded {s}?", f"Who are the founders of {s}?", f"Who created {s}?"]
            if en
            else [f"Qui a fondé {s} ?", f"Qui sont les fondateurs de {s} ?", f"Qui a créé {s} ?"]
        )
        if dated:
            found += (
                [f"When was {s} founded?", f"In what year was {s} created?"]
                if en
                else [f"Quand {s} a-t-elle été fondée ?", f"En quelle année {s} a-t-elle été créée ?"]
            )
        for founder in relation.others:
            name = names.get(founder, founder)
            found += [f"What company did {name} found?"] if en else [f"Quelle entreprise {name} a-t-il fondée ?"]
            if len(relation.others) > 1:
                # "Who did she start it with?": the other founders answer it.
                found += [f"Who co-founded {s} with {name}?"] if en else [f"Qui a cofondé {s} avec {name} ?"]
    elif kind == "raise" and relation.former:
        found += (
            [f"How much did {s} raise before?", f"How much did {s} raise in its previous round?",
             f"Had {s} already raised money?", f"How much was the first funding round of {s}?"]
            if en
            else [f"Combien {s} avait-elle levé auparavant ?", f"Combien {s} a-t-elle levé lors de son premier tour ?",
                  f"{s} avait-elle déjà levé des fonds ?", f"Quel était le montant du précédent tour de {s} ?"]
        )  # fmt: skip
        if dated:
            found += [f"When did {s} raise money before?"] if en else [f"Quand {s} avait-elle levé des fonds ?"]
    elif kind == "replace":
        predecessor = _names(relation.others, names, lang)
        found += (
            [f"Who replaced {predecessor}?", f"Who succeeded {predecessor}?", f"Whom did {s} replace?", f"Who is {predecessor}'s successor?",
             f"When does {s} start in {predecessor}'s place?", f"From when does {s} replace {predecessor}?"]
            if en
            else [f"Qui a remplacé {predecessor} ?", f"Qui succède à {predecessor} ?", f"Qui {s} remplace-t-il ?",
                  f"Qui est le successeur de {predecessor} ?", f"Quand {s} prendra-t-il la suite de {predecessor} ?",
                  f"À partir de quand {s} prend-il ses fonctions ?"]
        )  # fmt: skip
    elif kind == "invest" and relation.former:
        found += (
            [f"Who led the previous funding round of {s}?", f"Who invested in {s} before?"]
            if en
            else [f"Qui a mené le précédent tour de table de {s} ?", f"Qui avait déjà investi dans {s} ?"]
        )
    elif kind == "raise":
        found += (
            [f"How much did {s} raise?", f"How much money has {s} raised?", f"How much did {s} raise in its funding round?",
             f"How big was the funding round of {s}?", f"Who invested in {s}?"]
            if en
            else [f"Combien {s} a-t-elle levé ?", f"Combien d'argent {s} a-t-elle levé ?",
                  f"Combien {s} a-t-elle levé lors de son tour de financement ?",
                  f"Quel est le montant de la levée de fonds de {s} ?", f"Qui a investi dans {s} ?"]
        )  # fmt: skip
        if dated:
            found += [f"When did {s} raise money?"] if en else [f"Quand {s} a-t-elle levé des fonds ?"]
    elif kind == "invest":
        others = relation.others[1:] if relation.what == "led" else relation.others
        if others:
            found += (
                [f"Which other investors took part in the round of {s}?", f"Who else invested in {s}?"]
                if en
                else [
                    f"Quels autres investisseurs ont participé au tour de table de {s} ?",
                    f"Qui d'autre a investi dans {s} ?",
                ]
            )
        found += (
            [f"Who invested in {s}?", f"Who led the funding round of {s}?", f"Which firm led the round of {s}?",
             f"Which investors took part in the round of {s}?"]
            if en
            else [f"Qui a investi dans {s} ?", f"Qui a mené le tour de table de {s} ?", f"Quel fonds a mené la levée de {s} ?",
                  f"Quels investisseurs ont participé à la levée de fonds de {s} ?"]
        )  # fmt: skip
    elif kind == "acquire":
        found += (
            [f"Who acquired {o}?", f"Who bought {o}?", f"How much did {s} pay for {o}?", f"What did {s} acquire?"]
            if en
            else [f"Qui a racheté {o} ?", f"Qui a acheté {o} ?", f"Combien {s} a-t-il payé pour {o} ?",
                  f"Qu'a racheté {s} ?"]
        )  # fmt: skip
    elif kind == "sell":
        buyer = _names(relation.others, names, lang)
        found += (
            [f"What did {s} sell?", f"Who bought from {s}?", f"How much did {s} sell it for?", f"What did {buyer} buy?"]
            if en
            else [f"Qu'a vendu {s} ?", f"À qui {s} a-t-il vendu ?", f"Pour combien {s} a-t-il vendu ?",
                  f"Qu'a acheté {buyer} ?"]
        )  # fmt: skip
    elif kind == "based":
        found += (
            [f"Where is {s} based?", f"Where is {s} headquartered?", f"Where is {s} located?", f"In which city is {s} based?"]
            if en
            else [f"Où est basée {s} ?", f"Où est basé {s} ?", f"Où se trouve {s} ?", f"Où est le siège de {s} ?",
                  f"Dans quelle ville est basée {s} ?"]
        )  # fmt: skip
    elif kind == "announce":
        found += (
            [f"What did {s} announce?", f"What did {s} unveil?"]
            if en
            else [f"Qu'a annoncé {s} ?", f"Qu'a dévoilé {s} ?"]
        )
    return found


def entity_questions(name: str, kind: str, lang: str, acronym: str | None = None) -> list[str]:
    """ "Who is X?" for a person, "What is X?" for anything else, "What does ABC stand for?" for an acronym."""
    if acronym:
        return entity_questions(name, kind, lang) + (
            [
                f"What does {acronym} stand for?",
                f"What is {acronym}?",
                f"{acronym} acronym",
                f"What does the acronym {acronym} mean?",
            ]
            if lang == "en"
            else [
                f"Que signifie {acronym} ?",
                f"Que veut dire le sigle {acronym} ?",
                f"Sigle {acronym}",
                f"Que signifie l'acronyme {acronym} ?",
            ]
        )
    if kind == "person":
        return (
            [f"Who is {name}?", f"Tell me about {name}"]
            if lang == "en"
            else [f"Qui est {name} ?", f"Parle-moi de {name}"]
        )
    return (
        [f"What is {name}?", f"What does {name} do?", f"Tell me about {name}"]
        if lang == "en"
        else [f"Qu'est-ce que {name} ?", f"Que fait {name} ?", f"Parle-moi de {name}"]
    )


def present_questions(name: str, lang: str) -> list[str]:
    """Questions about what someone does now: asked of their newest role or move."""
    if lang == "en":
        return [f"What is {name} doing now?", f"Where does {name} work now?", f"What is {name}'s current job?"]
    return [
        f"Que fait {name} aujourd'hui ?",
        f"Où travaille {name} désormais ?",
        f"Quel est le poste actuel de {name} ?",
    ]
