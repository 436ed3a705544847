"""Korean news names an official the gazetteer does not know by name, then
office, then particle: "왕웨이 외교부 부부장 겸 협상대표는 …",
"천밍 중국 국방부 대변인은 …", and later by surname and office ("왕
부부장은"). A Hangul word of two to four syllables that
opens a sentence and is followed, within a few words, by a title of the
patterns and a topic or subject particle is that person's name."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from etl.extract.nlp import PERSON, TITLE, lexicon
from etl.extract.records import PersonMention
from etl.extract.text import is_hangul

MAX_RUN = 6  # tokens between the name and the particle that ends the title
NAME = re.compile(r"[가-힣]{2,4}")
SURNAME = re.compile(r"[가-힣]")
PARTICLE = re.compile("(?:" + "|".join(lexicon("korean_names", "subject_particles")) + ")$")
COUNTRIES = {"중국": "CN", "미국": "US"}


def korean_titled_names(doc: Doc) -> list[PersonMention]:
    found: list[PersonMention] = []
    for sent in doc.sents:
        first = sent[0]
        if len(sent) < 3:
            continue
        if SURNAME.fullmatch(first.text):  # "왕 부부장은 또 …": the 왕웨이 named before
            earlier = next(
                (m for m in reversed(found) if (m.name or "").startswith(first.text)), None
            )
            title = sent[1]
            if earlier is not None and title.ent_type_ == TITLE and PARTICLE.search(title.text):
                found.append(
                    replace(
                        earlier,
                        text=doc[first.i : title.i + 1].text,
                        start=first.idx,
                        end=title.idx + len(title.text),
                        title=title.text,
                    )
                )
            continue
        if first.ent_type_ or not NAME.fullmatch(first.text):
            continue
        run = sent[1 : 1 + MAX_RUN]
        titles = [t for t in run if t.ent_type_ == TITLE and is_hangul(t.text)]
        closing = next((t for t in run if PARTICLE.search(t.text) and t.ent_type_ == TITLE), None)
        if not titles or closing is None:
            continue
        between = doc[first.i + 1 : closing.i + 1]
        if any(t.ent_type_ == PERSON for t in between):
            continue  # "그러나 트럼프 대통령은": the name is the known one after the adverb
        country = next((COUNTRIES[t.norm_] for t in between if t.norm_ in COUNTRIES), None)
        found.append(
            PersonMention(
                text=doc[first.i : closing.i + 1].text,
                start=first.idx,
                end=closing.idx + len(closing.text),
                kind="titled_name",
                name=first.text,
                title=between.text,
                title_kind=closing.ent_id_ or None,
                country=country,
            )
        )
    return found
