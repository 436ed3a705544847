"""Direct quotes, transcript turns and reported speech, attributed to persons."""

import datetime as dt

from tests.support import DOCS, analyze, growth, quotes

WIRE = (DOCS / "wire_story.txt").read_text(encoding="utf-8")


def test_said_after_the_quote_and_split_quotes():
    text = (
        '"We will not accept unilateral changes," Blinken said. "The status quo must hold."\n\n'
        "Wang Yi answered that China would defend its sovereignty."
    )
    assert quotes(text, dt.date(2023, 6, 18)) == [
        ("Antony Blinken", "We will not accept unilateral changes,"),
        ("Antony Blinken", "The status quo must hold."),
    ]


def test_a_quote_that_ends_its_sentence_is_not_attributed_to_the_next_sentence():
    text = (
        'Biden said the talks were "candid and constructive, and we made progress." Xi Jinping '
        'had warned against interference. "Why now?" Blinken asked.'
    )
    assert quotes(text, dt.date(2023, 11, 16)) == [
        ("Joe Biden", "candid and constructive, and we made progress."),
    ]


def test_said_before_the_quote_with_colon_and_participle():
    text = (
        'Qin Gang said: "China hopes the United States will take a rational view of China."\n\n'
        'Blinken described the ties as "the most consequential relationship in the world," '
        'saying the United States would "compete vigorously where we must, and cooperate where we can."'
    )
    speakers = {speaker for speaker, _ in quotes(text, dt.date(2023, 6, 18))}
    assert speakers == {"Qin Gang", "Antony Blinken"}


def test_pronouns_resolve_to_the_previous_speaker_or_subject():
    text = (
        "Blinken spoke to reporters after the meeting with Xi.\n\n"
        "“We made progress on counternarcotics cooperation,” he said.\n\n"
        "“There is more work to do on military communication,” he added."
    )
    assert {s for s, _ in quotes(text, dt.date(2024, 4, 26))} == {"Antony Blinken"}


def test_descriptors_resolve_through_the_role_on_the_date():
    text = "“China will never seek hegemony, and we hope the US sees our development positively,” said the Chinese leader."
    assert quotes(text, dt.date(2024, 4, 26))[0][0] == "Xi Jinping"
    text = "“The door to dialogue remains open for any country that respects us,” China's top diplomat said."
    assert quotes(text, dt.date(2021, 3, 18))[0][0] == "Yang Jiechi"
    assert quotes(text, dt.date(2024, 4, 26))[0][0] == "Wang Yi"


def test_capitalized_he_after_a_quote_is_the_surname_he():
    found = dict((text, speaker) for speaker, text in quotes(WIRE, dt.date(2024, 4, 5)))
    assert (
        found["China is willing to work with the United States to find solutions,"] == "He Lifeng"
    )
    assert found["We have a responsibility to manage our differences,"] == "Janet Yellen"


def test_according_to_and_told_reporters():
    text = "“The channels are open and they will stay open for the foreseeable future,” according to Sullivan."
    assert quotes(text, dt.date(2023, 5, 11))[0][0] == "Jake Sullivan"


def test_scare_quotes_and_headlines_are_not_statements():
    scare = (DOCS / "scare_quotes.txt").read_text(encoding="utf-8")
    assert quotes(scare) == []
    headline = (
        "Blinken Says “We Will Not Back Down On Any Issue” Ahead Of Beijing Talks\n\nBody text."
    )
    assert quotes(headline) == []


def test_boilerplate_is_not_a_statement():
    text = "CLICK HERE TO GET THE FOX NEWS APP\n\nThe talks continued on Friday."
    assert analyze(text).statements == []


def test_unattributed_quote_of_a_statement_keeps_no_speaker():
    text = '"The United States will always defend its interests and its values around the world," the statement said.'
    assert quotes(text) == [
        (
            None,
            "The United States will always defend its interests and its values around the world,",
        )
    ]


def test_reported_speech_is_kept_with_its_speaker():
    statements = analyze(WIRE, dt.date(2024, 4, 5)).statements
    reported = [s for s in statements if s.record.kind == "reported"]
    assert [(s.speaker, s.record.text[:32]) for s in reported] == [
        ("Janet Yellen", "Yellen said she raised concerns ")
    ]


def test_transcript_turns_have_speakers_index_and_interpreter_flag():
    text = (DOCS / "press_transcript.txt").read_text(encoding="utf-8")
    turns = [s for s in analyze(text).statements if s.record.kind == "transcript_turn"]
    assert [s.speaker for s in turns] == [
        "Antony Blinken",
        None,
        None,
        "Antony Blinken",
        "Wang Yi",
        None,
    ]
    assert [s.record.turn_index for s in turns] == list(range(6))
    assert [s.record.speaker_label for s in turns][1:3] == ["MODERATOR", "QUESTION"]
    wang = turns[4]
    assert wang.record.via_interpreter and wang.record.text.startswith(
        "China and the United States"
    )
    assert "(Applause.)" not in turns[0].record.text


