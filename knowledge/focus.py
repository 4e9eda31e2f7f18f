"""Finds the question inside a chat message: what the matcher should compare, and nothing else.

People wrap questions: "Hi! Sorry to bother you, I'm writing a school report on OpenAI: could you tell me in
which year Radford started working there? Thanks a lot". Every word of the wrapping that no fact uses pulls a
match down, so the longer and kinder the message, the likelier a decline. This module removes:

- **noise**: URLs, @mentions and Discord's `<@id>` / `<#id>` / `<:emoji:id>` tags, emoji and pictographs,
  markdown marks, repeated punctuation (a hashtag's words stay: "#PortEllery" is "Port Ellery");
- **courtesy**: clauses that are only a greeting, thanks or an apology ("Bonjour", "merci d'avance", "sorry
  to bother you", "hope you're well");
- **scene-setting**: first-person clauses that ask nothing ("I'm writing a school report on OpenAI",
  "je prépare un exposé") when another clause of the message does ask;
- **request frames**: "could you tell me", "I was wondering", "pourriez-vous m'indiquer", "j'aimerais savoir".

Names said only in a dropped clause are returned as `context`, so "I'm reading about Mira Murati: what was her
job?" still knows whom it is about. Pure functions over strings: cheap, and tested on their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from knowledge.normalize import fold

_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_DISCORD_TAG = re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::\w)?)>")
_MENTION = re.compile(r"(?<![\w.])@\w+")
_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_CAMEL_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){2,4}")  # "PortEllery", "QuaiVert", "ÉcoleVerte"
# A break before each capital but after "Mc"/"Mac", which begin one name ("#McGrew" stays "McGrew").
_CAMEL_BREAK = re.compile(r"(?<=[a-zß-öø-ÿ])(?<!\bMc)(?<!\bMac)(?=[A-ZÀ-ÖØ-Þ])")
_MARKUP = re.compile(r"[*_~`|>#]+")
_REPEATED = re.compile(r"([?!.])[?!.]+|([,;:])(?:\s*[,;:])+")
_SPACES = re.compile(r"\s+")
# The news the bot read is not what a question asks about: "the acronym mentioned in the article", "d'après
# l'article". Left in, "article" reads as a research paper. A qualified one ("l'article sur GPT-1") is a paper.
_META = re.compile(
    r"\b(?:(?:mentioned|cited|quoted|described|reported|named)\s+)?(?:in|from|according to)\s+"
    r"(?:the|this|that|your)\s+(?:article|story|piece|news item)\b(?!\s+(?:on|about|of|by)\b)"
    r"|\b(?:(?:mentionn|cit|d[ée]crit|nomm)\w*\s+)?(?:dans|d['’]apr[eè]s|selon)\s+"
    r"(?:l['’]|cet\s+|ce\s+|votre\s+)(?:article|papier|d[ée]p[eê]che)\b(?!\s+(?:sur|de|d['’]|du|des)\b)",
    re.IGNORECASE,
)
# …nor is the news as the one who says something: "what does the article say about…", "the projects the piece
# credits to Radford", "que dit l'article sur…", "l'article cite-t-il…". Left in, "say" and "credit" read as what
# the question asks happened, and "article" as a paper.
_ARTICLE_SAYS = re.compile(
    r"\b(?:(?:does|did|do|will|would)\s+)?(?:the|this|that|your)\s+"
    r"(?:article|story|piece|news item|report)(?:['’]s)?\s+"
    r"(?:(?:actually|really|exactly|also|even)\s+)?"
    r"(?:says?|said|saying|credits?|credited|mentions?|mentioned|describes?|described|presents?|presented|claims?|"
    r"suggests?|states?|lists?|listed|calls?|called|quotes?|quoted|cites?|cited|puts? it|tells? us|explains?|"
    r"highlights?|notes?|concludes?|implies|goes on about)\b"
    r"|\b(?:que|qu['’]est[- ]ce que|ce que)\s+(?:dit|raconte|rapporte|affirme|explique|indique|précise|precise)"
    r"\s+(?:l['’]|cet\s+|ce\s+|votre\s+)(?:article|papier|d[ée]p[eê]che)\b"
    r"|\b(?:l['’]|cet\s+|votre\s+)(?:article|d[ée]p[eê]che)\s+(?:(?:me\s+)?(?:dit|cite|mentionne|présente|presente|"
    r"raconte|qualifie|tire|évoque|evoque|indique|affirme|explique|rapporte|attribue|souligne|laisse entendre|"
    r"envisage|conclut|précise|precise|décrit|decrit)(?:[- ]t[- ]il|[- ]il)?)\b",
    re.IGNORECASE,
)
_ELIDED = re.compile(r"^\w+['’](\w.*)$")
# A clause ends at a sentence mark, a colon or semicolon, a dash, or a comma; commas are joined back below unless the
# piece they close is courtesy or scene-setting, so "Who, besides Radford, left?" stays one clause.
_CLAUSE = re.compile(r"[^.!?;:,—–]+[.!?;:,—–]*")
_SENTENCE_END = re.compile(r"[.!;:—–]\s*$")
_SPACED_HYPHEN = re.compile(r"\s+-+\s+")  # "… for me - what was his job?": a dash typed as a hyphen
# "I'm writing a newsletter on AI and I'd love to know where…", "je m'intéresse aux drones et j'aimerais savoir…":
# the request starts a clause of its own, so what comes before it is scene-setting like any other.
_AND_THEN_ASKS = re.compile(
    r"\s*(?:,\s*)?\b(?:and|but|et|mais)\s+(?=(?:i['’]d|i would|i was|i wonder|i want|i need|could you|can you|"
    r"would you|j['’]aimerais|je voudrais|je souhaiterais|j['’]aurais besoin|je me demand|il me manque|pourriez|"
    r"pouvez|auriez|savez|je n['’]ai pas (?:bien |vraiment )?compris|i didn['’]t (?:really |quite )?understand)\b)",
    re.IGNORECASE,
)

_COURTESY = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|yo|greetings|good (?:morning|afternoon|evening)|dear \w+|bonjour|bonsoir|salut|"
    r"coucou|hello there|hi there|hey there|bot|radford ?bot|"
    r"thanks?(?: you)?(?: (?:so|very) much| a lot| a bunch)?(?: in advance)?|"
    r"thx|ty|many thanks|cheers|much appreciated|merci(?: beaucoup| bien)?(?: d avance| par avance)?|"
    r"(?:i am |i m )?sorry(?: to (?:bother|disturb|trouble|bug|pester) you)?|excuse me|pardon|"
    r"desole(?: de (?:vous|te) deranger)?|"
    r"excusez moi|excuse moi|(?:i )?hope (?:you re|you are) (?:well|doing well|fine)|"
    r"j espere que (?:vous allez|tu vas) bien|quick question|petite question|une question|one question|"
    r"a question|please|s il (?:vous|te) plait|svp|stp|ok|okay|so|well|alors|bon|eh bien|dis|dites|"
    r"have a (?:nice|good|great) day|bonne journee|bonne soiree|regards|best|cordialement|"
    # "Dernière question :", "one more question:"; "…, if you know?", "…, si possible ?": they ask nothing.
    r"(?:(?:one|a) )?(?:last|final|other|another|more|one more|second|follow up|last little) question|"
    r"(?:derniere|autre|deuxieme|seconde|encore une|une derniere|une autre) question|"
    r"if you (?:know|can|have (?:it|them|that)|don t mind|have the info)|if possible|if any|"
    r"si (?:vous|tu) (?:savez|sais|l avez|l as|les avez|les as|pouvez|peux)|si possible|le cas echeant)\b\W*)+$"
)
# "Sorry if this is a dumb question", "pardon de vous déranger avec ça", "quick question for a podcast".
_APOLOGY = re.compile(
    r"^(?:(?:so |alors |bon )?(?:sorry|i m sorry|desole|desolee|pardon|excuse(?:z)?(?: moi)?|excuse me|quick question|"
    r"petite question|une question|a question|question))\b.*"
    r"\b(?:question|bother|disturb|interrupt|trouble|deranger|derange|importuner|podcast|curious|curiosite|dumb|"
    r"stupid|silly|naive|bete|idiote)\b"
)
# "Hi there, quick question about the Pellucid article:" announces a question and asks nothing itself.
_ANNOUNCED = re.compile(
    r"^(?:(?:hi|hello|hey|bonjour|salut|bonsoir)(?: there)? )?(?:a |one |une |juste une )?"
    r"(?:quick|small|little|short|simple|petite|courte|rapide) question\b"
)
_THANKS = re.compile(
    r"^(?:thanks|thank you|many thanks|thx|cheers|much appreciated|appreciate|merci|grand merci|mille merci|"
    r"sorry|desole|desolee|hello|hi|hey|bonjour|bonsoir|salut|have a|bonne)\b"
)
_THANKS_TAIL = re.compile(
    r"^(?:(?:many |a lot of |big )?thanks|thank you|thx|ty|cheers|much appreciated|merci|mille merci|grand merci)"
    r"(?: (?:a lot|a bunch|so much|very much|beaucoup|bien|in advance|d avance|par avance|again|encore|"
    r"for (?:your|the) (?:help|time|answer)|pour (?:votre|ton|ta|l) (?:aide|temps|reponse)))*$"
)
_TAIL_STARTS = ("thank", "thx", "ty", "cheers", "much", "merci", "mille", "grand", "many", "a lot", "big")
_HEARSAY = re.compile(
    r"^(?:so |well |alors |bon )?(?:i (?:think|believe|heard|hear|read|saw|guess|thought|remember|feel)|"
    r"i ve (?:heard|read|seen|been (?:hearing|reading|seeing))|i keep (?:hearing|reading|seeing)|"
    r"i (?:get|got|have|had) the (?:impression|feeling)|it (?:seems|looks like)|rumou?r has it|word is|"
    r"apparently|je (?:crois|pense|suppose|me souviens|lis|vois|sens)|j ai (?:lu|entendu|vu|cru)|"
    r"j (?:entends|ai l impression|ai le sentiment)|il (?:parait|me semble|semble)|on m a dit|on entend|"
    r"someone told me|people say|on dit|"
    # What someone else holds: "he thinks Radford was there from day one.", "mon collègue soutient que…"
    r"(?:he|she|they|my \w+|a friend|a colleague|someone|mon \w+|ma \w+|mes \w+|un ami|un collegue|une amie|"
    r"il|elle|ils|elles) (?:thinks|think|believes|believe|says|said|claims|claimed|reckons|insists|swears|told me|"
    r"pense|pensent|croit|croient|dit|disent|affirme|affirment|pretend|pretendent|soutient|soutiennent|assure|"
    r"assurent|jure|jurent|m a dit))\b"
)
_HEARD_OF_IT = re.compile(r"\b(?:about|of|sur|de) (?:this|it|that|ca|cela|cette (?:histoire|affaire|info))\b")
_FIRST_PERSON = re.compile(
    r"^(?:so |well |alors |bon |en fait |actually )?(?:i|i m|i am|i ve|i have|i was|i d|i ll|we|we re|we are|my|our|"
    r"je|j|nous|mon|ma|mes|notre|nos|on|il me manque)\b"
)
# A clause that only says what the answer is for: "for a school project", "pour un exposé sur l'IA".
_PURPOSE = re.compile(
    r"^(?:it s |c est |this is |c est juste )?(?:for|pour|as part of|dans le cadre d|"
    r"(?:to|pour|afin de|so i can) (?:complete|finish|write|prepare|update|fill in|round out|wrap up|check|"
    r"completer|finir|terminer|rediger|ecrire|preparer|boucler|enrichir|mettre a jour|conclure|alimenter|verifier)) "
    r"(?:a|an|my|our|the|un|une|mon|ma|mes|notre|nos|le|la|l) (?:\w+ ){0,3}"
    r"(?:project|report|class|course|lesson|lecture|essay|thesis|article|"
    r"presentation|podcast|newsletter|homework|assignment|talk|paper|quiz|exam|projet|expose|cours|devoir|"
    r"memoire|these|dossier|rapport|presentation|conference|examen|travail|recherche|research|school|ecole|"
    r"blog|video|debate|debat|notes|fiche|bibliography|bibliographie|billet|slides|diaporama|biography|biographie|"
    r"timeline|chronologie|summary|synthese|briefing|post|thread)(?: \w+){0,4}$"
)
_ASKING = re.compile(
    r"\b(?:who|whom|whose|what|when|where|why|how|which|qui|que|quoi|quand|ou|pourquoi|comment|quel|quelle|quels|"
    r"quelles|combien|lequel|laquelle|est ce|tell|explain|wonder|wondering|know|curious|dis|dites|explique|"
    r"savoir|indiquer|connaitre|did|does|do|is|are|was|were|has|have|can|could|will|would)\b"
)
# Frames around the question proper, removed wherever they stand: a request ("could you tell me", "auriez-vous
# la gentillesse de me donner", "would you mind listing") keeps only what is requested.
_ASK_VERBS = (
    r"(?:tell|telling|give|giving|list|listing|name|naming|share|sharing|remind|explain|explaining|summari[sz]e|"
    r"summari[sz]ing|provide|show|quote|quoting|cite|describe|clarify|confirm|say|help me understand|let|"
    # "could you check when he joined", "can you look up…": asking the bot to find out is asking
    r"(?:double[- ]?)?check|verify|look up|find out)"
)
_DEMANDE_VERBS = (
    r"(?:dire|donner|lister|citer|rappeler|indiquer|expliquer|preciser|resumer|confirmer|decrire|parler|"
    r"communiquer|nommer|eclairer|verifier|retrouver)"
)
_OBJECT = r"(?:le |la |l |les )?"  # "pourriez-vous me l'indiquer", "tu peux me le dire"
_FRAMES = re.compile(
    r"\b(?:(?:could|can|would|will) you (?:please |kindly |possibly |briefly |quickly |just |also )*"
    + _ASK_VERBS
    + r"(?: me| us)?(?: know)?|"
    r"(?:(?:would|will|could) you be|are you) able to (?:please )?" + _ASK_VERBS + r"(?: me| us)?(?: know)?|"
    r"is it possible (?:for you )?to " + _ASK_VERBS + r"(?: me| us)?|"
    r"(?:seriez vous|serais tu|etes vous|es tu) (?:en mesure|capable) de (?:me |m |nous )?" + _DEMANDE_VERBS + r"|"
    r"would you mind " + _ASK_VERBS + r"(?: me| us)?|(?:i d|i would) be (?:grateful|thankful|glad|happy) if you "
    r"(?:could|would|can) (?:please )?" + _ASK_VERBS + r"(?: me| us)?|if you (?:could|can) " + _ASK_VERBS + r"(?: me)?|"
    r"(?:do|would) you (?:happen to )?know|i (?:was|am|m) (?:just )?(?:wondering|curious)(?: about)?|"
    # "Curious what…", "just curious, how many…", "I'd be curious to know…": at the head, or said by the asker.
    r"(?:^(?:just |so |really )?|i (?:d|would) be (?:so |really )?)curious(?: to (?:know|learn|hear|see))?"
    r"(?: about| as to)?(?= (?:what|whether|if|how|who|when|where|why|which|about)\b)|"
    r"i (?:would|d) (?:really )?(?:like|love) to (?:know|understand)|i want(?:ed)? to know|i wonder|"
    r"please (?:tell|let) me(?: know)?|tell me|let me know|remind me|any idea|do you have any idea|"
    r"(?:pourriez|pouvez|voudriez|auriez|pourrais|peux|voudrais|aurais) (?:vous|tu)"
    r"(?: la gentillesse| l amabilite| l obligeance)?(?: de)?(?: bien)? (?:me |m |nous )?"
    + _OBJECT
    + _DEMANDE_VERBS
    + r"|"
    r"(?:vous pourriez|vous pouvez|vous voudriez|tu pourrais|tu peux|tu voudrais)(?: bien)? (?:me |m |nous )?"
    + _OBJECT
    + _DEMANDE_VERBS
    + r"|"
    r"(?:est ce que )?(?:tu sais|vous savez|tu saurais|vous sauriez)(?: me dire)?|"
    r"(?:sais tu|savez vous|saurais tu|sauriez vous)(?: me dire)?|"
    r"(?:j aimerais|je voudrais|je souhaiterais|je veux|je voulais) (?:bien )?(?:savoir|connaitre|comprendre)|"
    r"je me demand(?:e|ais)|j aurais besoin (?:de|d)|i (?:would|d) need|il me manque|dis moi|dites moi|"
    r"explique moi|expliquez moi|rappelle moi|rappelez moi|"
    r"merci de (?:me |m |nous )?" + _OBJECT + _DEMANDE_VERBS + r"|"
    r"please|pls|plz|svp|stp|s il (?:vous|te) plait|"
    # "Not sure when the fans will decide", "je ne sais pas trop qui dirige…": doubt that asks what follows.
    # Only at the head or said by the asker: "Which minister was not sure whether…" keeps its words.
    r"(?:^|i (?:m|am|was) (?:just )?)not (?:quite |really |too )?sure"
    r"(?= (?:what|whether|if|how|who|when|where|why|which)\b)|"
    r"je ne (?:sais|savais) (?:pas|plus)(?: trop| bien| vraiment)?(?= (?:si|quand|qui|quel|quelle|quels|quelles|"
    r"pourquoi|comment|combien|ce qu|ce que|ou)\b)|"
    r"je ne suis pas (?:sur|sure|certaine?)(?: de savoir)?"
    r"(?= (?:si|quand|qui|quel|quelle|pourquoi|comment|combien)\b)|"
    # "wait, what's Whisper in this story?", "attends, c'est qui ?": surprise, not what is asked.
    # Only before a question word or a verb: "Wait times at the hospital…" is about waiting.
    r"^(?:wait|hold on|attends|attendez)(?= (?:what|who|whom|whose|when|where|why|how|which|is|was|are|were|did|does|"
    r"do|has|have|so|c est|qui|quoi|quand|ou|pourquoi|comment|combien|quel|quelle|il|elle|ils|elles|est ce)\b)|"
    # A request in the imperative at the head of the question: "Name the co-authors…", "Donne-moi la date…".
    r"^(?:(?:please |kindly )?(?:name|list|give me|show me|tell us|quote|enumerate|summari[sz]e|describe)|"
    r"(?:donne|donnez|citez|liste|listez|nomme|nommez|enumere|enumerez|resume|resumez|decris|decrivez|"
    r"presente|presentez)(?: moi| nous)?)(?= \w)|"
    # Hearsay leads: "I keep hearing OpenAI is losing people", "j'ai l'impression qu'OpenAI perd du monde".
    r"i keep (?:hearing|reading|seeing)(?: that)?|i ve been (?:hearing|reading)(?: that)?|"
    r"i (?:get|have|got) the (?:impression|feeling)(?: that)?|j ai (?:l impression|le sentiment)(?: que| qu)?|"
    r"il me semble(?: que| qu)?|j ai entendu dire(?: que| qu)?|on m a dit(?: que| qu)?|"
    r"j ai cru (?:entendre|lire|comprendre|voir)(?: parler)?(?: que| qu| de| d)?(?= \w)|"
    r"je n ai pas (?:bien |tres bien |vraiment |tout a fait )?(?:compris|saisi)|"
    r"i (?:didn t|don t|did not|do not) (?:really |quite |fully )?(?:understand|get)|"
    # "I read that…", "j'ai lu qu'…": where the asker heard of it is not what they ask about.
    r"i (?:ve )?(?:read|heard|saw|seen)(?: somewhere| online| in the (?:news|press|papers?))?(?: that)?(?= \w)|"
    r"j ai (?:lu|entendu|vu)(?: quelque part| dans la presse| dans les journaux| sur internet| en ligne)?"
    r"(?: que| qu)(?= \w)|je lis(?: partout| souvent| ici et la)?(?: que| qu)(?= \w))\b"
)


@dataclass(frozen=True, slots=True)
class Focus:
    question: str  # what the matcher compares
    context: str  # dropped scene-setting, for names only
    # The statements kept before the question ("I read that the founder is stepping back."): they say what it is
    # about, so their words count, but what they say happened is not what the question asks.
    told: str = ""
    asked: str = ""  # the clauses that ask, when there are statements besides
    # The statements before the first clause that asks and closed by a full stop, "!", ";", a colon or a dash ("I saw
    # a screenshot of an exec reacting to his exit. What did their research head say?"): background, whose words
    # weigh less. A topic put first with a comma ("Le terrain cédé par la commune, il va servir à quoi ?") is what is
    # asked about. (Ending background at ".", "!" and ";" only lost three tuning questions and gained none.)
    background: str = ""
    # The clauses that ask, their request frames kept: "Could you name the investors…" says a name is wanted, which
    # the question proper ("the investors…") no longer does, and a background sentence must not ("I know the exact
    # date he left. What did he do next?").
    request: str = ""


# Chat shorthand, spelled out so the words meet the facts' and the question patterns: "how many ppl", "c koi le
# pb", "he left b4 or after?". Only forms that are no word of either language, lower case as typed.
_SHORTHAND = {
    "ppl": "people",
    "yr": "year",
    "yrs": "years",
    "rn": "right now",
    "atm": "at the moment",
    "abt": "about",
    "b4": "before",
    "wat": "what",
    "wut": "what",
    "thx": "thanks",
    "govt": "government",
    "gvt": "government",
    "mgmt": "management",
    "exec": "executive",
    "execs": "executives",
    "approx": "approximately",
    "koi": "quoi",
    "ki": "qui",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "cb": "combien",
    "qd": "quand",
    "pb": "problème",
    "pbs": "problèmes",
    "bcp": "beaucoup",
    "tjrs": "toujours",
    "tjs": "toujours",
    "mtn": "maintenant",
    "auj": "aujourd'hui",
    "ajd": "aujourd'hui",
    "ché": "chez",
    "cmb": "combien",
    "cmbien": "combien",
    "tps": "temps",
    "pcq": "parce que",
    "pck": "parce que",
    "psk": "parce que",
    "avc": "avec",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "stp": "s'il te plaît",
    "svp": "s'il vous plaît",
}
_SHORTHAND_WORD = re.compile(r"(?<![\w'’-])(" + "|".join(sorted(_SHORTHAND, key=len, reverse=True)) + r")(?![\w'’-])")


# "il s'est tiré" is chat French for leaving. Only the question is read so: its reflexive "s'" is gone once text is
# canonical, and "le chiffre est tiré d'une étude" in an article leaves nothing.
_TAKEN_OFF = re.compile(
    r"\bs['’](est|était|etait|étaient|etaient) tir(?:é|e)(e?s?)\b(?!\s+(?:une balle|d['’]affaire|dessus|au sort)\b)",
    re.IGNORECASE,
)


# "$800M", "£1.2bn", "30k": a sum as finance news and chat abbreviate it, written as the facts write it.
_SUM_SHORTHAND = re.compile(r"(?<![\w.,])([$£€]?)(\d+(?:[.,]\d+)?)\s?(m|bn|k)([$£€]?)(?![\w'’-])", re.IGNORECASE)
_SUM_WORDS = {"m": "million", "bn": "billion", "k": "thousand"}


# "Quelle part du prix…", "what share of its harvest…" ask a proportion, which a percentage gives: not a "part", nor
# shares of stock. ("What part of the deal…" is a part.)
_SHARE_OF = re.compile(
    r"\b(?:(quelle)\s+part(?=\s+(?:du|de|des|d['’])\b)|(what|which)\s+share(?=\s+of\b))", re.IGNORECASE
)


def _sum_in_full(found: re.Match[str]) -> str:
    """A sum in full; a lower-case "m" with no currency is left alone ("a 5m wall" is five metres), and so is "4K" or
    "8K" with none (a screen's resolution). An upper-case "M" or "K" alone is a sum ("5M shares", "30K jobs")."""
    currency, number, unit, after = found.groups()
    if not (currency or after) and (unit == "m" or (unit == "K" and number in ("4", "8"))):
        return found.group()
    return f"{currency}{number} {_SUM_WORDS[unit.lower()]}" + (f" {after}" if after else "")


def spell_out(text: str) -> str:
    """`text` with chat shorthand written in full (see `_SHORTHAND`), "s'est tiré" as "est parti", "$800M" as
    "$800 million" and "quelle part de…" as "quelle proportion de…"."""
    text = _TAKEN_OFF.sub(lambda m: f"{m.group(1)} parti{m.group(2)}", text)
    text = _SUM_SHORTHAND.sub(_sum_in_full, text)
    text = _SHARE_OF.sub(lambda m: f"{m.group(1) or m.group(2)} proportion", text)
    return _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group(1)], text)


