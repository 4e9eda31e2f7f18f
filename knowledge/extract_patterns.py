"""Sample questions for common business-news sentence patterns that are not relations between names.

A contract ("un contrat de 30 millions d'euros sur quatre ans avec l'AESL"), an office opened somewhere
("a ouvert un bureau à Luxembourg"), a launch to come ("lancera en avril Passerelle"), hiring plans
("prévoit de recruter une vingtaine d'ingénieurs d'ici la fin de l'année"), priorities and markets ("a cité
l'Allemagne et l'Italie comme marchés clés"), an improvement ("réduit de moitié les erreurs"): each is asked
the way people ask about it, in both languages, about the organisation (or person) the sentence is about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.extract_counts import DURATION
from knowledge.extract_mentions import Mention, mentions_of, owner_of
from knowledge.normalize import fold1

_CONTRACT = re.compile(r"\b(?:contrat|contract|accord|agreement|deal|commande|partenariat|partnership)\b")
_SUM = re.compile(r"\d[\d,.\s]*\s*(?:millions?|milliards?|billions?|m\b|bn\b|k\b|€|\$|euros?|dollars?)|[€$]\s*\d")
_OFFICE = re.compile(
    r"\b(?:ouvert|ouvre|ouvrira|ouvrir|opened|opens|open|will open|to open)\s+(?:un|une|a|an|its|son|sa|a second|un second"
    r"|un deuxieme|its first|son premier)?\s*(?:\w+\s+)?(?:bureau|bureaux|office|offices|site|antenne|filiale|branch)\b"
)
_LAUNCH = re.compile(
    r"\b(?:lancera|lanceront|va lancer|compte lancer|prevoit de lancer|sortira|will launch|will release|plans to launch"
    r"|is to launch|will unveil|devoilera|commercialisera|will ship|to launch|de lancer|lancer)\b"
)
_HIRE = re.compile(
    r"\b(?:recruter|embaucher|recrutera|embauchera|hire|hiring|recruit|recruiting|to add|doubler|double)\b"
)
_PRIORITY = re.compile(
    r"\b(?:priorit\w*|marches? (?:cles|prioritaires)|key markets?|priority markets?|comme marches)\b"
)
_MET = re.compile(r"\b(?:met|meet|rencontres?|rencontrees?|se sont connus|connus)\b")
_FOUNDERS = re.compile(r"^(?:the two|les deux|both)\b|\b(?:co-?founders?|founders|cofondat\w*|fondat\w*)\b")
_IMPROVE = re.compile(
    r"\b(?:reduit|reduire|reduces?|reduced|cuts?|diminue|ameliore|improves?|improved|augmente|increases?|accelere"
    r"|speeds? up|divise|halves?)\b"
)


def _after(sentence: str, match: re.Match[str], mentions: Sequence[Mention], kinds: Mapping[str, str]) -> str | None:
    """The first product or organisation named after the match ("lancera en avril Passerelle")."""
    later = mentions_of(mentions, kinds, {"product", "project", "organization"}, after=match.end())
    return later[0].entity if later and later[0].start - match.end() <= 40 else None


def pattern_questions(
    sentence: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    main: str | None,
) -> dict[str, list[str]]:
    """Questions the sentence answers by its pattern, per language."""
    folded = fold1(sentence).lower()
    asked: dict[str, list[str]] = {"en": [], "fr": []}
    org = owner_of(mentions, kinds, names, main)
    if not org:
        return asked
    en, fr = asked["en"], asked["fr"]
    if _CONTRACT.search(folded) and (DURATION.search(folded) or _SUM.search(folded)):
        # the sentence that says what the contract is (its worth or its term), not every mention of it
        partners = [
            names[m.entity] for m in mentions if kinds.get(m.entity) == "organization" and names.get(m.entity) != org
        ]
        en += [
            f"What contract did {org} sign?",
            f"What deal did {org} sign?",
            f"How much is {org}'s contract worth?",
            f"How long does {org}'s contract run?",
            f"Who is {org}'s contract with?",
        ]
        fr += [
            f"Quel contrat {org} a-t-elle signé ?",
            f"Combien vaut le contrat de {org} ?",
            f"Quelle est la durée du contrat de {org} ?",
            f"Avec qui {org} a-t-elle signé un contrat ?",
        ]
        for partner in partners[:1]:
            en += [f"What is the contract with {partner}?", f"How long is the contract with {partner}?"]
            fr += [f"Quel est le contrat avec {partner} ?", f"Combien de temps dure le contrat avec {partner} ?"]
    if _OFFICE.search(folded):
        en += [
            f"Where does {org} have offices?",
            f"Where did {org} open an office?",
            f"Does {org} have offices abroad?",
            f"Where else is {org} present?",
        ]
        fr += [
            f"Où {org} a-t-elle des bureaux ?",
            f"Où {org} a-t-elle ouvert un bureau ?",
            f"{org} a-t-elle des bureaux à l'étranger ?",
            f"Où {org} est-elle implantée ?",
        ]
    if (launch := _LAUNCH.search(folded)) is not None:
        thing = _after(sentence, launch, mentions, kinds)
        what = names.get(thing, "") if thing else ""
        if what and what != org:
            en += [f"When will {what} be launched?", f"When is {what} coming out?", f"When does {what} launch?"]
            fr += [f"Quand {what} sera-t-il lancé ?", f"Quand sortira {what} ?", f"Quand {what} sera-t-il disponible ?"]
        en += [f"What will {org} launch?", f"What is {org} launching?"]
        fr += [f"Que va lancer {org} ?", f"Quel produit {org} va-t-elle lancer ?"]
    if _HIRE.search(folded) and re.search(
        r"\d|vingt|trent|dizaine|quinzaine|centaine|dozen|twenty|thirty|forty|fifty", folded
    ):
        en += [
            f"How many people does {org} plan to hire?",
            f"What are {org}'s hiring plans?",
            f"By when does {org} plan to hire?",
        ]
        fr += [
            f"Combien de personnes {org} prévoit-elle de recruter ?",
            f"Quels sont les projets de recrutement de {org} ?",
            f"D'ici quand {org} va-t-elle recruter ?",
        ]
    if _PRIORITY.search(folded):
        people = [names[m.entity] for m in mentions if kinds.get(m.entity) == "person"]
        for who in [*people[:1], org]:
            en += [f"What are {who}'s priorities?", f"Which markets does {who} target?"]
            fr += [f"Quelles sont les priorités de {who} ?", f"Quels marchés {who} vise-t-elle ?"]
    if _MET.search(folded) and _FOUNDERS.search(folded):
        en += [f"Where did the founders of {org} meet?", f"How did {org}'s founders meet?"]
        fr += [
            f"Où se sont rencontrés les fondateurs de {org} ?",
            f"Comment les fondateurs de {org} se sont-ils connus ?",
        ]
    if _IMPROVE.search(folded) and re.search(r"\d|moitie|half|fois|times|tiers|third", folded):
        subject = next((names[m.entity] for m in mentions if kinds.get(m.entity) in {"product", "project"}), org)
        en += [f"By how much does {subject} reduce it?", f"What does {subject} improve?"]
        fr += [f"De combien {subject} réduit-il ?", f"Qu'améliore {subject} ?"]
    return asked