def test_korean_quotes_get_language_and_the_subject_as_speaker():
    text = (DOCS / "korean_news.txt").read_text(encoding="utf-8")
    statements = analyze(text, dt.date(2023, 6, 19)).statements
    assert [(s.speaker, s.record.language) for s in statements] == [("Antony Blinken", "ko")]


def test_statement_spans_are_the_evidence():
    for statement in analyze(WIRE, dt.date(2024, 4, 5)).statements:
        record = statement.record
        assert WIRE[record.start : record.end] == record.text


def test_pathological_input_is_linear():
    def pathological(words):
        return "“" + "a " * words + "\n" + '"' * (words // 5)

    calls, cpu = growth(analyze, (pathological(5_000),), (pathological(50_000),))
    assert calls < 13 and cpu < 40  # ten times the input, about ten times the work (quadratic: 100)


def test_according_to_before_the_quote():
    text = (
        "According to Blinken, “the lines of communication between our militaries are open again.”"
    )
    assert quotes(text, dt.date(2024, 4, 26)) == [
        ("Antony Blinken", "the lines of communication between our militaries are open again.")
    ]


def test_spokesperson_quotes_at_a_press_briefing():
    text = (
        "“The United States should stop interfering in China's internal affairs,” Chinese Foreign "
        "Ministry spokesperson Mao Ning told a regular press briefing on Monday.\n\n"
        "“We have made our position clear,” said Wang Wenbin, another spokesman."
    )
    assert [s for s, _ in quotes(text, dt.date(2023, 6, 19))] == ["Mao Ning", "Wang Wenbin"]


def test_a_quote_told_to_a_person_belongs_to_the_teller():
    text = "“Overall, the relationship is starting to stabilize,” Wang Yi told Blinken at the start of the talks."
    assert quotes(text, dt.date(2024, 4, 26))[0][0] == "Wang Yi"


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker():
    text = (
        "“We will keep our channels of communication open and we will use them,” Blinken said. "
        "“We are not looking for confrontation.\n\n"
        "“But we will defend our interests and our values wherever they are challenged.”"
    )
    found = quotes(text, dt.date(2023, 6, 19))
    assert [s for s, _ in found] == ["Antony Blinken"] * 3
    assert found[2][1].startswith("But we will defend")


def test_a_megabyte_of_news_is_processed_in_near_linear_time():
    story = (DOCS / "wire_story.txt").read_text(encoding="utf-8")
    resolved = analyze((story + "\n\n") * 400, dt.date(2024, 4, 5))
    assert len(resolved.statements) == 400 * len(analyze(story, dt.date(2024, 4, 5)).statements)
    small, large = (story + "\n\n") * 4, (story + "\n\n") * 40
    calls, cpu = growth(analyze, (small, dt.date(2024, 4, 5)), (large, dt.date(2024, 4, 5)))
    assert calls < 13 and cpu < 40  # ten times the input, about ten times the work


def test_a_ten_megabyte_single_line_is_processed_in_linear_time():
    story = (DOCS / "wire_story.txt").read_text(encoding="utf-8").replace("\n", " ")

    def single_line(size):
        return ("“" + (story + " ") * (size // len(story) + 1))[:size]  # one unclosed quote

    assert analyze(single_line(10_000_000), dt.date(2024, 4, 5)).statements
    day = dt.date(2024, 4, 5)
    calls, cpu = growth(analyze, (single_line(50_000), day), (single_line(500_000), day))
    assert calls < 13 and cpu < 40  # ten times the input, about ten times the work


def test_a_pronoun_after_someone_else_was_named_is_that_person():
    text = (
        '"We have real differences," Blinken told reporters.\n\n'
        "Wang Yi, for his part, warned the United States against crossing red lines. "
        'He said, "The Taiwan question is at the very core of China\'s core interests."'
    )
    assert [who for who, _ in quotes(text, dt.date(2024, 4, 24))] == ["Antony Blinken", "Wang Yi"]


def test_a_chinese_quote_closed_by_its_full_stop_is_attributed_after():
    text = (
        "王毅同布林肯会谈。\n“美方必须停止炒作‘中国威胁论’，取消对中国的非法单边制裁。”王毅强调。"
    )
    assert quotes(text, dt.date(2023, 6, 19)) == [
        ("Wang Yi", "美方必须停止炒作‘中国威胁论’，取消对中国的非法单边制裁。")
    ]


def test_quoted_as_telling_gives_the_quote_to_the_person_quoted():
    text = (
        "Chinese state media quoted Xi Jinping as telling Biden during their call on Friday, "
        '"Those who play with fire will get burned in the end."'
    )
    assert quotes(text, dt.date(2022, 7, 29)) == [
        ("Xi Jinping", "Those who play with fire will get burned in the end.")
    ]


def test_chinese_speech_verbs_in_either_script_attribute_the_quote():
    for text in (
        "王毅说：“中美关系正处在关键的十字路口，双方应当相向而行。”",
        "王毅說：「中美關係正處在關鍵的十字路口，雙方應當相向而行。」",
    ):
        [(speaker, _)] = quotes(text, dt.date(2023, 7, 14))
        assert speaker == "Wang Yi"
