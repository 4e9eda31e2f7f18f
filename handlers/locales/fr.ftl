## Catalogue français. Chaque phrase que le bot adresse à l'utilisateur est ici et dans en.ftl.

language-en = anglais
language-fr = français

start-hello = Bonjour ! Je réponds aux questions sur Alec Radford, le « père du GPT », son départ d'OpenAI pour la recherche indépendante, et la vague de départs qui l'entoure.
start-next = Posez-moi vos questions en français ou en anglais, ou tapez /help pour voir ce que je sais faire.

help-title = Radford Bot — aide
help-what = Je sais ce que disent mes sources sur le départ d'Alec Radford d'OpenAI, ses travaux (GPT-1, GPT-2, CLIP, Whisper) et les personnes de l'histoire : Mira Murati, Bob McGrew, John Schulman, Ilya Sutskever, Mark Chen, Dario Amodei.
help-how = Posez simplement votre question, en français ou en anglais — les fautes de frappe ne me gênent pas. Chaque réponse cite la phrase dont elle vient ; quand mes sources ne disent rien, je le dis.
help-commands = Commandes
help-examples = Essayez par exemple

cmd-start = Pour commencer : ce que fait ce bot
cmd-help = Mode d'emploi, commandes et exemples
cmd-ask = Poser une question sur Radford et les départs d'OpenAI
cmd-timeline = L'histoire dans l'ordre (filtre : personne, année ou sujet)
cmd-who = Le portrait d'une personne de l'histoire
cmd-people = Toutes les personnes que le bot connaît
cmd-sources = Les articles et publications d'où viennent les réponses
cmd-source = La phrase entière d'où vient une réponse (la dernière par défaut) ou une entrée de la chronologie
cmd-lang = Choisir la langue des réponses : en, fr, ou auto pour suivre vos messages
cmd-about = Version et taille de la base de connaissances

param-ask-question = Votre question, en français ou en anglais
param-timeline-filter = Une personne, une année ou un sujet
param-who-person = Le nom de la personne
param-source-fact = Le numéro d'une entrée de la chronologie (rien : la dernière réponse)
param-lang-language = en ou fr (ou auto)

ask-usage = Écrivez votre question après la commande, par exemple : /ask Quand Alec Radford a-t-il rejoint OpenAI ?
ask-who-do-you-mean = De qui parlez-vous ? Nommez la personne, ou choisissez :
answer-source = Source : { $title } —
answer-foreign-source = (cité tel que le dit la source, en { $lang })
answer-also = Dans le même article :
answer-also-from = Et selon « { $title } » :
answer-cited = (Source : { $origin }.)

decline-no-cover = Mes sources ne couvrent pas cette question, je préfère ne pas deviner.
decline-empty = Posez-moi une question sur Alec Radford, OpenAI et les chercheurs de cette histoire.
decline-too-long = Ce message est trop long pour moi (plus de { $max } caractères). Pouvez-vous poser une question plus courte ?
decline-suggest = Vous pourriez demander :
rate-limited = Vous posez des questions plus vite que je ne peux suivre. Merci d’attendre { $seconds } s avant la prochaine.
rate-limited-chat = Cette discussion pose des questions plus vite que je ne peux suivre. Merci d’attendre { $seconds } s avant la prochaine.
admin-only = Désolé, seuls les administrateurs du bot peuvent utiliser cette commande.
read-only-refused = /{ $command } modifie des réglages : envoyez-la dans une discussion, pas depuis une requête en ligne ou un bouton.
chat-admin-only = Seuls les administrateurs de ce groupe peuvent utiliser /{ $command } ici.

smalltalk-hello = Bonjour ! Posez-moi une question sur le départ d'Alec Radford d'OpenAI, ou tapez /help.
smalltalk-thanks = Avec plaisir ! Autre chose sur Radford ou les départs d'OpenAI ?
smalltalk-ok = Parfait ! Posez-moi d'autres questions sur Radford ou les départs d'OpenAI.
smalltalk-bye = Au revoir ! Revenez quand vous voulez.
smalltalk-how = Très bien, merci ! Que voulez-vous savoir sur le départ d'Alec Radford d'OpenAI ?
smalltalk-who = Je suis un bot qui répond aux questions sur le départ d'Alec Radford d'OpenAI et les départs qui l'entourent, en citant mes sources. Tapez /help pour tout voir.

timeline-title = Chronologie
timeline-title-filtered = Chronologie : { $filter }
timeline-empty = La chronologie est vide.
timeline-nothing = Rien dans ma chronologie ne correspond à « { $filter } ». Je peux montrer les événements :
timeline-by-person = d'une personne :
timeline-by-year = d'une année :
timeline-by-topic = d'un sujet :
timeline-source-hint-before = Pour voir d'où vient une entrée, envoyez /source et son numéro, par exemple{" "}
timeline-source-hint-after = .
timeline-chart-band = Les départs de { $year }
timeline-chart-undated = date non précisée