def clean(text: str) -> str:
    """The message without URLs, mentions, emoji, markdown marks or repeated punctuation, hashtags as their words
    ("#PortEllery": "Port Ellery"), shorthand spelled out."""
    text = _URL.sub(" ", text)
    text = _DISCORD_TAG.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _HASHTAG.sub(lambda m: " " + _split_camel(m.group(1)) + " ", text)
    text = spell_out(text)
    text = _META.sub(" ", text)
    text = _ARTICLE_SAYS.sub(" ", text)
    text = "".join(" " if _pictograph(ch) else ch for ch in text)
    text = _MARKUP.sub(" ", text)
    text = _REPEATED.sub(lambda m: m.group(1) or m.group(2), text)
    return _SPACES.sub(" ", text).strip()


def _split_camel(word: str) -> str:
    """ "PortEllery" as "Port Ellery": a hashtag runs a name's words together (an @mention only calls someone)."""
    return _CAMEL_BREAK.sub(" ", word) if _CAMEL_NAME.fullmatch(word) else word


def _pictograph(ch: str) -> bool:
    """Emoji, pictographs and their joiners and variation selectors: symbols no fact is written with."""
    if ch.isascii():
        return False
    category = unicodedata.category(ch)
    return category in ("So", "Sk", "Cs", "Co") or ch in "\u200d\ufe0f\ufe0e\u20e3"


