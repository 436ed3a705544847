"""Meeting mentions in text, and their merging within a document."""

import datetime as dt

from tests.support import DOCS, NO_CALENDAR, analyze, extract_text


def meetings(text, published=None):
    return [
        (m.kind, m.status, m.start_date, m.city, sorted(m.participants))
        for m in analyze(text, published).meetings
    ]


def test_held_meeting_with_weekday_place_and_both_sides():
    text = "BEIJING – U.S. Secretary of State Antony Blinken met Friday with Chinese President Xi Jinping."
    assert meetings(text, dt.date(2024, 4, 26)) == [
        ("in_person", "held", dt.date(2024, 4, 26), "Beijing", ["Antony Blinken", "Xi Jinping"])
    ]


def test_a_president_in_a_subordinate_clause_is_not_a_participant():
    text = (
        "Blinken and national security adviser Jake Sullivan will meet with Yang Jiechi and "
        "Wang Yi in Anchorage on March 18, the first meeting since President Joe Biden took office."
    )
    [meeting] = meetings(text, dt.date(2021, 3, 10))
    assert meeting[:4] == ("in_person", "planned", dt.date(2021, 3, 18), "Anchorage")
    assert meeting[4] == ["Antony Blinken", "Jake Sullivan", "Wang Yi", "Yang Jiechi"]


def test_calls_and_video_calls_have_no_city():
    text = "WASHINGTON - President Joe Biden held a video call with Chinese President Xi Jinping on Monday."
    assert meetings(text, dt.date(2021, 11, 17)) == [
        ("video", "held", dt.date(2021, 11, 15), None, ["Joe Biden", "Xi Jinping"])
    ]
    text = "The visit came weeks after President Joe Biden spoke by phone with Chinese President Xi Jinping."
    assert meetings(text)[0][:2] == ("call", "held")


def test_a_meeting_that_had_been_expected_on_a_cancelled_trip_is_cancelled_with_it():
    text = (DOCS / "planned_cancelled.txt").read_text(encoding="utf-8")
    found = meetings(text, dt.date(2023, 2, 3))
    assert found == [("in_person", "cancelled", None, "Beijing", ["Antony Blinken", "Qin Gang"])]


def test_a_cancelled_trip_goes_to_its_destination_on_the_days_it_was_planned():
    text = (
        "Blinken postpones China trip\n\n"
        "WASHINGTON, Feb 3 (AP) — Secretary of State Antony Blinken has postponed a trip to "
        "Beijing after a balloon was spotted over the United States, officials said Friday.\n\n"
        "Blinken had been scheduled to depart Washington late Friday and meet Chinese Foreign "
        "Minister Qin Gang on Sunday and Monday."
    )
    [meeting] = analyze(text, dt.date(2023, 2, 3)).meetings
    assert (meeting.status, meeting.city, meeting.start_date, meeting.end_date) == (
        "cancelled",
        "Beijing",
        dt.date(2023, 2, 5),
        dt.date(2023, 2, 6),
    )
    assert set(meeting.participants) == {"Antony Blinken", "Qin Gang"}


def test_a_held_meeting_is_where_its_dateline_says_unless_the_text_says_in():
    text = (
        "GUANGZHOU, China, April 6 (Reuters) - Yellen held talks with Vice Premier He Lifeng on "
        "Friday, pressing Beijing over excess production.\n\n"
        "Yellen is scheduled to meet Premier Li Qiang in Beijing on Sunday."
    )
    held, planned = analyze(text, dt.date(2024, 4, 6)).meetings
    assert (held.city, planned.city) == ("Guangzhou", "Beijing")


def test_a_chinese_dateline_gives_the_city_of_a_meeting_held_in_its_country():
    text = "新华社瓦莱塔9月17日电 9月16日，王毅在马耳他同沙利文举行会晤。"
    [meeting] = analyze(text, dt.date(2023, 9, 17)).meetings
    assert (meeting.city, meeting.country, meeting.start_date) == (
        "Valletta",
        "MT",
        dt.date(2023, 9, 16),
    )