who-usage = Qui dois-je présenter ? Donnez un nom, par exemple /who Mira Murati. Voici toutes les personnes que je connais :
who-unknown = Je ne connais personne nommé « { $name } » dans cette histoire. Voici les personnes que je connais :
who-related = Faits liés
people-title = Les personnes de l'histoire

sources-title = Sources
sources-facts = { $count ->
    [one] 1 fait
   *[other] { $count } faits
}
sources-hint = Chaque réponse nomme sa source et cite la phrase sur laquelle elle repose ; /source montre cette phrase entière, avec son lien.
source-unknown = Je n'ai ni entrée de chronologie ni réponse avec ce numéro : /timeline numérote ses { $count } entrées.
source-none = Il n'y a pas encore de réponse dans cette discussion dont je puisse donner la source. Posez-moi une question, puis /source montre la phrase source entière.
quote-open = « 
quote-close =  »

lang-current = Je réponds en { $lang }. Utilisez /lang en ou /lang fr pour choisir, /lang auto pour suivre la langue de vos messages.
lang-set = Désormais, je répondrai en { $lang }.
lang-reset = Je répondrai de nouveau dans la langue de vos messages.
lang-invalid = Je ne peux répondre qu'en anglais (en) ou en français (fr), pas en « { $choice } ».

about-text = Version { $version }. Je connais { $facts } faits tirés de { $sources } sources, sur { $people } personnes. Dernière mise à jour : { $updated }.

console-hint = (Tapez une question, un numéro pour choisir une suggestion, /help, ou /quit pour quitter.)
unknown-command = Je ne connais pas la commande /{ $command }. Tapez /help pour voir ce que je sais faire.
error-internal = Désolé, un problème est survenu de mon côté. Réessayez dans un instant.

cmd-subscribe = Recevoir les nouvelles de l'histoire : tout, une personne ou un mot-clé, aussitôt ou en résumé quotidien
cmd-unsubscribe = Ne plus recevoir les nouvelles d'un sujet (ou de tous)
cmd-subscriptions = Les nouvelles auxquelles cette discussion est abonnée
cmd-addarticle = Ajouter un article à la base de connaissances (administrateurs)
param-subscribe-topic = Une personne, un mot-clé, ou rien pour tout
param-subscribe-mode = immediate, ou digest pour un message par jour
param-subscribe-time = L'heure du résumé, HH:MM (UTC)
param-unsubscribe-topic = Le sujet à arrêter (rien pour tout arrêter)
param-addarticle-text = L'article : une ligne de titre, puis son texte