def _key(clause: str) -> str:
    """A clause as the patterns read it: folded, punctuation as spaces."""
    return _SPACES.sub(" ", re.sub(r"[^\w]+", " ", fold(clause))).strip()


def _kind(clause: str) -> str:
    key = _key(clause)
    if not key or _COURTESY.match(key) or _APOLOGY.match(key):
        return "courtesy"
    if _ANNOUNCED.match(key) and not clause.rstrip().endswith("?") and len(key.split()) <= 12:
        return "courtesy"
    if _THANKS.match(key) and len(key.split()) <= 8 and not clause.rstrip().endswith("?"):
        return "courtesy"  # "Merci d'avance pour votre aide", "Many thanks in advance for your time"
    if clause.rstrip().endswith("?"):
        return "asks"
    if _HEARSAY.match(key):
        # "I think Radford left, when was that?": the clause says what the question is about; "I read about this on
        # my phone but missed the explanation" says where they heard of it, nothing more.
        return "scene" if _HEARD_OF_IT.search(key) else "statement"
    if _PURPOSE.match(key):
        return "scene"  # "For a school project, …", "Pour mon exposé, …"
    if _FIRST_PERSON.match(key):
        # "I'm trying to keep track of who went where." sets the scene; "I was wondering who founded
        # Anthropic." asks, once its frame is gone.
        return "asks" if not _FIRST_PERSON.match(_key(_strip_frames(clause)) or "i") else "scene"
    return "asks" if _ASKING.search(key) else "statement"