def test_mentions_of_one_meeting_merge_and_a_venue_implies_its_city():
    text = (
        "Blinken met with his counterpart Qin Gang at the Diaoyutai State Guesthouse on June 18, 2023.\n\n"
        "In the evening, Blinken and Qin Gang also met at a working dinner."
    )
    [meeting] = analyze(text).meetings
    assert (meeting.city, meeting.venue, meeting.start_date) == (
        "Beijing",
        "Diaoyutai State Guest House",
        dt.date(2023, 6, 18),
    )
    assert len(meeting.spans) == 2


def test_different_counterparts_are_different_meetings():
    text = (
        "BEIJING – Blinken met Friday with Chinese President Xi Jinping.\n\n"
        "Earlier, Blinken held talks with Foreign Minister Wang Yi."
    )
    found = meetings(text, dt.date(2024, 4, 26))
    assert [m[4] for m in found] == [
        ["Antony Blinken", "Xi Jinping"],
        ["Antony Blinken", "Wang Yi"],
    ]
    assert found[1][2] == dt.date(2024, 4, 26)


def test_titles_are_the_roles_held_on_the_meeting_date():
    text = "Blinken met Foreign Minister Wang Yi in Beijing on June 18, 2023."
    [meeting] = analyze(text).meetings
    assert (
        meeting.participants["Wang Yi"].title
        == "Director of the Office of the Central Foreign Affairs Commission"
    )
    text = "Blinken met Foreign Minister Wang Yi in Beijing on March 18, 2021."
    [meeting] = analyze(text).meetings
    assert "Foreign Minister" in meeting.participants["Wang Yi"].title


def test_korean_meeting():
    text = (DOCS / "korean_news.txt").read_text(encoding="utf-8")
    assert meetings(text, dt.date(2023, 6, 19)) == [
        ("in_person", "held", dt.date(2023, 6, 18), "Beijing", ["Antony Blinken", "Wang Yi"])
    ]


def test_a_place_used_as_a_modifier_is_not_the_venue():
    text = "Blinken and White House national security adviser Jake Sullivan met Wang Yi on Friday."
    [meeting] = analyze(text, dt.date(2023, 5, 12)).meetings
    assert meeting.city is None


def test_without_a_date_the_documents_own_titles_choose_the_role():
    text = (
        "US Secretary of State Antony Blinken met with his counterpart Qin Gang in Beijing.\n\n"
        "Minister Qin Gang said relations were at a low point."
    )
    [meeting] = analyze(text, calendar=NO_CALENDAR).meetings
    assert meeting.start_date is None
    assert meeting.participants["Qin Gang"].title == "Foreign Minister"
    assert meeting.participants["Antony Blinken"].title == "Secretary of State"


def test_a_held_meeting_after_publication_keeps_the_consistent_reading():
    text = "Blinken met with Foreign Minister Qin Gang in Beijing on Dec. 21."
    [meeting] = analyze(text, dt.date(2023, 6, 19), calendar=NO_CALENDAR).meetings
    assert meeting.start_date is None  # Dec. 21, 2022 fails too: Qin was not yet minister
    [conflict] = meeting.conflicts
    assert conflict.parsed == dt.date(2023, 12, 21)
    assert "after its document's publication" in conflict.reason


def test_an_inferred_year_when_a_titled_participant_held_no_such_role_is_dropped():
    text = "Blinken met with Foreign Minister Qin Gang in Beijing on March 18."
    [meeting] = analyze(text, dt.date(2021, 3, 19)).meetings
    assert meeting.start_date is None
    [conflict] = meeting.conflicts
    assert (conflict.resolution, conflict.parsed) == ("dropped", dt.date(2021, 3, 18))
    assert conflict.reason.startswith("Qin Gang held no role")


def test_a_year_inferred_from_the_publication_date_moves_back_a_year():
    text = "Blinken met with Wang Yi in Beijing on Dec. 21."
    [meeting] = analyze(text, dt.date(2024, 4, 26)).meetings
    assert meeting.start_date == dt.date(2023, 12, 21)
    assert meeting.conflicts[0].resolution == "year_adjusted"


