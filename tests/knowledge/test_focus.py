"""Finding the question inside a message: courtesy, scene-setting, request frames and noise go."""

from __future__ import annotations

import pytest

from knowledge.focus import clean, focus


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Hi! Sorry to bother you, I'm writing a school report on OpenAI: could you tell me in which year "
            "Radford started working there? Thanks a lot",
            "in which year Radford started working there?",
        ),
        (
            "Bonjour, je prépare un exposé, pourriez-vous m'indiquer qui dirigeait la technologie chez OpenAI ? "
            "Merci d'avance",
            "qui dirigeait la technologie chez OpenAI ?",
        ),
        ("Could you please tell me when Radford joined OpenAI? Thanks!", "when Radford joined OpenAI?"),
        # Asking whether the bot is able to answer is a request frame too
        (
            "Good evening, I hold a few Corrindale shares. Would you be able to tell me what price the stock fell to?",
            "what price the stock fell to?",
        ),
        ("Is it possible to tell me who runs OpenAI?", "who runs OpenAI?"),
        # A frame alone at the end asks for what the clause before it says; hearsay leads go
        ("Radford a rejoint OpenAI en quelle année, tu peux me dire ?", "Radford a rejoint OpenAI en quelle année, ?"),
        ("J'ai cru entendre parler d'un plan social, c'est vrai ?", "un plan social, c'est vrai ?"),
        (
            "Je lisais l'article et je n'ai pas bien compris ce que la spécialiste voulait dire, "
            "vous pourriez m'expliquer ?",
            "ce que la spécialiste voulait dire, ?",
        ),
        ("Seriez-vous en mesure de me dire quand Radford est parti ?", "quand Radford est parti ?"),
        ("Sauriez-vous me dire quel poste Mark Chen occupe chez OpenAI ?", "quel poste Mark Chen occupe chez OpenAI ?"),
        (
            "Curious what the patients' association is demanding now.",
            "what the patients' association is demanding now.",
        ),
        ("Hey, just curious, how many staff does Nordhavn have?", "how many staff does Nordhavn have?"),
        ("wait who's bob mcgrew again", "who's bob mcgrew again"),
        ("Not sure when the fans will make up their minds.", "when the fans will make up their minds."),
        ("Je ne sais pas trop qui dirige la chambre d'agriculture.", "qui dirige la chambre d'agriculture."),
        ("Quelle part du prix sera réglée en cash ?", "Quelle proportion du prix sera réglée en cash ?"),
        ("what share of its harvest did it lose?", "what proportion of its harvest did it lose?"),
        ("I'd be curious to know how much wine the co-op sells.", "how much wine the co-op sells."),
        (
            "Je cherche le titre du papier GPT-1, pourriez-vous me l'indiquer ?",
            "Je cherche le titre du papier GPT-1, ?",
        ),
        ("J'aimerais savoir où est basée la société.", "où est basée la société."),
        ("I was wondering what Mark Chen said", "what Mark Chen said"),
        ("dis-moi qui a fondé Anthropic stp", "qui a fondé Anthropic"),
        # Hearsay leads and imperative requests are frames; a frame that takes an elision keeps its word
        ("I keep hearing Anthropic is hiring. Is that so?", "Anthropic is hiring. Is that so?"),
        ("J'ai l'impression qu'Anthropic recrute beaucoup, non ?", "Anthropic recrute beaucoup, non ?"),
        ("Il me semble qu'OpenAI a changé de patron ?", "OpenAI a changé de patron ?"),
        ("Hi there, quick question about the Pellucid article: who led Orrin's round?", "who led Orrin's round?"),
        ("I read that Anthropic is hiring, is that so?", "Anthropic is hiring, is that so?"),
        # A dash closes a clause like a colon, typed as one or as a spaced hyphen
        ("Sorry if this is basic, I'm new to all this — what was Murati's job?", "what was Murati's job?"),
        ("Sorry to bother you - who founded Anthropic?", "who founded Anthropic?"),
        ("J'ai lu qu'OpenAI avait changé de patron, c'est vrai ?", "OpenAI avait changé de patron, c'est vrai ?"),
        ("List the models OpenAI released in 2023", "the models OpenAI released in 2023"),
        ("Donnez-moi la liste des fondateurs d'Anthropic", "la liste des fondateurs d'Anthropic"),
        ("Présente-moi Dario Amodei", "Dario Amodei"),
        # What the answer is for sets the scene; adverbs inside a request frame are part of it
        ("For my thesis on AI labs, who runs Anthropic?", "who runs Anthropic?"),
        ("Pour un devoir d'histoire, quand OpenAI a-t-elle été fondée ?", "quand OpenAI a-t-elle été fondée ?"),
        # …and so does what the asker is writing it into
        (
            "Pour compléter ma fiche sur Radford, à quel système de reconnaissance vocale a-t-il contribué ?",
            "à quel système de reconnaissance vocale a-t-il contribué ?",
        ),
        ("To finish my notes on OpenAI, who was the CTO?", "who was the CTO?"),
        ("Pour ma bibliographie de master, qui a co-signé le papier ?", "qui a co-signé le papier ?"),
        ("Pour quelle raison Radford est-il parti ?", "Pour quelle raison Radford est-il parti ?"),
        ("Could you quickly tell me who Dario Amodei is?", "who Dario Amodei is?"),
        # A request joined to the scene by "and" starts the question; "if you know", "dernière question" ask nothing
        (
            "I'm putting together a newsletter on AI and I'd love to know where Anthropic is based, if you know?",
            "where Anthropic is based",
        ),
        (
            "Je m'intéresse aux drones et j'aimerais savoir combien de salariés compte la société. Merci d'avance.",
            "combien de salariés compte la société.",
        ),
        ("Je rédige une note et j'aurais besoin de la date du départ de Radford", "la date du départ de Radford"),
        ("Merci ! Dernière question : qui a fondé Anthropic ?", "qui a fondé Anthropic ?"),
        ("One more question: who founded Anthropic?", "who founded Anthropic?"),
        ("Excusez la question naïve, mais qui dirige OpenAI ?", "mais qui dirige OpenAI ?"),
        # Where one heard of it, about "this", says nothing the question is about
        ("I read about this on my phone - why did Murati leave?", "why did Murati leave?"),
    ],
)
def test_the_question_proper_is_kept(message: str, question: str) -> None:
    assert focus(message).question == question