def focus(message: str) -> Focus:
    """The question a message asks, and the scene-setting dropped around it."""
    text = _AND_THEN_ASKS.sub(". ", _SPACED_HYPHEN.sub(" — ", clean(message)))
    clauses = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    kinds = [_kind(c) for c in clauses]
    for index in range(1, len(clauses)):
        # "…ce que la spécialiste voulait dire sur les souris, vous pourriez m'expliquer ?": a request frame
        # alone asks for what the clause before it says.
        if kinds[index] == "asks" and kinds[index - 1] in ("scene", "statement") and not _bare(clauses[index]):
            kinds[index - 1] = "asks"
    for index in range(len(clauses) - 1):
        # "…et il me manque le point de départ : en quelle année a-t-il intégré OpenAI ?": what leads up to a colon
        # before a question of its own says what is missing, not what is asked.
        if (
            kinds[index] == "asks"
            and clauses[index].rstrip().endswith(":")
            and not _ASKING.search(_key(clauses[index]))  # "Who replaced Murati as CTO: was it Chen?" asks first
            and kinds[index + 1] == "asks"
            and clauses[index + 1].rstrip().endswith("?")
            and _ASKING.search(_key(clauses[index + 1]))
        ):
            kinds[index] = "statement"
    asking = "asks" in kinds
    kept, dropped = [], []
    for clause, kind in zip(clauses, kinds, strict=True):
        if kind == "courtesy" or (asking and kind == "scene"):
            dropped.append(clause)
        else:
            kept.append(clause)
    question = _strip_courtesy_tail(" ".join(kept) if kept else text)
    unframed = _strip_frames(question)
    told = [c for c, k in zip(clauses, kinds, strict=True) if k == "statement"] if asking else []
    asked = _strip_frames(" ".join(c for c, k in zip(clauses, kinds, strict=True) if k == "asks")) if told else ""
    first_ask = kinds.index("asks") if asking else 0
    background = [
        c
        for c, k in zip(clauses[:first_ask], kinds[:first_ask], strict=True)
        if k == "statement" and _SENTENCE_END.search(c)
    ]
    request = " ".join(c for c, k in zip(clauses, kinds, strict=True) if k == "asks") if asking else question
    return Focus(
        unframed or question, " ".join(c for c in dropped), " ".join(told), asked, " ".join(background), request
    )