def test_chinese_readout_meeting_quote_and_outcomes():
    text = (DOCS / "chinese_readout.txt").read_text(encoding="utf-8")
    resolved = analyze(text)
    [meeting] = resolved.meetings
    assert (meeting.start_date, meeting.city, meeting.venue) == (
        dt.date(2023, 6, 18),
        "Beijing",
        "Diaoyutai State Guest House",
    )
    assert set(meeting.participants) == {"Qin Gang", "Antony Blinken"}
    [quote] = [s for s in resolved.statements if s.record.kind == "direct_quote"]
    assert (quote.speaker, quote.record.language) == ("Qin Gang", "zh")
    assert [o.record.category for o in resolved.outcomes] == ["commitment", "talks", "invitation"]


def test_a_name_qualifying_a_government_is_not_a_participant():
    text = "양국은 바이든 정부 출범 이후 처음 열린 고위급 회담에서 설전을 주고 받았다."
    assert analyze(text, dt.date(2021, 3, 20)).meetings == []
    text = (
        "Officials of the Biden administration held talks with Wang Yi in Beijing on June 18, 2023."
    )
    [meeting] = analyze(text).meetings
    assert set(meeting.participants) == {"Wang Yi"}


def test_a_later_meeting_of_the_same_trip_inherits_date_and_place():
    text = (
        "Blinken met with Chinese President Xi Jinping in Beijing on April 26, 2024.\n\n"
        "Earlier, Blinken held talks with Foreign Minister Wang Yi."
    )
    meetings = analyze(text).meetings
    assert [(m.city, m.start_date) for m in meetings] == [("Beijing", dt.date(2024, 4, 26))] * 2


def test_a_sentence_naming_nobody_is_a_meeting_only_when_its_subject_is_a_group():
    quotes_of_both = (
        '"We had a candid exchange on every issue," Blinken said.\n\n'
        '"The talks were constructive and useful for both sides," Wang Yi said.\n\n'
    )
    text = quotes_of_both + "Officials from both countries met in Geneva on Monday."
    [meeting] = analyze(text, dt.date(2023, 5, 10)).meetings
    assert set(meeting.participants) == {"Antony Blinken", "Wang Yi"}
    assert (meeting.city, meeting.start_date) == ("Geneva", dt.date(2023, 5, 8))
    text = quotes_of_both + "The proposal met with resistance from lawmakers on Monday."
    assert analyze(text, dt.date(2023, 5, 10)).meetings == []


def test_a_future_elsewhere_in_the_sentence_does_not_make_a_meeting_planned():
    text = "Blinken met Wang Yi in Beijing on Friday, and the two sides will meet again in the autumn in Washington to review progress on trade."
    found = meetings(text, dt.date(2024, 4, 26))
    assert found[0][:4] == ("in_person", "held", dt.date(2024, 4, 26), "Beijing")


def test_a_sentence_case_title_is_no_meeting_and_a_place_since_then_is_not_the_venue():
    text = (
        "Trump and Xi agree on tariff truce at Busan summit\n\n"
        "BUSAN, South Korea (AP) — President Donald Trump met Chinese leader Xi Jinping at an air "
        "base in Busan on Thursday, their first meeting since Trump returned to the White House."
    )
    [meeting] = analyze(text, dt.date(2025, 10, 30)).meetings
    assert (meeting.start_date, meeting.city, meeting.venue) == (
        dt.date(2025, 10, 30),
        "Busan",
        None,
    )
    assert len(meeting.spans) == 1


def test_a_meeting_someone_is_due_to_hold_is_planned_and_not_where_they_go_next():
    text = "Raimondo is due to meet Vice Premier He Lifeng on Tuesday before traveling to Shanghai."
    assert meetings(text, dt.date(2023, 8, 28)) == [
        ("in_person", "planned", dt.date(2023, 8, 29), None, ["Gina Raimondo", "He Lifeng"])
    ]


def test_korean_verb_forms_of_a_cue_and_the_day_of_an_announcement():
    text = "토니 블링컨 미국 국무장관이 다음 달 왕이 중국 외교부장과 회담할 예정이라고 국무부가 14일 밝혔다."
    assert meetings(text, dt.date(2024, 3, 15)) == [
        ("in_person", "planned", None, None, ["Antony Blinken", "Wang Yi"])
    ]


