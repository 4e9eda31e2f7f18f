## English catalogue. Every user-facing sentence of the bot lives here and in fr.ftl.

language-en = English
language-fr = French

start-hello = Hi! I answer questions about Alec Radford, the "father of GPT", leaving OpenAI for independent research, and the wave of departures around it.
start-next = Ask me anything in English or French, or type /help to see what I can do.

help-title = Radford Bot — help
help-what = I know what my sources say about Alec Radford leaving OpenAI, his work (GPT-1, GPT-2, CLIP, Whisper), and the people around the story: Mira Murati, Bob McGrew, John Schulman, Ilya Sutskever, Mark Chen, Dario Amodei.
help-how = Just ask a question, in English or French — typos are fine. Each answer cites the sentence it comes from; when my sources don't cover something, I say so.
help-commands = Commands
help-examples = Try asking

cmd-start = Start here: what this bot does
cmd-help = How to use the bot, commands and examples
cmd-ask = Ask a question about Radford and the OpenAI departures
cmd-timeline = The story in order (filter by person, year or topic)
cmd-who = A short profile of someone in the story
cmd-people = Everyone the bot knows about
cmd-sources = The articles and papers the answers come from
cmd-source = The whole source sentence of an answer (the last one by default) or of a timeline entry
cmd-lang = Choose the reply language: en, fr, or auto to follow your messages
cmd-about = Version and size of the knowledge base

param-ask-question = Your question, in English or French
param-timeline-filter = A person, a year or a topic
param-who-person = The person's name
param-source-fact = A timeline entry number (nothing: the last answer)
param-lang-language = en or fr (or auto)

ask-usage = Put your question after the command, for example: /ask When did Alec Radford join OpenAI?
ask-who-do-you-mean = Whom do you mean? Name the person, or pick one:
answer-source = Source: { $title } —
answer-foreign-source = (quoted as the source says it, in { $lang })
answer-also = In the same article:
answer-also-from = Also, from “{ $title }”:
answer-cited = (Reported by { $origin }.)

decline-no-cover = My sources don't cover that, so I'd rather not guess.
decline-empty = Ask me a question about Alec Radford, OpenAI and the researchers around the story.
decline-too-long = That message is too long for me (more than { $max } characters). Could you ask a shorter question?
decline-suggest = You could ask:
rate-limited = You're asking faster than I can keep up. Please wait { $seconds } s before your next question.
rate-limited-chat = This chat is asking faster than I can keep up. Please wait { $seconds } s before the next question.
admin-only = Sorry, only the bot's administrators can use that command.
read-only-refused = /{ $command } changes settings, so it only works when you send it in a chat, not from an inline query or a button.
chat-admin-only = Only this group's administrators can use /{ $command } here.

smalltalk-hello = Hello! Ask me about Alec Radford leaving OpenAI, or type /help.
smalltalk-thanks = You're welcome! Anything else about Radford or the OpenAI departures?
smalltalk-ok = Great! Ask me anything else about Radford or the OpenAI departures.
smalltalk-bye = Goodbye! Come back any time.
smalltalk-how = I'm doing well, thanks! What would you like to know about Alec Radford's departure from OpenAI?
smalltalk-who = I'm a bot that answers questions about Alec Radford leaving OpenAI and the departures around it, citing my sources. Type /help to see everything I can do.

timeline-title = Timeline
timeline-title-filtered = Timeline: { $filter }
timeline-empty = The timeline is empty.
timeline-nothing = Nothing in my timeline matches “{ $filter }”. I can show the events of:
timeline-by-person = a person:
timeline-by-year = a year:
timeline-by-topic = a topic:
timeline-source-hint-before = To see where an entry comes from, send /source and its number, for example{" "}
timeline-source-hint-after = .
timeline-chart-band = The { $year } departures
timeline-chart-undated = date not given

who-usage = Whom should I describe? Name someone, for example /who Mira Murati. Here is everyone I know:
who-unknown = I don't know anyone called “{ $name }” in this story. Here are the people I know:
who-related = Related facts
people-title = People in the story

sources-title = Sources
sources-facts = { $count ->
    [one] 1 fact
   *[other] { $count } facts
}
sources-hint = Every answer names its source and quotes the sentence it rests on; /source shows that sentence whole, with its link.
source-unknown = I have no timeline entry or answer with that number: /timeline numbers its { $count } entries.
source-none = There is no answer in this chat yet to give the source of. Ask me a question, then /source shows its whole source sentence.
quote-open = “
quote-close = ”

lang-current = I'm answering in { $lang }. Use /lang en or /lang fr to choose, /lang auto to follow your messages.
lang-set = From now on I'll answer in { $lang }.
lang-reset = I'll answer in the language of your messages again.
lang-invalid = I can only answer in English (en) or French (fr), not “{ $choice }”.

about-text = Version { $version }. I know { $facts } facts from { $sources } sources about { $people } people. Last update: { $updated }.

console-hint = (Type a question, a number to pick a suggestion, /help, or /quit to leave.)
unknown-command = I don't know the command /{ $command }. Type /help to see what I can do.
error-internal = Sorry, something went wrong on my side. Please try again in a moment.

cmd-subscribe = Get news about the story: everything, a person or a keyword, now or as a daily digest
cmd-unsubscribe = Stop news about a topic (or about everything)
cmd-subscriptions = The news this chat is subscribed to
cmd-addarticle = Add an article to the knowledge base (administrators)
param-subscribe-topic = A person, a keyword, or nothing for everything
param-subscribe-mode = immediate, or digest for one message a day
param-subscribe-time = The digest's time of day, HH:MM (UTC)
param-unsubscribe-topic = The topic to stop (nothing stops them all)
param-addarticle-text = The article: a title line, then its text