topic-everything = tout
subscribe-mode-immediate = dès qu'elles arrivent
subscribe-mode-digest = dans un résumé quotidien à { $time } UTC
subscribe-done = Abonnement enregistré : les nouvelles sur { $topic }, { $mode }.
subscribe-already = Cette discussion reçoit déjà les nouvelles sur { $topic }, { $mode }.
subscribe-hint = Quand un nouvel article apporte des faits sur ce sujet, je vous les envoie ici avec leur source. /unsubscribe pour arrêter.
subscribe-usage = Dites-moi quoi suivre : une personne (/subscribe Murati), un mot-clé (/subscribe Anthropic), ou rien pour tout. Ajoutez « digest 08:00 » pour un message par jour.
subscribe-bad-mode = « { $mode } » n'est pas un rythme que je propose. Choisissez immediate (dès qu'elles arrivent) ou digest HH:MM (un message par jour), par exemple : /subscribe Murati digest 08:00. Rien n'a été changé.
subscribe-bad-time = Je ne comprends pas cette heure. Utilisez HH:MM, par exemple : /subscribe digest 08:00
subscribe-topic-too-long = Ce sujet est trop long (plus de { $max } caractères). Un nom ou un mot-clé suffit.
subscribe-too-many = Cette discussion suit déjà { $max } sujets, le maximum. Faites d'abord /unsubscribe sur l'un d'eux.
subscriptions-title = Les nouvelles que suit cette discussion
subscriptions-none = Cette discussion n'est abonnée à rien. Essayez /subscribe pour toutes les nouvelles, ou /subscribe Murati.
subscriptions-paused = (en pause : les messages n'ont pas pu être remis)
subscriptions-hint = Pour en arrêter un :
subscriptions-button = Mes abonnements
unsubscribe-done = Désabonné des nouvelles sur { $topic }.
unsubscribe-all = { $count ->
    [one] Désabonné : cette discussion ne recevra plus de nouvelles.
   *[other] Désabonné des { $count } sujets : cette discussion ne recevra plus de nouvelles.
}
unsubscribe-none = Cette discussion n'était abonnée à rien.
unsubscribe-unknown = Cette discussion n'est pas abonnée à « { $topic } ».

update-title = Du nouveau sur { $topic }
update-title-all = Du nouveau dans l'histoire
update-digest-title = Votre résumé quotidien : { $topic }
update-digest-title-all = Votre résumé quotidien de l'histoire
update-source = Source :
update-more = { $count ->
    [one] … et 1 autre fait. Posez-moi la question !
   *[other] … et { $count } autres faits. Posez-moi la question !
}
update-footer = Vous recevez ce message parce que vous êtes abonné. /subscriptions pour le voir ou le changer.

article-not-admin = Désolé, seuls les administrateurs du bot peuvent ajouter des articles. Vous pouvez toujours me poser vos questions sur l'histoire !
article-usage = Envoyez l'article après la commande (une première ligne « title: … » est bienvenue), ou joignez-le en fichier .txt.
article-added = « { $title } » ajouté : { $added } nouveaux faits, { $repeated } déjà connus (avec une source de plus) ; { $chats } discussions seront prévenues.
article-empty = Je n'ai trouvé aucun texte dans cet article.
article-too-long = Cet article est trop long (plus de { $max } caractères).
article-bad-date = La date doit ressembler à 2024, 2024-12 ou 2024-12-19, pas à « { $value } ».
article-bad-lang = Les articles peuvent être en anglais (en) ou en français (fr), pas en « { $value } ».
article-bad-url = Le lien doit commencer par http:// ou https://, pas « { $value } ».
article-binary = Ce fichier n'est pas un article texte (il contient des données binaires ou des caractères de contrôle) : je n'ai rien changé.
article-not-utf8 = Ce fichier n'est pas du texte UTF-8 : je n'ai rien changé. Enregistrez-le en UTF-8 et renvoyez-le.
article-too-short = C'est trop court pour un article (moins de { $min } mots) : je n'ai rien changé.
article-already = « { $title } » fait déjà partie de mes sources ({ $facts } faits) : rien n'a changé.
article-not-ingested = « { $id } » n'est pas un article ajouté : seuls les articles ajoutés avec /addarticle ou `radford-bot ingest` peuvent être retirés.
article-remove-usage = Donnez l'identifiant de l'article à retirer, tel que /sources ou `radford-bot sources` l'affiche.
article-remove-unknown = Je n'ai pas de source « { $id } ».
article-removed = « { $title } » retiré, avec ses faits et les noms qu'il avait introduits.
cmd-removearticle = Retirer un article ajouté avec ses faits (administrateurs)
param-removearticle-id = L'identifiant de l'article (article-…)
subscribe-needs-chat = Un abonnement demande une conversation où je peux écrire plus tard : Telegram, Discord ou `radford-bot chat`.

## Les dates de la chronologie, à la précision que donne la source.
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-month = { $month } { $year }
date-day = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
lang-one-shot = `radford-bot ask` répond à chaque question dans la langue où elle est posée ; /lang sert dans les conversations.

## Les noms des arguments dans les lignes d'usage (`/who <personne>`).
arg-ask-question = question
arg-timeline-filter = filtre
arg-who-person = personne
arg-source-fact = numéro
arg-lang-language = langue
arg-subscribe-topic = sujet
arg-subscribe-mode = mode
arg-subscribe-time = HH:MM
arg-unsubscribe-topic = sujet
arg-addarticle-text = texte
help-lang = Je réponds dans la langue de vos messages ; /lang fr ou /lang en en fixe une, /lang auto revient à la langue de vos messages.

## Les libellés courts de l'image de la chronologie, un par événement (identifiant du fait).
event-radford-joins-openai = Alec Radford rejoint OpenAI
event-gpt1-paper-2018 = Article GPT-1, Radford premier auteur
event-radford-generative-pretraining-2018 = Radford propose le pré-entraînement génératif
event-gpt2-paper-2019 = Article GPT-2, Radford premier auteur
event-clip-paper-2021 = Article CLIP, Radford premier auteur
event-whisper-paper-2022 = Article Whisper, Radford premier auteur
event-schulman-joins-anthropic-2024 = John Schulman part chez Anthropic
event-murati-mcgrew-zoph-depart-2024 = Mira Murati, Bob McGrew, Barret Zoph partent
event-earlier-departures = Murati, McGrew, Schulman démissionnent
event-sutskever-neurips-2024-talk = Ilya Sutskever salue Radford à NeurIPS
event-radford-leaves-openai = Alec Radford quitte OpenAI
event-radford-departure-reported-2024 = Le départ d'Alec Radford révélé