def test_an_earlier_meeting_of_another_month_keeps_neither_the_date_nor_the_dateline_place():
    text = (
        "SINGAPORE, May 31 (Reuters) - U.S. Defense Secretary Lloyd Austin met Chinese Defense "
        "Minister Dong Jun in Singapore on Friday.\n\n"
        "Austin previously met Li Shangfu briefly in June 2023."
    )
    assert meetings(text, dt.date(2024, 5, 31)) == [
        ("in_person", "held", dt.date(2024, 5, 31), "Singapore", ["Dong Jun", "Lloyd Austin"]),
        ("in_person", "held", None, None, ["Li Shangfu", "Lloyd Austin"]),
    ]


def test_korean_visit_that_was_scheduled_and_postponed_is_cancelled():
    text = (
        "토니 블링컨 미국 국무장관이 5∼6일로 예정됐던 중국 방문을 연기했다고 국무부가 3일 밝혔다.\n\n"
        "블링컨 장관은 이번 방중 기간 친강 중국 외교부장과 회담할 예정이었다."
    )
    assert meetings(text, dt.date(2023, 2, 4)) == [
        ("in_person", "cancelled", dt.date(2023, 2, 5), None, ["Antony Blinken", "Qin Gang"])
    ]


def test_talks_between_two_named_sides_are_a_meeting_but_talks_of_one_side_are_not():
    text = (
        "On Tuesday and Wednesday, Sullivan and Wang Yi held what both sides called candid "
        "talks outside Beijing.\n\nSullivan talks to reporters every week."
    )
    assert meetings(text, dt.date(2024, 8, 29)) == [
        ("in_person", "held", dt.date(2024, 8, 27), "Beijing", ["Jake Sullivan", "Wang Yi"])
    ]


def test_a_chinese_venue_after_its_city_without_a_dateline():
    text = "当地时间11月15日，国家主席习近平在美国旧金山斐洛里庄园同美国总统拜登举行中美元首会晤。"
    [meeting] = analyze(text, dt.date(2023, 11, 16)).meetings
    assert (meeting.city, meeting.venue, meeting.start_date) == (
        "Woodside",
        "Filoli Estate",
        dt.date(2023, 11, 15),
    )


def test_talks_after_which_something_was_agreed_are_held_where_and_when_the_story_was_filed():
    text = (
        "Trump hails deal after talks\n\n"
        "BUSAN, South Korea, Oct 30 (Reuters) - U.S. President Donald Trump said on Thursday he "
        "had agreed to cut tariffs on China after talks with Chinese President Xi Jinping in "
        "South Korea, in exchange for a crackdown on fentanyl."
    )
    assert meetings(text, dt.date(2025, 10, 30)) == [
        ("in_person", "held", dt.date(2025, 10, 30), "Busan", ["Donald Trump", "Xi Jinping"])
    ]
    agreed_talks = "Trump and Xi Jinping agreed to hold talks on fentanyl next month."
    assert meetings(agreed_talks, dt.date(2025, 10, 30)) == []


def test_a_held_meeting_without_a_day_in_the_dateline_city_is_the_story_of_that_day():
    text = (
        "GENEVA, May 11 (Reuters) - Treasury Secretary Scott Bessent and Vice Premier He Lifeng "
        "held talks in Geneva, their first since tariffs rose."
    )
    assert meetings(text, dt.date(2025, 5, 12))[0][2:4] == (dt.date(2025, 5, 11), "Geneva")
    undated_dateline = (
        "GENEVA (AP) — Treasury Secretary Scott Bessent and Vice Premier He Lifeng held talks "
        "in Geneva, their first since tariffs rose."
    )
    assert meetings(undated_dateline, dt.date(2025, 5, 11))[0][2:4] == (
        dt.date(2025, 5, 11),
        "Geneva",
    )
    elsewhere = (
        "GENEVA (AP) — Treasury Secretary Scott Bessent has held talks with Vice Premier "
        "He Lifeng in Beijing."
    )
    assert meetings(elsewhere, dt.date(2025, 5, 11))[0][2:4] == (None, "Beijing")


