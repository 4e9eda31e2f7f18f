"""The relation patterns, English and French, each with the function that reads its match.

Patterns run on the masked, folded sentence (`extract_masked`): `@(?P<p>…)@` is a person's placeholder,
`@(?P<o>…)@` an organisation's, TITLE a role title, AMOUNT a sum of money, APPO an apposition between
commas that may sit between a name and its verb.
"""

from __future__ import annotations

import re

from knowledge.extract import _MONTH
from knowledge.extract_builders import (
    acquire,
    announce,
    based,
    demonym,
    found_active,
    found_passive,
    found_with,
    invest,
    invest_led,
    join_after,
    located,
    move,
    placed,
    raise_,
    ran,
    replace,
    role,
    sell,
    took_post,
)
from knowledge.extract_masked import AMOUNT, APPO, ES, TITLE, E, Rule


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


P, O = r"@(?P<p>\d+)@", r"@(?P<o>\d+)@"
_THE = r"(?:(?:the|a|an|its|their|his|her|la|le|les|un|une|son|sa)\s+|l')?"
_AT = r"\s+(?:at|of|for|with|de|d'|du|des|chez|au sein de)\s*(?:la\s+|le\s+|l'|the\s+)?"
# "Elle deviendra le 1er avril directrice scientifique de l'entreprise": the day a role starts is not part of it.
_ON_DAY = rf"(?:(?:le|on|from|des le|a partir du|au)\s+(?:1er|1st|\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:{_MONTH})(?:\s+\d{{4}})?,?\s+)?"
_FIRM = r"start-?up|jeune pousse|societe|entreprise|firme|pme|groupe|specialiste|editeur|fabricant|constructeur|acteur"
# "is expected to become", "devrait devenir": a role to come is still the role the sentence gives.
_BECOMES = (
    r"(?:is|are)\s+(?:expected|set|due|poised|slated|tipped)\s+to\s+(?:become|be named|be appointed|serve as|take over as)"
    r"|devrait devenir|va devenir|doit devenir|devrait etre nommee?|sera nommee?|prendra le poste de"
)
RULES: tuple[Rule, ...] = (
    # Roles. "@0@, the former head of research at @1@" / "@0@, directrice générale d'@1@"
    (
        "role",
        _compile(
            rf"{P},\s+{_THE}(?P<former>(?:former|ex-|then|new|current|ancien(?:ne)?|nouvel(?:le)?|actuel(?:le)?)\s+)?{TITLE}{_AT}{O}"
        ),
        role,
    ),
    # "@0@ is the chief technology officer of @1@" / "@0@ est le directeur technique de @1@"
    (
        "role",
        _compile(
            rf"{P}{APPO}\s+(?:is|was|has been|had been|became|becomes|will be|will become|serves as|served as|remains|is now"
            r"|was named|has been named|was appointed|has been appointed|est|etait|a ete|avait ete|devient|est devenue?"
            rf"|deviendra|sera|reste|a ete nommee?|est nommee?|occupe le poste de|occupait le poste de|{_BECOMES})\s+(?:now\s+)?"
            rf"{_ON_DAY}{_THE}(?P<former>(?:former|ancien(?:ne)?|nouvel(?:le)?|new)\s+)?{TITLE}(?:{_AT}{O})?"
            r"(?=\s*[,.;]|\s+(?:and|et|while|since|depuis|in|en)\b|$|(?<=@)\s+(?:qui\b|que\b|qu'|dont\b|which\b|that\b|who\b))"
        ),
        role,
    ),
    # "@0@ serves as @1@ chief executive" ("its", "Helix's")
    (
        "role",
        _compile(
            rf"{P}{APPO}\s+(?:is|was|serves as|served as|became|est|etait|devient|will become|will be|will serve as|{_BECOMES})\s+(?:the\s+)?{O}(?:'s)?\s+{TITLE}(?=\s*[,.;]|$)"
        ),
        role,
    ),
    # "@0@, its chief executive" / "@0@, sa présidente-directrice générale"
    (
        "role",
        _compile(
            rf"{P},\s+(?P<ctx>its|their|his|her|sa|son|leur)\s+(?P<former>(?:former|ancien(?:ne)?)\s+)?{TITLE}(?=\s*[,.;]|\s+(?:and|et)\s)"
        ),
        role,
    ),
    # "sa directrice générale, @0@", "its chief executive, @0@": the title first, then the name
    (
        "role",
        _compile(
            rf"(?P<ctx>\b(?:its|their|sa|son|leur))\s+(?P<former>(?:former|ancien(?:ne)?)\s+)?{TITLE},?\s+{P}(?=\s*[,.;]|\s+(?:a|said|told|has|had|ont|avait)\b|$)"
        ),
        role,
    ),
    # "@0@, @1@'s chief executive and co-founder"
    ("role", _compile(rf"{P},\s+(?:the\s+)?{O}'s\s+{TITLE}(?=\s*[,.;]|\s+(?:and|et)\s|$)"), role),
    ("role", _compile(rf"{P},\s+(?:the\s+)?{O}'s\s+(?:[\w-]+\s+){{1,4}}and\s+{TITLE}(?=\s*[,.;]|$)"), role),
    # "@0@ … who now serves as @1@'s chief scientist"
    (
        "role",
        _compile(
            rf"{P},[^.;]{{0,80}}?\s+(?:who\s+|qui\s+)(?:now\s+)?(?:serves as|is|est|occupe le poste de)\s+(?:the\s+)?{O}(?:'s)?\s+{TITLE}(?=\s*[,.;]|$)"
        ),
        role,
    ),
    # "@0@, who serves as chief technology officer": the sentence's organisation
    (
        "role",
        _compile(
            rf"{P},[^.;@]{{0,80}}?\s*(?:who\s+|qui\s+)(?:now\s+)?(?:serves as|is|est|occupe le poste de|is now)\s+(?P<ctx>)(?:the\s+|le\s+|la\s+|l')?{TITLE}(?=\s*[,.;]|$)"
        ),
        role,
    ),
    # "@0@, a former consumer-rights lawyer who…", "@0@, ancienne avocate, …": what they did before, nowhere named.
    (
        "role",
        _compile(
            rf"{P},\s+(?:a|an|the|un|une)\s+(?P<former>former\s+|ex-|ancien(?:ne)?\s+){TITLE}(?=\s*,|\s+(?:who|qui)\b)"
        ),
        role,
    ),
    # "@0@, qui a pris la présidence en janvier 2025", "@0@, who took the helm of @1@ in 2023"
    (
        "role",
        _compile(
            rf"{P},\s+(?:who|qui)\s+(?:a pris|took|has taken|took over|prend|prit|avait pris)\s+(?:la\s+|the\s+|le\s+)?"
            rf"(?P<post>presidence|direction generale|direction|tete|helm|chair|reins)\b(?:\s+(?:de|d'|du|of)\s*{O})?"
        ),
        took_post,
    ),
    # "@1@ partner @0@", "@1@'s head of research, @0@"
    ("role", _compile(rf"{O}(?:'s)?\s+(?:former\s+)?{TITLE},?\s+{P}"), role),
    # "@0@, a former @1@ engineer"
    ("role", _compile(rf"{P},\s+(?:a|an|the)\s+(?P<former>former\s+|ex-)?{O}\s+{TITLE}(?=[\s,.;]|$)"), role),
    # "the chief executive of @1@, @0@" / "la directrice technique de @1@, @0@"
    ("role", _compile(rf"(?:^|\b){_THE}{TITLE}{_AT}{O},\s+{P}"), role),
    # Joining and leaving, in a main or relative clause.
    (
        "join",
        _compile(
            rf"{P}{APPO},?\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|will\s+|recently\s+)?(?:joined|joins|join|is joining|signed with|was hired by|has been hired by|moved to"
            r"|a rejoint|avait rejoint|rejoint|rejoindra|rejoignait|va rejoindre|vient de rejoindre|est arrivee? chez|arrive chez"
            r"|est entree? chez|a ete recrutee? par|a ete embauchee? par|started at|starts at|began at|started work at|will start at"
            r"|a commence chez|commence chez|a pris ses fonctions chez|prend ses fonctions chez))\s+(?:the\s+|la\s+|le\s+|l')?"
            rf"{O}(?:\s+(?:(?:in|en|on|le|au|at)\s+[\w\s]{{1,24}}?\s+)?(?:as|comme|en tant que|au poste de)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:once|when|after|from|in|on|as soon|lorsque|apres|en|le|a partir)\b))?"
        ),
        move("join"),
    ),
    (
        "leave",
        _compile(
            rf"{P}{APPO}\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|will\s+)?(?:left|leaves|quit|quits|departed|is leaving|resigned from|stepped down from"
            r"|will leave|a quitte|avait quitte|quitte|quittera|quittait|va quitter|vient de quitter|a demissionne de"
            r"|est partie? de))\s+(?:the\s+|la\s+|le\s+|l')?"
            rf"{O}"
        ),
        move("leave"),
    ),
    # "@0@ has joined as chief technology officer", "@0@ stepped down as CTO": the organisation is the sentence's.
    (
        "join",
        _compile(
            rf"{P}{APPO}\s+(?P<verb>(?:has\s+|had\s+|will\s+)?(?:joined|join|joins|a rejoint|rejoindra|rejoint)(?:\s+(?:l'entreprise|la societe|the company))?)\s+(?:as|comme|en tant que|au poste de)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:in|on|en|le)\s)"
        ),
        move("join"),
    ),
    (
        "leave",
        _compile(
            rf"{P}{APPO}\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+)?(?:stepped down|resigned|a demissionne|quitte son poste))\s+(?:as|de son poste de|comme)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:in|on|en|le|to|pour)\s)"
        ),
        move("leave"),
    ),
    # "Fondée en 2021 par @0@, …, et @1@, …, @2@ conçoit…" / "Founded in 2019 by @0@ and @1@, @2@ …"
    (
        "found",
        _compile(
            r"^(?P<verb>(?:co-?)?(?:fondee?s?|founded|creee?s?|created))\s+(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)\s+"
            rf"(?P<ps>{E}(?:[^.;@]{{0,80}}?{E})*)[^.;@]{{0,140}}?,\s+{O}"
        ),
        found_active,
    ),
    # "@0@ (@1@), the @2@, @3@-based developer…", "the @2@-based @0@": where a company is based.
    ("based", _compile(rf"{O}(?:\s*\(@\d+@\))?,\s+(?:the|a|an)\s+(?P<places>@\d+@(?:,\s*@\d+@)?)-based"), based),
    ("based", _compile(rf"(?P<places>@\d+@(?:,\s*@\d+@)?)-based\s+(?:[\w-]+\s+){{0,2}}?{O}"), based),
    # "…left @0@ after seven years at the @1@-based robotics firm"
    # (a lookahead, so that every organisation before it is tried, not only the first name)
    (
        "based",
        _compile(
            rf"(?={O}[^.;]{{0,80}}?\bthe\s+(?P<places>@\d+@(?:,\s*@\d+@)?)-based\s+(?:[\w-]+\s+){{0,2}}?(?:firm|company|start-?up|group|lab|maker|developer)\b)"
        ),
        based,
    ),
    # "…à l'Institut national des circuits intelligents (INCI), à Grenoble,", "…at the Port of Rotterdam, in Seattle"
    ("based", _compile(rf"(?={O}(?:\s*\(@\d+@\))?,\s+(?:a|in|en)\s+(?P<places>@\d+@)(?=\s*[,.;]|\s*$))"), located),
    # "la start-up lyonnaise @0@", "le spécialiste bruxellois de la traduction automatique @0@", "@0@, une jeune
    # pousse grenobloise", "@0@, un éditeur néerlandais": a city's or a country's adjective.
    (
        "based",
        _compile(rf"(?:{_FIRM})\s+(?P<demonym>\w+)\s+(?:(?:de|du|des|d'|en)\s*(?:la\s+|l')?(?:[\w-]+\s+){{1,3}}?)?{O}"),
        demonym,
    ),
    (
        "based",
        _compile(rf"{O},\s+(?:une?|la|le)\s+(?:{_FIRM})\s+(?P<demonym>\w+)"),
        demonym,
    ),
    # "@0@ a profité de l'annonce pour dévoiler @1@, …", "@0@ used the event to unveil @1@"
    (
        "announce",
        _compile(
            r"@(?P<w>\d+)@[^.;]{0,80}?\s(?P<verb>pour (?:devoiler|annoncer|presenter|lancer)|to (?:unveil|announce|launch|present))\s+(?P<what>[^.;]{3,200})"
        ),
        announce,
    ),
    # "@0@ replaces @1@ (as CTO)", "@0@ succède à @1@": who holds the place now.
    (
        "replace",
        _compile(
            rf"{P}{APPO},?\s+(?P<verb>(?:has\s+|will\s+)?(?:replaces|replaced|replace|succeeds|succeeded|succeed|remplace|remplacera|a remplace|succede a|succedera a|a succede a))"
            rf"\s+@(?P<q>\d+)@(?:\s+(?:as|comme|au poste de|en tant que)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)))?"
        ),
        replace,
    ),
    # "@1@ sera remplacé le 1er mars par @0@", "@1@ will be succeeded by @0@": the same, passive.
    (
        "replace",
        _compile(
            rf"@(?P<q>\d+)@{APPO},?\s+(?P<verb>(?:will be|is being|has been|was|is to be|sera|est|a ete|va etre|doit etre)\s+"
            rf"(?:replaced|succeeded|remplacee?|relayee?))\s+(?:[^.;@]{{0,40}}?\s)?(?:by|par)\s+{P}"
        ),
        replace,
    ),
    # "…hired @0@ … to succeed @1@", "…a nommé @0@ pour remplacer @1@": who takes whose place.
    (
        "replace",
        _compile(
            rf"{P}[^.;]{{0,160}}?\s(?P<verb>to succeed|to replace|replacing|succeeding|pour succeder a|pour remplacer|en remplacement de|succedant a)\s+@(?P<q>\d+)@"
        ),
        replace,
    ),
    # "@0@ has hired @1@ as chief financial officer", "@0@ a recruté @1@": a join seen from the company.
    (
        "join",
        _compile(
            rf"{O}{APPO},?\s+(?P<verb>(?:has\s+|a\s+|will\s+)?(?:hired|recruited|appointed|named|poached|recrute|embauche|nomme|debauche))"
            rf"\s+{P}(?:\s+(?:as|comme|au poste de|en tant que)\s+{_THE}{TITLE}(?=\s*(?:[,.;]|$)|\s+(?:in|on|en|le)\b))?"
        ),
        move("join"),
    ),
    # "@0@ left @1@ to join @2@" / "@0@ a quitté @1@ pour rejoindre @2@"
    (
        "join",
        _compile(
            rf"\s(?P<verb>to join|pour rejoindre|before joining|avant de rejoindre|and joined|et a rejoint|partie? rejoindre)\s+(?:the\s+|la\s+|le\s+|l')?{O}"
        ),
        join_after,
    ),
    # "@0@, qui dirigeait jusqu'ici la recherche", "@0@, who ran research": a former role at the sentence's organisation.
    (
        "role",
        _compile(
            rf"{P},?\s+(?:who|qui)\s+(?:had\s+)?(?:led|ran|headed|dirigeait|pilotait|avait dirige)\s+(?:jusqu'ici\s+|until now\s+|jusqu'alors\s+)?(?:la\s+|le\s+|l'|the\s+)?(?P<dept>recherche|research|ingenierie|engineering|produit|product|technique|technology|ventes|sales|finance|finances|marketing|strategie|strategy|operations)\b"
        ),
        ran,
    ),
    # Who took part in a round, who led it: the organisation is the one the sentence (or article) is about.
    (
        "invest",
        _compile(
            rf"(?P<is>{ES})\s+(?:also\s+)?(?:took part|participated|ont participe|a participe|participent|invested|ont investi|a investi)"
        ),
        invest,
    ),
    (
        "invest",
        _compile(
            rf"(?:round|tour de table|levee de fonds|financement|serie \w|series \w)[^.;]{{0,60}}?(?:led by|mene par|menee par|conduit par|conduite par)\s+(?P<is>{E}(?:[^.;]{{0,40}}?(?:participation|with|avec|joined by|alongside|aux cotes)[^.;]{{0,120}})?)"
        ),
        invest_led,
    ),
    # Founding, also in a relative clause ("Delvaux, qui a créé Altisène en 2017, …").
    (
        "found",
        _compile(
            rf"(?P<ps>{ES}){APPO},?\s+(?:who\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|have\s+|a\s+|ont\s+|avait\s+|avaient\s+)?(?:co-?founded|founded|started|set up|launched"
            r"|created|co-?fonde|cofonde|fonde|cree|lance))\s+(?:(?:a|the|its|their|his|her|une|la|sa|leur)\s+(?:new\s+|nouvelle\s+)?"
            rf"(?:company|start-?up|firm|venture|lab|societe|entreprise|jeune pousse)\s*,?\s*)?{O}"
        ),
        found_active,
    ),
    # "Avec @0@, un ingénieur rencontré à @1@, @2@ fonde l'année suivante une société qui…"
    (
        "found",
        _compile(
            rf"(?:^|,\s*)(?:avec|with)\s+(?P<with>{ES}){APPO},?\s+(?P<ps>{E})\s+(?P<verb>(?:a\s+|has\s+|had\s+)?"
            r"(?:co-?founded|founded|started|set up|launched|created|co-?fonde|cofonde|fonde|cree|lance))\b[^.;@]{0,60}?"
            r"\b(?:une|a|an|la|the|sa|her|his|leur|their)\s+(?:nouvelle\s+|new\s+|petite\s+|small\s+)?"
            rf"(?:societe|start-?up|entreprise|company|firm|jeune pousse|boite)\b(?:,?\s+{O})?"
        ),
        found_with,
    ),
    (
        "found",
        _compile(
            rf"{O}{APPO}\s+(?P<verb>(?:was|has been|is|a ete|avait ete|est|fut)?\s*(?:co-?founded|founded|started|created|set up"
            r"|co-?fondee?s?|fondee?s?|creee?s?))\s+(?:in\s+[\w\s]+?\s+|en\s+[\w\s]+?\s+)?(?:by|par)\s+"
            rf"(?P<ps>{ES})"
        ),
        found_passive,
    ),
    # Money, also in a relative clause ("Sémaphore, qui avait levé 32 millions d'euros…").
    (
        "raise",
        _compile(
            rf"{O}{APPO},?\s+(?:which\s+|qui\s+)?(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+|vient de\s+)?(?:raised|raises|secured|closed|landed|obtained|received|leve|levera|obtenu"
            r"|boucle|realise une levee de fonds de|annonce une levee de fonds de))\s+(?:a\s+|un\s+)?(?:funding\s+(?:round\s+)?of\s+|tour de table de\s+)?"
            rf"(?:more than\s+|about\s+|nearly\s+|plus de\s+|pres de\s+|environ\s+)?{AMOUNT}"
        ),
        raise_,
    ),
    # "@0@ a annoncé mercredi une levée de fonds de 45 millions d'euros", "…said it has closed a round of $20m"
    (
        "raise",
        _compile(
            rf"{O}{APPO}\s+(?P<verb>(?:has\s+|a\s+)?(?:announced|annonce|completed|closed|boucle|finalise|realise))\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?:une|un|a|an)\s+(?:levee de fonds|tour de table|financement|funding round|round of funding|round)\s+"
            rf"(?:de|of|d'un montant de|worth)\s+{AMOUNT}"
        ),
        raise_,
    ),
    (
        "acquire",
        _compile(
            rf"@(?P<b>\d+)@{APPO},?\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:already\s+|deja\s+)?(?:acquired|bought|purchased|agreed to buy|agreed to acquire|will acquire"
            rf"|rachete|rachetera|rachete|acquis|achete|va racheter|buys|acquires))\s+(?:the\s+|la\s+|le\s+|l')?(?:[\w-]+\s+){{0,2}}?@(?P<t>\d+)@(?:[^.;@]{{0,60}}?\s+(?:for|in a deal worth|pour)\s+(?:un montant de\s+|about\s+|environ\s+)?{AMOUNT})?"
        ),
        acquire,
    ),
    # "@0@ a annoncé lundi le rachat de @1@, …, pour un montant de 18 millions d'euros"
    (
        "acquire",
        _compile(
            rf"@(?P<b>\d+)@{APPO},?\s+(?P<verb>(?:has\s+|a\s+)?(?:announced|annonce|confirmed|confirme|finalise|completed))\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:le rachat|l'acquisition|the acquisition|the purchase|its acquisition|its purchase)\s+(?:de|d'|du|of)\s*(?:la\s+|le\s+|l')?@(?P<t>\d+)@"
            rf"(?:[^.;]{{0,120}}?\s(?:for|pour)\s+(?:un montant de\s+|about\s+|environ\s+)?{AMOUNT})?"
        ),
        acquire,
    ),
    # "@0@ … après avoir quitté @1@", "… after leaving @1@"
    (
        "leave",
        _compile(
            rf"{P}[^.;]{{0,120}}?\s(?P<verb>apres avoir quitte|after leaving|after quitting|apres son depart de|after stepping down at)\s+(?:the\s+|la\s+|le\s+|l')?{O}"
        ),
        move("leave"),
    ),
    (
        "sell",
        _compile(
            rf"@(?P<s>\d+)@{APPO}\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:sold|agreed to sell|will sell|vendu|cede))\s+(?P<thing>[^.;]{{2,120}}?)"
            rf"\s+(?:to|a)\s+(?:the\s+|la\s+|le\s+|l')?@(?P<b>\d+)@(?:\s+(?:for|pour)\s+(?:about\s+|environ\s+)?{AMOUNT})?"
        ),
        sell,
    ),
    (
        "based",
        _compile(
            rf"{O}{APPO}\s+(?:is\s+|are\s+|was\s+|remains\s+|est\s+|sont\s+|etait\s+)?(?:based|headquartered|located|basee?s?|installee?s?"
            r"|implantee?s?|situee?s?|domiciliee?s?)\s+(?:in|a|en|au|aux|dans)\s+(?:la ville de\s+|the city of\s+)?"
            rf"(?P<places>{ES})"
        ),
        based,
    ),
    (
        "based",
        _compile(
            rf"{O}{APPO},?\s+(?:a son|dont le|whose)\s+(?:siege|headquarters)\s+(?:social\s+)?(?:est\s+|are\s+|is\s+)?(?:a|en|in)\s+(?P<places>{ES})"
        ),
        based,
    ),
    # "Veltrix Bio, a Boston company that…", "Harwick Foods, the Norwich maker of ready meals": a town before what the
    # body is says where it is.
    (
        "based",
        _compile(
            rf"{O},\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?P<places>@\d+@)\s+(?:[a-z-]+\s+)?(?:company|firm|start-?up|group|maker"
            r"|manufacturer|developer|producer|insurer|bank|lender|retailer|carrier|operator|club|co-?operative|charity"
            r"|publisher|supplier|chain|agency|studio|brewery|laboratory|lab)\b"
        ),
        placed,
    ),
    (
        "announce",
        _compile(
            rf"@(?P<w>\d+)@{APPO}\s+(?P<verb>(?:has\s+|had\s+|a\s+|avait\s+)?(?:announced|unveiled|revealed|launched|introduced|released|annonce|devoile|revele|lance|presente))"
            r"\s+(?:on\s+\w+\s+|in\s+\w+\s+\d{4}\s+|en\s+\w+\s+\d{4}\s+|le\s+\d+\s+\w+\s+)?(?P<what>[^.;]{3,200})"
        ),
        announce,
    ),
)