@pytest.mark.parametrize(
    "message",
    [
        "Who, besides Radford, left OpenAI?",
        "Qui est Mira Murati ?",
        "Radford",
        "GPT-2 ?",
        "what did he say",
        "Name?",  # a request verb alone requests nothing
        "Cité par qui ?",  # "cité" is no imperative
        "For which project did Radford leave?",  # asks: no scene to drop
    ],
)
def test_plain_questions_are_untouched(message: str) -> None:
    assert focus(message).question == message


def test_names_of_the_dropped_scene_are_context() -> None:
    found = focus("I am reading about Mira Murati: what was her job?")
    assert found.question == "what was her job?"
    assert "Mira Murati" in found.context


def test_a_message_of_courtesy_only_is_left_as_it_is() -> None:
    assert focus("Merci beaucoup !").question == "Merci beaucoup !"


@pytest.mark.parametrize(
    "noisy",
    [
        "@everyone who is Mira Murati?",
        "<@123456789012345678> who is Mira Murati?",
        "https://example.com/a?b=c who is Mira Murati???",
        "who is Mira Murati?? 😀👍🏽",
        "**who** is _Mira Murati_?",
        "who is Mira Murati ?!?!",
    ],
)
def test_noise_does_not_matter(noisy: str) -> None:
    assert clean(noisy).replace(" ?", "?").replace("?!", "?") in {"who is Mira Murati?", "who is Mira Murati!"}


@pytest.mark.parametrize(
    "question",
    [
        "Which minister was not sure whether to back the deal?",
        "Why was the regulator curious about how the funds were spent?",
        "Wait times at the hospital: how long are they?",
        "Curious George was written by whom?",
        "What part of the deal did regulators reject?",
    ],
)
def test_words_that_only_look_like_frames_stay(question: str) -> None:
    assert focus(question).question == question


def test_french_request_frames_take_their_object_pronoun() -> None:
    assert focus("Pouvez-vous me le dire : qui a fondé Anthropic ?").question == "qui a fondé Anthropic ?"
    assert focus("Qui a fondé Anthropic, vous pourriez me l'indiquer ?").question == "Qui a fondé Anthropic, ?"


