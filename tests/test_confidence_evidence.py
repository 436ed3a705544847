"""The evidence behind each fact, read from the database: documents and whose,
how a day, a name and a speaker were found, and what other sources confirm."""

from sqlalchemy import text
from sqlalchemy.orm import Session

from etl.db.confidence_evidence import (
    evidence_of_meetings,
    last_model,
)
from etl.db.speaker_evidence import evidence_of_unplaced_statements, words
from etl.resolve.confidence import (
    MeetingEvidence,
    OutcomeEvidence,
    ParticipantEvidence,
    SpeakerEvidence,
)

ROWS = [
    "insert into documents (id, name, sha256, status, text, url, outlet) values"
    " (1, 'readout.txt', 'a', 'loaded', 'Lee met Park in Oslo. \"We agreed,\" Lee said.',"
    " 'https://www.example.gov/readout', null),"
    " (2, 'mfa.txt', 'b', 'loaded', 'Park met Lee on May 8. \"We agreed,\" Lee said.',"
    " null, 'Ministry of Foreign Affairs of the PRC'),"
    " (3, 'news.txt', 'c', 'loaded', 'The envoy met Park; Kim came too.', null, 'Daily Example')",
    "insert into persons (id, canonical_name, country, source) values"
    " (1, 'Lee Example', 'US', 'gazetteer'), (2, 'Park Example', 'CN', 'gazetteer'),"
    " (3, 'Kim Example', 'KR', 'gazetteer'), (4, 'Unknown Example', null, 'extracted')",
    "insert into meetings (id, meeting_key, kind, status, start_date, city) values"
    " (1, 'k', 'in_person', 'held', '2033-05-08', 'Oslo')",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status, reported_date, date_source,"
    " found_by) values"
    " (1, 1, 1, 0, 20, 'v', 'in_person', 'held', '2033-05-09', 'dateline', 'weak_cue'),"
    " (2, 1, 2, 0, 21, 'v', 'in_person', 'held', '2033-05-08', 'text', 'cue'),"
    " (3, 1, 3, 0, 32, 'v', 'in_person', 'planned', null, null, 'group')",
    "insert into meeting_people (meeting_id, person_id) values (1, 1), (1, 2), (1, 3), (1, 4)",
    "insert into meeting_participants (id, meeting_id, person_id, document_id, char_start,"
    " char_end, extractor_version, title_as_written, side) values"
    " (1, 1, 1, 1, 0, 3, 'v', null, null), (2, 1, 2, 1, 8, 12, 'v', null, null),"
    " (3, 1, 1, 2, 16, 19, 'v', 'Envoy', null), (4, 1, 2, 2, 0, 4, 'v', null, null),"
    " (5, 1, 1, 3, 0, 9, 'v', null, null), (6, 1, 3, 3, 20, 23, 'v', null, null),"
    " (7, 1, 4, 3, 24, 28, 'v', null, 'CN')",
    "insert into person_mentions (id, person_id, document_id, char_start, char_end,"
    " extractor_version, mention_text, mention_kind, method, score) values"
    " (1, 1, 1, 0, 3, 'v', 'Lee', 'surname', 'surname_context', 0.8),"
    " (2, 1, 2, 16, 19, 'v', 'Lee', 'name', 'exact', 1.0),"
    " (3, 2, 1, 8, 12, 'v', 'Park', 'surname', 'surname_context', 0.8)",
    "insert into statements (id, meeting_id, speaker_id, speaker_method, document_id,"
    " char_start, char_end, extractor_version, kind, text, via_interpreter) values"
    " (1, 1, 1, 'exact', 1, 22, 33, 'v', 'direct_quote', 'We agreed,', false),"
    " (2, 1, 1, 'surname_context', 2, 23, 34, 'v', 'direct_quote', 'We agreed,', false),"
    " (3, null, null, null, 3, 0, 10, 'v', 'reported', '双方同意继续保持沟通', false)",
    "insert into quote_checks (id, statement_id, group_id, best_statement_id, verdict,"
    " similarity) values (1, 1, 1, 1, 'exact', 100), (2, 2, 1, 1, 'exact', 100)",
    "insert into outcomes (id, meeting_id, outcome_key, description, category, status) values"
    " (1, 1, 'talks', 'more talks', 'talks', 'agreed')",
    "insert into outcome_mentions (id, outcome_id, document_id, char_start, char_end,"
    " extractor_version, reported_status) values (1, 1, 1, 0, 10, 'v', 'agreed'),"
    " (2, 1, 2, 0, 10, 'v', 'agreed')",
]


def _evidence(engine):
    with engine.begin() as connection:
        for statement in ROWS:
            connection.execute(text(statement))
    with Session(engine) as session:
        return evidence_of_meetings(session, [1]), evidence_of_unplaced_statements(session)