def test_a_declined_invitation_to_meet_is_a_cancelled_meeting():
    text = (
        "China has declined a U.S. invitation for Defense Secretary Lloyd Austin to meet his "
        "Chinese counterpart Li Shangfu at a security forum in Singapore, the Pentagon said."
    )
    assert meetings(text, dt.date(2023, 5, 29)) == [
        ("in_person", "cancelled", None, "Singapore", ["Li Shangfu", "Lloyd Austin"])
    ]
    rejected_then_met = (
        "Wang Yi rejected the accusations and met Secretary of State Antony Blinken in Munich "
        "on Feb. 18, 2023."
    )
    assert meetings(rejected_then_met)[0][:2] == ("in_person", "held")


def test_a_question_asserts_no_meeting():
    assert (
        meetings("Will Blinken meet President Xi Jinping in Beijing?", dt.date(2023, 6, 14)) == []
    )
    assert meetings("布林肯是否会见习近平主席？", dt.date(2023, 6, 14)) == []


def test_chinese_will_hold_talks_is_planned():
    text = "访问期间，王毅外长将同布林肯国务卿举行会谈。"
    assert meetings(text, dt.date(2024, 4, 24))[0][:2] == ("in_person", "planned")


def test_the_city_of_a_meeting_may_be_described_before_it_is_named():
    text = (
        "WASHINGTON (Reuters) - Deputy Secretary of State Wendy Sherman met with Chinese Foreign "
        "Minister Wang Yi in the northern city of Tianjin on Monday."
    )
    assert meetings(text, dt.date(2021, 7, 27))[0][2:4] == (dt.date(2021, 7, 26), "Tianjin")


def test_a_leader_who_will_host_another_plans_a_meeting():
    text = "Xi Jinping will host Donald Trump for a state visit in Beijing in April."
    assert meetings(text, dt.date(2026, 1, 10)) == [
        ("in_person", "planned", None, "Beijing", ["Donald Trump", "Xi Jinping"])
    ]


def test_that_day_is_the_day_told_before():
    korean = "블링컨 장관은 26일 베이징에 도착했다.\n블링컨 장관은 이날 왕이 외교부장과 회담했다."
    assert meetings(korean, dt.date(2024, 4, 27))[0][2] == dt.date(2024, 4, 26)
    english = "Blinken arrived in Beijing on April 24, 2024. Blinken met Wang Yi later that day."
    assert meetings(english)[0][2] == dt.date(2024, 4, 24)
    chinese = "布林肯4月24日抵达上海。王毅当天同布林肯举行会谈。"
    assert meetings(chinese, dt.date(2024, 4, 25))[0][2] == dt.date(2024, 4, 24)


def test_a_call_between_two_leaders_is_a_call():
    text = "The call between President Biden and President Xi Jinping on Tuesday lasted two hours."
    assert meetings(text, dt.date(2024, 4, 3)) == [
        ("call", "held", dt.date(2024, 4, 2), None, ["Joe Biden", "Xi Jinping"])
    ]


def test_a_video_teleconference_is_a_video_meeting_without_a_place():
    text = (
        "WASHINGTON — Defense Secretary Lloyd Austin held a video teleconference with "
        "Chinese Defense Minister Wei Fenghe on April 20, 2021."
    )
    assert [m[0] for m in meetings(text)] == ["video"] and meetings(text)[0][3] is None


def test_traditional_chinese_meetings_are_read_like_simplified_ones():
    simplified = "美国财长贝森特将于3月15日在法国巴黎会见中国国务院副总理何立峰。"
    traditional = "美國財長貝森特將於3月15日在法國巴黎會見中國國務院副總理何立峰。"
    expected = [
        ("in_person", "planned", dt.date(2026, 3, 15), "Paris", ["He Lifeng", "Scott Bessent"])
    ]
    assert meetings(simplified, dt.date(2026, 3, 10)) == expected
    assert meetings(traditional, dt.date(2026, 3, 10)) == expected


def test_a_postponement_cancels_the_visit_it_names():
    text = (
        "Secretary of State Antony Blinken announced the postponement of his visit to Beijing, "
        "where he had been scheduled to meet Foreign Minister Wang Yi on February 5, 2023."
    )
    assert [m[1] for m in meetings(text, dt.date(2023, 2, 3))] == ["cancelled"]


