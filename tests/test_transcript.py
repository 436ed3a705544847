from etl.extract.transcript import find_turns

TRANSCRIPT = """SECRETARY BLINKEN:  Good afternoon.  Thank you for coming.

We had a long day.  (Laughter.)

NATIONAL SECURITY ADVISOR SULLIVAN:  Thank you, Mr. Secretary.

DIRECTOR YANG:  (In Mandarin.)

STATE COUNCILOR WANG:  (Via interpreter) We came here in good faith.


Readout of the meeting follows."""


def texts(text):
    return [
        (t.label, text[t.start : t.end], t.via_interpreter)
        for t in find_turns(text)
        if not t.stage_only
    ]


def test_labels_open_turns_that_span_paragraphs():
    turns = texts(TRANSCRIPT)
    assert turns[0] == (
        "SECRETARY BLINKEN",
        "Good afternoon.  Thank you for coming.\n\nWe had a long day.",
        False,
    )
    assert turns[1][0] == "NATIONAL SECURITY ADVISOR SULLIVAN"


def test_interpreter_marks_and_stage_directions_stay_out_of_the_speech():
    turns = texts(TRANSCRIPT)
    assert turns[-1] == ("STATE COUNCILOR WANG", "We came here in good faith.", True)
    assert all("(Laughter.)" not in text for _, text, _ in turns)


def test_a_turn_of_only_a_stage_direction_is_marked():
    stage = [t for t in find_turns(TRANSCRIPT) if t.stage_only]
    assert [t.label for t in stage] == ["DIRECTOR YANG"]


def test_a_section_break_ends_the_last_turn():
    assert all("Readout" not in text for _, text, _ in texts(TRANSCRIPT))


def test_q_and_a_labels():
    text = "MS. PSAKI:  Go ahead.\n\nQ:  Did the President raise Taiwan?\n\nMS. PSAKI:  He did."
    assert [label for label, _, _ in texts(text)] == ["MS. PSAKI", "Q", "MS. PSAKI"]
    assert [label for label, _, _ in texts("Q: Any news?\nA: None today.")] == ["Q", "A"]


def test_prose_with_a_single_capitalized_colon_is_not_a_transcript():
    assert find_turns("UPDATE: The talks were extended by a day.") == []


def test_a_stage_direction_between_label_and_colon_marks_interpretation():
    text = (
        "SECRETARY BLINKEN: Thank you, Director.\n\n"
        "DIRECTOR WANG (via interpreter): We welcome the Secretary.\n\n"
        "MODERATOR (off-mic): Next question."
    )
    turns = find_turns(text)
    assert [(t.label, t.via_interpreter) for t in turns] == [
        ("SECRETARY BLINKEN", False),
        ("DIRECTOR WANG", True),
        ("MODERATOR", False),
    ]
    assert text[turns[1].start : turns[1].end] == "We welcome the Secretary."


def test_chinese_and_korean_briefing_questions_and_answers():
    text = "问：布林肯是否会见习近平？\n答：我目前没有可以提供的信息。\n질문: 회담 일정은?\n답변: 발표할 것이 없다."
    assert [(label, body) for label, body, _ in texts(text)] == [
        ("问", "布林肯是否会见习近平？"),
        ("答", "我目前没有可以提供的信息。"),
        ("질문", "회담 일정은?"),
        ("답변", "발표할 것이 없다."),
    ]


def test_a_lone_honorific_label_opens_the_briefers_remarks():
    text = (
        "MR. PRICE:  Good afternoon. The Secretary spoke today with Foreign Minister Wang Yi.\n"
        "They discussed the war in Ukraine."
    )
    assert [(t.label, text[t.start : t.end][:16]) for t in find_turns(text)] == [
        ("MR. PRICE", "Good afternoon. ")
    ]


def test_a_lone_label_of_another_kind_is_still_prose():
    assert find_turns("NOTE: The Secretary will travel to Beijing next week.") == []


def test_upper_case_and_title_case_labels_count_together():
    text = (
        "Reuters: Will the two ministers meet in Jakarta?\n"
        "Mao Ning: I have no information to release at the moment.\n"
        "AFP: What about a call between the leaders?\n"
        "Mao Ning: China's position is consistent.\n"
    )
    assert [t.label for t in find_turns(text)] == ["Reuters", "Mao Ning", "AFP", "Mao Ning"]


def test_archive_style_labels_end_in_a_full_stop_and_open_with_a_title():
    text = (
        "Remarks in a Meeting With the Vice Premier\n\n"
        "President Ortiz. Thank you all. It is an honor to host the Vice Premier today.\n\n"
        "Vice Premier Li. Thank you, Mr. President.\n\n"
        "President Ortiz. Would you like to say something?\n\n"
        "Q. Mr. President, will there be a deal?\n\n"
        "Vice Premier Li. We are working hard on it.\n"
    )
    assert [t.label for t in find_turns(text)] == [
        "President Ortiz", "Vice Premier Li", "President Ortiz", "Q", "Vice Premier Li"
    ]  # fmt: skip


def test_a_paragraph_that_opens_with_a_short_sentence_is_no_label():
    text = (
        "Trade talks resumed. Officials met in Geneva on Monday.\n\n"
        "Trade talks resumed. Both sides said they were hopeful.\n\n"
        "President Ortiz. That was the headline of the day.\n"
    )
    assert find_turns(text) == []
