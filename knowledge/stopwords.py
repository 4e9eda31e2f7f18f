"""Words that carry no topic in either language (after `normalize.canonical`).

Question words are here too: what a question *asks for* is read separately (`intent.py`) before these
are dropped, so "when did he join" and "he joined" meet on `join` alone.
"""

from __future__ import annotations

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above across actually again against all almost also although am among an and another any anyone
    anything are around as ask asked at away back be became because become been being below between both but by
    can cannot could dear did do does doing done down during each either enough even ever every exactly explain
    few for from further get gets getting give given go goes going got had has have having he hello her here hers
    herself hey hi him himself his how however i if in indeed into is isn it its itself just kind know let like
    ll lot many may me might mine more most much must my myself need never no nor not of off often ok okay on
    once one only or our ours ourselves out over own per perhaps please quite rather re really regarding right s
    same say see seem seems shall she should since so some somebody someone something sort such sure t tell
    than that the their theirs them themselves then there these they thing things this those though through thus
    to too toward towards under until up upon us use used ve very want was way we well were what whatever when
    where whether which while who whom whose why will with within without would yes yet you your yours yourself
    d m ll know happened happen happens anyway info information details detail year years date dates month months
    day days time exactly express expressed behalf specifically basically mention mentioned according
    finally eventually precisely concretely apparently essentially literally honestly seriously ultimately simply
    clearly gonna wanna gotta
    au aux combien avaient avais avait avec avez avoir ayant bah bien bon c ca car ce ceci cela celle celles celui
    ces cet cette ceux chaque chose comme comment concernant dans de des dire dis dit dites donc dont du elle elles en
    encore es est et etaient etais etait ete etes etre eu eux faire fais fait faut il ils j je juste l la le les
    leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par parce pas peu peut peux
    pour pourquoi quand que quel quelle quelles quels qui quoi s sa sans se ses si sien soit son sont sur t ta te
    tes toi ton tous tout toute toutes tu un une vers voici voila vos votre vous y sais savoir connais
    concretement finalement precisement apparemment essentiellement simplement franchement serieusement justement
    raconte racontez parle parlez explique expliquez svp stp merci salut bonjour question renseignement
    quelqu chez ci la-bas apres-tout sujet propos infos annee annees mois jour jours exactement an ans
    koi kwa ke kel kelle esk selon va vont vais allons allez aller play plays played playing jouer joue jouent
    jouera joueront vraiment reellement really truly actually saw seen heard vu entendu city ville town
    seront sera serait seraient serons serez serai etre ete etaient sommes fut furent
    utilise utiliser utilisent utilisee utilises utilisees utilisant utilisait
    lors aupres ainsi alors cependant toutefois tres puis afin plutot notamment egalement enfin quelque quelques
    certains certaines memes tel telle tels telles plusieurs via pendant durant contre
    voulait voulaient veut veulent vouloir voulu doit doivent devait devaient devra
    wen whn wehn qand quan kand kan wat wut wich whta waht quoa koa
    lol lmao mdr ptdr haha hahaha hehe xd omg btw tbh imo pls plz ngl jsp
    """.split()
)