def test_participants_keep_the_titles_their_document_gives_them():
    text = (
        "SINGAPORE — U.S. Defense Secretary Lloyd Austin met China's Defense Minister Admiral "
        "Dong Jun on the sidelines of the Shangri-La Dialogue on May 31, 2024."
    )
    [meeting] = analyze(text).meetings
    written = {name: p.written_title for name, p in meeting.participants.items()}
    assert written == {"Lloyd Austin": "Defense Secretary", "Dong Jun": "Defense Minister Admiral"}
    roles = {name: p.title for name, p in meeting.participants.items()}
    assert roles["Lloyd Austin"] == "Secretary of Defense"


def test_titles_joined_by_and_are_written_together():
    text = "State Councilor and Foreign Minister Wang Yi met Secretary of State Antony Blinken in Bali on July 9, 2022."
    [meeting] = analyze(text).meetings
    assert meeting.participants["Wang Yi"].written_title == "State Councilor and Foreign Minister"


def test_a_refusal_named_as_a_noun_cancels_the_meeting():
    text = (
        "Defense Secretary Lloyd Austin said he regretted Defense Minister Dong Jun's refusal "
        "to meet him in Vientiane on July 27, 2024."
    )
    assert [m[1] for m in meetings(text, dt.date(2024, 7, 28))] == ["cancelled"]


def test_luxembourg_places_a_meeting():
    text = "Jake Sullivan met Yang Jiechi in Luxembourg on June 13, 2022."
    assert [m[3] for m in meetings(text)] == ["Luxembourg"]


def test_the_weekday_of_a_refusal_told_in_the_past_is_behind_the_story():
    text = (
        "VIENTIANE — During a Wednesday press conference, Defense Secretary Lloyd Austin said "
        "he regretted Defense Minister Dong Jun's refusal to meet on Wednesday."
    )
    [meeting] = meetings(text, dt.date(2024, 11, 21))
    assert meeting[1:3] == ("cancelled", dt.date(2024, 11, 20))


def test_the_weekday_of_a_called_off_plan_is_ahead():
    text = "China called off talks between Blinken and Wang Yi that were scheduled for Friday."
    [meeting] = meetings(text, dt.date(2023, 2, 1))
    assert meeting[1:3] == ("cancelled", dt.date(2023, 2, 3))


def test_a_meeting_dated_after_the_story_is_still_planned():
    text = (
        "MR ORTIZ: Thanks. President Xi Jinping and President Biden hold their summit in "
        "Lima tomorrow, and it will run two days.\n\nQUESTION: And then?\n\n"
        "MR ORTIZ: Then we will see."
    )
    (meeting,) = analyze(text, dt.date(2023, 11, 14)).meetings
    assert (meeting.status, meeting.start_date) == ("planned", dt.date(2023, 11, 15))


def test_an_overture_to_meet_is_a_plan_and_in_a_story_of_refusal_the_refused_meeting():
    asked = "Blinken asked to meet Wang Yi in Jakarta next week."
    assert [m[1] for m in meetings(asked, dt.date(2023, 7, 5))] == ["planned"]
    refused = (
        "Wang Yi declined to meet Blinken in Jakarta. Blinken had reached out to meet Wang Yi "
        "during the forum."
    )
    assert {m[1] for m in meetings(refused, dt.date(2023, 7, 14))} == {"cancelled"}


def test_the_cues_with_names_a_participant_past_a_phrase_that_looks_like_a_clause():
    text = "President Joe Biden held a long phone call after landing in Lima with President Xi Jinping."
    assert meetings(text, dt.date(2022, 11, 20))[0][4] == ["Joe Biden", "Xi Jinping"]


def test_who_says_that_others_met_is_not_in_their_meeting():
    text = "Blinken said that President Xi Jinping and President Joe Biden met in Lima."
    assert meetings(text, dt.date(2024, 2, 17))[0][4] == ["Joe Biden", "Xi Jinping"]
    own = "Blinken said that he met Wang Yi in Beijing on Monday."
    assert meetings(own, dt.date(2024, 2, 17))[0][4] == ["Antony Blinken", "Wang Yi"]