def test_a_hashtag_is_read_as_the_words_it_runs_together() -> None:
    assert clean("!!! Combien d'enfants ont été hospitalisés ??? #PortEllery") == (
        "! Combien d'enfants ont été hospitalisés ? Port Ellery"
    )
    assert clean("how many authors signed?? #QuaiVert #grève") == "how many authors signed? Quai Vert grève"
    assert clean("#OpenAI #GPT4 news") == "OpenAI GPT4 news"  # not a run of capitalised words: kept whole
    assert clean("#McGrew #ÉcoleVerte") == "McGrew École Verte"  # "Mc" begins a name; accented capitals count


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("how many ppl work there rn?", "how many people work there right now?"),
        ("c koi le pb ?", "c quoi le problème ?"),
        ("he left b4 or after", "he left before or after"),
        ("il est ché Thornbury depuis cmbien de tps ?", "il est chez Thornbury depuis combien de temps ?"),
        ("PPL Corp, ki est-ce ?", "PPL Corp, qui est-ce ?"),  # a capitalised shorthand may be a name
        ("l'appli ki-ki", "l'appli ki-ki"),  # inside a hyphenated word
        # Sums as finance news and chat abbreviate them
        ("Who bought the $800M of OpenAI shares?", "Who bought the $800 million of OpenAI shares?"),
        ("a £1.2bn deal and 30k jobs", "a £1.2 billion deal and 30 thousand jobs"),
        ("a 5m wall", "a 5m wall"),  # metres, not money
        ("4K screens for 800M€", "4K screens for 800 million €"),  # a resolution, not four thousand
        # "S'est tiré" is chat French for leaving
        ("bob mcgrew il s'est tiré quand ?", "bob mcgrew il est parti quand ?"),
        ("elle s’est tirée chez qui ?", "elle est partie chez qui ?"),
        ("ils s'étaient tirés avant lui ?", "ils étaient partis avant lui ?"),
        ("le chiffre est tiré de quelle étude ?", "le chiffre est tiré de quelle étude ?"),  # not reflexive: drawn
        ("il s'est tiré une balle dans le pied ?", "il s'est tiré une balle dans le pied ?"),  # an idiom
    ],
)
def test_chat_shorthand_is_spelled_out(typed: str, spelled: str) -> None:
    assert clean(typed) == spelled


def test_accents_and_capitals_survive_for_the_matcher() -> None:
    # "où" tells a where-question; a capitalised unknown word is an unknown name.
    assert focus("Pouvez-vous me dire où travaille Murati ?").question == "où travaille Murati ?"
    assert focus("Can you tell me about GPT-4?").question == "about GPT-4?"


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Good evening! I'm trying to keep track of who went where. Could you please remind me which company "
            "John Schulman joined? Much appreciated.",
            "which company John Schulman joined?",
        ),
        ("Sorry if this is a dumb question, but was Schulman a co-founder?", "but was Schulman a co-founder?"),
        ("Petite question pour un podcast : qui a fondé Anthropic ?", "qui a fondé Anthropic ?"),
        ("I was wondering who founded Anthropic.", "who founded Anthropic."),
        ("I think Radford left, when was that?", "I think Radford left, when was that?"),
    ],
)
def test_scene_setting_with_question_words_still_goes(message: str, question: str) -> None:
    assert focus(message).question == question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("what year did radfrod start at openia Cheers", "what year did radfrod start at openia"),
        ("Would you mind telling me murati Many thanks for your help!", "murati"),
        ("Savez-vous citation mark chen Merci pour votre aide !", "citation mark chen"),
        ("Who did Mark Chen thank?", "Who did Mark Chen thank?"),
        ("Who thanked Radford thank you", "Who thanked Radford"),
    ],
)
def test_thanks_tacked_on_without_punctuation_go(message: str, question: str) -> None:
    assert focus(message).question == question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Que signifie le sigle BAI mentionné dans l'article ?", "Que signifie le sigle BAI ?"),
        ("Quick question, in the article: who led the Series B?", "who led the Series B?"),
        ("Selon l'article, qui a quitté OpenAI ?", "qui a quitté OpenAI ?"),
        ("According to the story, when did Murati leave?", "when did Murati leave?"),
    ],
)
def test_the_news_the_bot_read_is_not_what_is_asked(message: str, question: str) -> None:
    """ "The article" is where the question comes from, not a research paper the answer must be about."""
    assert focus(message).question == question


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Hi there, could you list the projects the article credits to Radford?", "the projects to Radford?"),
        ("What does the article say about his role on GPT-2?", "What about his role on GPT-2?"),
        ("how does the piece describe his way of working?", "how his way of working?"),
        ("Que dit l'article sur sa contribution à GPT-1 ?", "sur sa contribution à GPT-1 ?"),
        (
            "quelle conclusion l'article tire-t-il sur l'avenir de Radford ?",
            "quelle conclusion sur l'avenir de Radford ?",
        ),
        ("Est-ce que l'article mentionne d'autres cadres partis ?", "Est-ce que d'autres cadres partis ?"),
    ],
)
def test_the_news_saying_something_is_not_what_is_asked(message: str, question: str) -> None:
    """ "What does the article say about…" asks about what follows: left in, "say" or "credit" would be a relation the
    answer must state, and "article" a research paper."""
    assert focus(message).question == question


