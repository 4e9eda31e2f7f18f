"""The shipped knowledge files follow their schema, and a broken copy fails with a message naming the culprit."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from knowledge.loader import DATA_DIR, Bundle, KnowledgeFileError, load_bundle
from knowledge.models import LANGS

SEED = "seed-radford-fr"


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle()


def test_the_seed_source_is_the_article_kept_verbatim(bundle: Bundle) -> None:
    seed = next(s for s in bundle.sources if s.id == SEED)
    assert seed.lang == "fr"
    assert seed.title
    assert seed.text is not None
    assert "Alec Radford" in seed.text


def test_every_curated_fact_of_the_seed_rests_on_a_verbatim_sentence(bundle: Bundle) -> None:
    seed_text = next(s.text for s in bundle.sources if s.id == SEED)
    assert seed_text
    seed_facts = [f for f in bundle.facts if f.source == SEED]
    assert len(seed_facts) >= 20
    missing = [f.id for f in seed_facts if not f.sentence or f.sentence not in seed_text]
    assert missing == []


def test_every_fact_speaks_both_languages(bundle: Bundle) -> None:
    for fact in bundle.facts:
        assert fact.text.en.strip() and fact.text.fr.strip(), fact.id
        assert fact.text.en != fact.text.fr, fact.id


def test_every_fact_has_at_least_four_sample_questions_per_language(bundle: Bundle) -> None:
    few = {f.id: (len(f.questions_en), len(f.questions_fr)) for f in bundle.facts}
    assert {fid: counts for fid, counts in few.items() if min(counts) < 4} == {}


def test_sample_questions_are_distinct_within_a_fact(bundle: Bundle) -> None:
    for fact in bundle.facts:
        for lang in LANGS:
            questions = fact.questions(lang)
            assert len(set(questions)) == len(questions), (fact.id, lang)


def test_ids_are_unique(bundle: Bundle) -> None:
    for items in (bundle.facts, bundle.sources, bundle.entities):
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids))


def test_dated_facts_have_valid_dates(bundle: Bundle) -> None:
    lengths = {"year": 4, "month": 7, "day": 10}
    for fact in bundle.facts:
        if fact.date:
            assert len(fact.date.value) == lengths[fact.date.precision], fact.id


def test_every_person_has_exactly_one_profile(bundle: Bundle) -> None:
    for entity in bundle.entities:
        if entity.kind == "person":
            profiles = [f for f in bundle.facts if f.kind == "profile" and f.subject == entity.id]
            assert len(profiles) == 1, entity.id


def test_the_digest_is_stable_and_follows_the_files(tmp_path: Path, bundle: Bundle) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    assert load_bundle(data).digest == bundle.digest
    lexicon = data / "lexicon.json"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_bundle(data).digest != bundle.digest


# --- broken copies ---------------------------------------------------------------------------------------------


def broken_copy(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / name
    content = json.loads(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return data


def fact(content: dict[str, Any], fact_id: str) -> dict[str, Any]:
    return next(f for f in content["facts"] if f["id"] == fact_id)


FACT = "radford-joins-openai"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: fact(c, FACT)["text"].pop("fr"), "'en' and 'fr'"),
        (lambda c: fact(c, FACT)["text"].update(en=""), "'en' and 'fr'"),
        (lambda c: fact(c, FACT).pop("text"), "'en' and 'fr'"),
        (lambda c: fact(c, FACT).pop("sentence"), "sentence"),
        (lambda c: fact(c, FACT).pop("source"), "source"),
        (lambda c: fact(c, FACT).update(date={"value": "2016"}), "precision"),
        (lambda c: fact(c, FACT).update(when={"en": "before"}), "'en' and 'fr'"),
        (lambda c: fact(c, FACT).update(source="no-such-source"), "no-such-source"),
        (lambda c: fact(c, FACT).update(entities=["radford", "nobody"]), "nobody"),
        (lambda c: fact(c, FACT).update(subject="nobody"), "nobody"),
    ],
)
def test_a_broken_fact_names_itself(tmp_path: Path, edit: Callable[[dict[str, Any]], None], expected: str) -> None:
    data = broken_copy(tmp_path, "facts.json", edit)
    with pytest.raises(KnowledgeFileError) as error:
        load_bundle(data)
    assert FACT in str(error.value)
    assert expected in str(error.value)


def test_a_duplicated_fact_id_is_an_error(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "facts.json", lambda c: c["facts"].append(dict(fact(c, FACT))))
    with pytest.raises(KnowledgeFileError, match=f"{FACT}.*twice"):
        load_bundle(data)


def test_a_source_in_an_unknown_language_is_an_error(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "sources.json", lambda c: c["sources"][0].update(lang="de"))
    with pytest.raises(KnowledgeFileError, match=f"{SEED}.*'de'"):
        load_bundle(data)


def test_a_missing_source_file_is_an_error(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "sources.json", lambda c: c["sources"][0].update(file="sources/missing.txt"))
    with pytest.raises(KnowledgeFileError, match=SEED):
        load_bundle(data)


def test_an_entity_without_both_roles_is_an_error(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "entities.json", lambda c: c["entities"][0]["role"].pop("fr"))
    with pytest.raises(KnowledgeFileError, match="entity 'radford'"):
        load_bundle(data)


def test_invalid_json_is_an_error_naming_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "facts.json").write_text('{"facts": [', encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"facts\.json"):
        load_bundle(data)