topic-everything = everything
subscribe-mode-immediate = as soon as it arrives
subscribe-mode-digest = in a daily digest at { $time } UTC
subscribe-done = Subscribed: news about { $topic }, { $mode }.
subscribe-already = This chat already gets news about { $topic }, { $mode }.
subscribe-hint = When a new article adds facts about it, I'll send them here with their source. /unsubscribe stops it.
subscribe-usage = Tell me what to follow: a person (/subscribe Murati), a keyword (/subscribe Anthropic), or nothing for everything. Add “digest 08:00” for one message a day.
subscribe-bad-mode = “{ $mode }” is not a way I send news. Choose immediate (as soon as it arrives) or digest HH:MM (one message a day), for example: /subscribe Murati digest 08:00. Nothing was changed.
subscribe-bad-time = That isn't a time of day I understand. Use HH:MM, for example: /subscribe digest 08:00
subscribe-topic-too-long = That topic is too long (more than { $max } characters). A name or a keyword is enough.
subscribe-too-many = This chat already follows { $max } topics, the most I keep. /unsubscribe one first.
subscriptions-title = News this chat follows
subscriptions-none = This chat isn't subscribed to anything. Try /subscribe for all the news, or /subscribe Murati.
subscriptions-paused = (paused: messages could not be delivered)
subscriptions-hint = To stop one:
subscriptions-button = My subscriptions
unsubscribe-done = Unsubscribed from news about { $topic }.
unsubscribe-all = { $count ->
    [one] Unsubscribed: this chat will get no more news.
   *[other] Unsubscribed from all { $count } topics: this chat will get no more news.
}
unsubscribe-none = This chat wasn't subscribed to anything.
unsubscribe-unknown = This chat isn't subscribed to “{ $topic }”.

update-title = New about { $topic }
update-title-all = News about the story
update-digest-title = Your daily digest: { $topic }
update-digest-title-all = Your daily digest of the story
update-source = Source:
update-more = { $count ->
    [one] …and 1 more fact. Ask me about it!
   *[other] …and { $count } more facts. Ask me about them!
}
update-footer = You get this because you subscribed. /subscriptions to see or change it.

article-not-admin = Sorry, only the bot's administrators can add articles. You can still ask me anything about the story!
article-usage = Send the article after the command (a first line “title: …” is welcome), or attach it as a .txt file.
article-added = Added “{ $title }”: { $added } new facts, { $repeated } already known (now with one more source); { $chats } chats will be told.
article-empty = That article has no text I could read.
article-too-long = That article is too long (more than { $max } characters).
article-bad-date = The date must look like 2024, 2024-12 or 2024-12-19, not “{ $value }”.
article-bad-lang = Articles can be in English (en) or French (fr), not “{ $value }”.
article-bad-url = The link must start with http:// or https://, not “{ $value }”.
article-binary = That file is not a text article (it holds binary data or control characters), so I left everything as it was.
article-not-utf8 = That file is not UTF-8 text, so I left everything as it was. Save it as UTF-8 and send it again.
article-too-short = That is too short to be an article (fewer than { $min } words), so I left everything as it was.
article-already = “{ $title }” is already in my sources ({ $facts } facts): nothing changed.
article-not-ingested = “{ $id }” is not an added article: only articles added with /addarticle or `radford-bot ingest` can be removed.
article-remove-usage = Give the id of the article to remove, as /sources or `radford-bot sources` lists it.
article-remove-unknown = I have no source “{ $id }”.
article-removed = Removed “{ $title }” with its facts and the names it introduced.
cmd-removearticle = Remove an added article with its facts (administrators)
param-removearticle-id = The article's id (article-…)
subscribe-needs-chat = Subscriptions need a chat I can write to later: Telegram, Discord or `radford-bot chat`.

## Dates on the timeline, at the precision the source gives.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-month = { $month } { $year }
date-day = { NUMBER($day, useGrouping: 0) } { $month } { $year }
lang-one-shot = `radford-bot ask` answers each question in the language it is asked in; /lang is for chats.

## Argument placeholders in usage lines (`/who <person>`).
arg-ask-question = question
arg-timeline-filter = filter
arg-who-person = person
arg-source-fact = number
arg-lang-language = language
arg-subscribe-topic = topic
arg-subscribe-mode = mode
arg-subscribe-time = HH:MM
arg-unsubscribe-topic = topic
arg-addarticle-text = text
help-lang = Replies follow the language of your messages; /lang fr or /lang en keeps one, /lang auto follows your messages again.

## Short labels of the timeline picture, one per curated event (fact id).
event-radford-joins-openai = Alec Radford joins OpenAI
event-gpt1-paper-2018 = GPT-1 paper, Radford first author
event-radford-generative-pretraining-2018 = Radford proposes generative pre-training
event-gpt2-paper-2019 = GPT-2 paper, Radford first author
event-clip-paper-2021 = CLIP paper, Radford first author
event-whisper-paper-2022 = Whisper paper, Radford first author
event-schulman-joins-anthropic-2024 = John Schulman leaves for Anthropic
event-murati-mcgrew-zoph-depart-2024 = Mira Murati, Bob McGrew, Barret Zoph leave
event-earlier-departures = Murati, McGrew, Schulman resign
event-sutskever-neurips-2024-talk = Ilya Sutskever credits Radford at NeurIPS
event-radford-leaves-openai = Alec Radford leaves OpenAI
event-radford-departure-reported-2024 = Alec Radford's departure reported