def test_a_paper_that_says_something_is_still_a_paper() -> None:
    question = "What does the GPT-2 paper say about zero-shot learning?"
    assert focus(question).question == question


def test_a_question_about_a_paper_keeps_it() -> None:
    assert focus("Who wrote the GPT-2 paper?").question == "Who wrote the GPT-2 paper?"
    assert focus("Quel article scientifique a lancé GPT ?").question == "Quel article scientifique a lancé GPT ?"
    # The paper the news is about is not the news: "l'article sur GPT-1" stays
    question = "Quel est le titre de l'article sur GPT-1 ?"
    assert focus(question).question == question
    assert focus("Dans l'article sur GPT-1, qui est premier auteur ?").question.startswith("Dans l'article sur GPT-1")


def test_statements_kept_before_a_question_are_told_apart_from_what_it_asks() -> None:
    found = focus(
        "I read that the founder is stepping back from running the company. What reason did Delvaux give for it?"
    )
    assert found.told == "I read that the founder is stepping back from running the company."
    assert found.asked == "What reason did Delvaux give for it?"
    assert "founder" in found.question  # its words still count for the match


def test_sentences_of_background_before_the_question_are_set_apart() -> None:
    found = focus(
        "I saw a screenshot of an OpenAI exec reacting to Radford leaving but it was cropped. "
        "What did their research head actually say about him?"
    )
    assert (
        found.background == "I saw a screenshot of an OpenAI executive reacting to Radford leaving but it was cropped."
    )
    # A topic put first with a comma is what the question is about, not background
    assert focus("Le terrain cédé par la commune, il va servir à quoi au juste ?").background == ""
    # A statement after the question is no background to it
    assert focus("how much is Alti putting in? investment over 5 yrs").background == ""


def test_a_message_that_only_asks_tells_nothing() -> None:
    found = focus("Hi! Could you tell me when Radford joined OpenAI? Thanks")
    assert (found.told, found.asked) == ("", "")


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Could you check when he actually joined the company?", "when he actually joined the company?"),
        ("Can you look up when he joined?", "when he joined?"),
        ("pouvez-vous vérifier en quelle année il a rejoint OpenAI ?", "en quelle année il a rejoint OpenAI ?"),
    ],
)
def test_asking_the_bot_to_check_is_asking(message: str, question: str) -> None:
    assert focus(message).question == question


def test_what_leads_up_to_a_colon_before_a_question_is_background() -> None:
    found = focus(
        "Je fais une frise de la carrière de Radford et il me manque le point de départ : "
        "en quelle année a-t-il intégré OpenAI ?"
    )
    assert found.background == "il me manque le point de départ :"
    assert found.asked == "en quelle année a-t-il intégré OpenAI ?"


@pytest.mark.parametrize(
    "clause",
    [
        "he thinks Radford was there from the very first day.",
        "my friend says he left in 2023.",
        "Mon collègue soutient que Radford est parti en 2023.",
    ],
)
def test_what_someone_else_holds_is_told_not_asked(clause: str) -> None:
    found = focus(f"{clause} When did he join OpenAI?")
    assert found.told == clause and found.asked == "When did he join OpenAI?"


def test_a_question_before_a_colon_is_still_asked() -> None:
    assert focus("Who replaced Murati as CTO: was it Chen?").told == ""