def test_a_document_signed_by_both_sides_is_their_meeting_and_one_side_alone_is_none():
    both = (
        "The accord was signed by Secretary Blinken and Foreign Minister Wang Yi on March 3, 2023."
    )
    assert meetings(both, dt.date(2023, 3, 4)) == [
        ("in_person", "held", dt.date(2023, 3, 3), None, ["Antony Blinken", "Wang Yi"])
    ]
    one = "The order was signed by Secretary Blinken on March 3, 2023."
    assert meetings(one, dt.date(2023, 3, 4)) == []


def test_a_call_on_a_day_of_the_month_after_the_story_is_planned():
    text = "布林肯21日与王毅通话时将讨论签证问题。"
    assert [(m[0], m[1], m[2]) for m in meetings(text, dt.date(2023, 6, 17))] == [
        ("call", "planned", dt.date(2023, 6, 21))
    ]


def test_who_is_told_of_a_postponed_trip_is_not_on_it():
    text = (
        "Blinken said he had told Foreign Minister Wang Yi that he would postpone his "
        "visit to Beijing."
    )
    assert [(m[1], m[4]) for m in meetings(text, dt.date(2023, 3, 10))] == [
        ("cancelled", ["Antony Blinken"])
    ]


def test_a_named_gathering_where_people_were_is_no_meeting_between_them():
    text = (
        "Photographs from Friday show President Joe Biden and Chinese President Xi Jinping "
        "at the APEC Lima Summit."
    )
    assert meetings(text, dt.date(2024, 11, 16)) == []


def test_a_call_held_is_a_call():
    text = "President Joe Biden held a call with Chinese President Xi Jinping on Tuesday."
    assert meetings(text, dt.date(2024, 4, 3))[0][:2] == ("call", "held")


def test_the_two_leaders_last_call_on_another_day_is_a_call_of_its_own():
    text = (
        "President Joe Biden held a call with Chinese President Xi Jinping on Tuesday. "
        "The two leaders last spoke on January 9."
    )
    found = meetings(text, dt.date(2024, 4, 3))
    assert [(kind, day) for kind, _, day, _, _ in found] == [
        ("call", dt.date(2024, 4, 2)),
        ("call", dt.date(2024, 1, 9)),
    ]


def test_the_day_of_a_press_conference_is_not_the_day_of_the_visit_it_postpones():
    text = (
        "At a press conference on March 3, Secretary of State Antony Blinken said he would "
        "postpone his visit to China."
    )
    (visit,) = analyze(text, dt.date(2023, 3, 4)).meetings
    assert (visit.status, visit.start_date, visit.country) == ("cancelled", None, "CN")


def test_a_readouts_today_is_the_date_line_above_it_not_the_pages_date():
    text = (
        "Readout of the Envoys' Meeting\nMarch 4, 2022\n\nMARCH 03, 2022\n\n"
        "Secretary of State Antony Blinken today met Foreign Minister Wang Yi in Oslo."
    )
    (meeting,) = analyze(text, dt.date(2022, 3, 4)).meetings
    assert meeting.start_date == dt.date(2022, 3, 3)


def test_each_mention_says_how_the_text_told_it():
    def found(text):
        return [m.found_by for m in extract_text(text, dt.date(2031, 5, 9)).meetings]

    told = "Envoys meet\n\nSecretary of State Antony Blinken met Foreign Minister Wang Yi in Oslo on Friday.\n"
    assert found(told) == ["cue"]
    weak = (
        "Envoys speak\n\nSecretary of State Antony Blinken spoke with Foreign Minister Wang Yi"
        " on Friday, officials said.\n"
    )
    assert found(weak) == ["weak_cue"]
    titled = (
        "Remarks by Secretary Blinken and Foreign Minister Wang Yi Before Their Meeting\n\n"
        "SECRETARY BLINKEN: Thank you for coming, Minister.\n\n"
        "FOREIGN MINISTER WANG: Thank you, Mr. Secretary.\n"
    )
    assert found(titled)[0] == "title"