def _bare(clause: str) -> str:
    """What a clause asks once its request frames are gone ("" for "vous pourriez m'expliquer ?")."""
    return _key(_strip_frames(clause))


def _strip_courtesy_tail(text: str) -> str:
    """`text` without thanks tacked on with no punctuation ("what year did he join Cheers", "murati Many thanks
    for your help"): from the first word of a short courtesy ending to the end."""
    words = text.split()
    if text.rstrip().endswith("?"):
        return text  # "Who did Mark Chen thank?": a question mark closes the question, nothing trails it
    for start in range(max(1, len(words) - 8), len(words)):
        if not _key(words[start]).startswith(_TAIL_STARTS):
            continue
        tail = _key(" ".join(words[start:]))
        if len(tail.split()) <= 8 and _THANKS_TAIL.match(tail):
            return " ".join(words[:start])
    return text


def _strip_frames(text: str) -> str:
    """`text` without its request frames. The frames are found in the folded words, then those words are
    removed from the original text, whose accents and capitals the matcher still reads ("où", "GPT-4")."""
    if not _FRAMES.search(_key(text)):
        return text
    words = text.split()
    owner: list[int] = []  # for each folded token, the original word it comes from ("m'indiquer" makes two)
    for number, word in enumerate(words):
        owner.extend(number for _ in _key(word).split())
    folded = " ".join(_key(word) for word in words if _key(word))
    taken = [0] * len(words)  # for each word, how many of its folded tokens a frame took
    for found in _FRAMES.finditer(folded):
        first = folded[: found.start()].count(" ")
        for number in owner[first : first + len(found.group().split())]:
            taken[number] += 1
    if not any(taken):
        return text
    kept = []
    for number, word in enumerate(words):
        if not taken[number]:
            kept.append(word)
        elif taken[number] < owner.count(number) and (elided := _ELIDED.match(word)):
            kept.append(elided.group(1))  # "qu'OpenAI" after "j'ai l'impression": the frame took "qu'" only
    return " ".join(kept).strip(" ,;:")