def test_a_meetings_evidence_counts_its_documents_governments_day_statuses_and_sides(engine):
    found, _ = _evidence(engine)
    assert [e for e in found if isinstance(e, MeetingEvidence)] == [
        MeetingEvidence(
            meeting_id=1,
            documents=3,
            governments=2,  # a .gov address and the PRC ministry as outlet
            date_source="text",  # the strongest source of the day kept
            statuses=2,
            people=4,
            sides=2,
            place=True,
            strong_cue=True,  # the ministry's "met", beside a weak cue and a group
        )
    ]


def test_a_participants_evidence_says_how_often_and_how_the_person_was_named(engine):
    found, _ = _evidence(engine)
    participants = {e.person_id: e for e in found if isinstance(e, ParticipantEvidence)}
    assert participants[1] == ParticipantEvidence(1, 1, 3, 3, True, False, True)
    assert participants[2] == ParticipantEvidence(1, 2, 2, 3, False, False, False)
    assert participants[3].third_country  # a Korean at a US-China meeting
    assert not participants[4].third_country  # no country on record; the documents' side


def test_a_quote_another_document_gives_the_same_speaker_is_confirmed(engine):
    found, unplaced = _evidence(engine)
    speakers = {e.statement_id: e for e in found if isinstance(e, SpeakerEvidence)}
    assert speakers[1].confirmed and speakers[2].confirmed
    assert speakers[2].verdict == "exact" and speakers[2].method == "surname_context"
    assert unplaced == [SpeakerEvidence(3, "reported", None, 5, None, False)]


def test_an_outcomes_evidence_counts_its_documents_and_governments(engine):
    found, _ = _evidence(engine)
    assert [e for e in found if isinstance(e, OutcomeEvidence)] == [
        OutcomeEvidence(1, 2, 3, 2, True, "talks")
    ]


def test_words_count_two_cjk_characters_as_one():
    assert words("We will keep talking") == 4
    assert words("双方同意继续保持沟通") == 5


TWIN_ROWS = [
    "insert into documents (id, name, sha256, status, text) values"
    " (1, 'history.txt', 'a', 'loaded', 'Lee met Park in May. Lee met Park again in June.'),"
    " (2, 'other.txt', 'b', 'loaded', 'Lee met Park and Kim in July.')",
    "insert into persons (id, canonical_name, country, source) values"
    " (1, 'Lee Example', 'US', 'gazetteer'), (2, 'Park Example', 'CN', 'gazetteer'),"
    " (3, 'Kim Example', 'KR', 'gazetteer')",
    "insert into meetings (id, meeting_key, kind, status) values"
    " (1, 'may', 'in_person', 'held'), (2, 'june', 'in_person', 'held'),"
    " (3, 'july', 'in_person', 'held')",
    "insert into meeting_mentions (id, meeting_id, document_id, char_start, char_end,"
    " extractor_version, reported_kind, reported_status, found_by) values"
    " (1, 1, 1, 0, 20, 'v', 'in_person', 'held', 'weak_cue'),"
    " (2, 2, 1, 21, 48, 'v', 'in_person', 'held', 'group'),"
    " (3, 3, 2, 0, 29, 'v', 'in_person', 'held', 'visit')",
    "insert into meeting_people (meeting_id, person_id) values"
    " (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2), (3, 3)",
]


def test_a_meeting_whose_document_reports_another_of_the_same_people_is_flagged(engine):
    with engine.begin() as connection:
        for statement in TWIN_ROWS:
            connection.execute(text(statement))
    with Session(engine) as session:
        found = evidence_of_meetings(session, [1, 2, 3])
    flagged = {
        e.meeting_id: e.same_people_elsewhere for e in found if isinstance(e, MeetingEvidence)
    }
    assert flagged == {1: True, 2: True, 3: False}  # July's has Kim too, in another document
    assert not any(e.strong_cue for e in found if isinstance(e, MeetingEvidence))  # none "met"


def test_the_last_model_is_the_one_of_the_run_that_finished_last(engine):
    with engine.begin() as connection:
        connection.execute(
            text(
                "insert into ingestion_runs (id, started_at, finished_at, status, extractor_version,"
                " documents_seen, documents_loaded, documents_skipped, documents_unchanged,"
                " documents_failed, confidence_model) values"
                " (1, '2033-01-01 10:00:00', '2033-01-01 10:09:00', 'succeeded', 'v', 0, 0, 0, 0,"
                " 0, 'old weights'),"
                " (2, '2033-01-01 10:01:00', '2033-01-01 10:05:00', 'succeeded', 'v', 0, 0, 0, 0,"
                " 0, 'new weights'),"
                " (3, '2033-01-01 10:02:00', null, 'running', 'v', 0, 0, 0, 0, 0, null)"
            )
        )
    with Session(engine) as session:
        assert last_model(session) == "old weights"  # run 1 decided after run 2
