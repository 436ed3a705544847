"""Agreed and discussed outcomes, their categories and topics."""

import datetime as dt

from etl.extract.outcome_categories import category
from tests.support import DOCS, analyze


def outcomes(text, published=None):
    return [
        (o.record.category, o.record.status, o.record.description)
        for o in analyze(text, published).outcomes
    ]


def test_an_enumeration_after_agreed_to_is_split():
    text = (
        "Blinken met Qin Gang in Beijing on June 18, 2023. The two sides agreed to continue "
        "consultations on guiding principles, to establish a joint working group on specific issues, "
        "and to promote people-to-people exchanges."
    )
    assert outcomes(text) == [
        ("talks", "agreed", "agreed to continue consultations on guiding principles"),
        ("working_group", "agreed", "agreed to establish a joint working group on specific issues"),
        ("commitment", "agreed", "agreed to promote people-to-people exchanges"),
    ]


def test_a_second_action_joined_by_and_is_a_result_of_its_own():
    text = (
        "Ito met Wang Yi in Tokyo on May 2, 2024. The two ministers agreed on Friday to reopen "
        "the consulates in both cities and ease visa rules for students."
    )
    assert outcomes(text) == [
        ("commitment", "agreed", "agreed on Friday to reopen the consulates in both cities"),
        ("commitment", "agreed", "agreed on Friday to ease visa rules for students"),
    ]


def test_a_series_of_actions_and_a_short_second_action_stay_one_result():
    series = (
        "Ito met Wang Yi in Tokyo on May 2, 2024. The two sides agreed to deepen trust, "
        "manage their differences and expand cooperation."
    )
    assert [d for _, _, d in outcomes(series)] == [
        "agreed to deepen trust, manage their differences and expand cooperation"
    ]
    short = "Ito met Wang Yi in Tokyo on May 2, 2024. The two sides agreed to meet and cooperate."
    assert len(outcomes(short)) == 1
    nouns = (
        "Ito met Wang Yi in Tokyo on May 2, 2024. The two sides agreed to expand trade and "
        "investment in green industries."
    )
    assert len(outcomes(nouns)) == 1


def test_views_exchanged_and_a_joint_affirmation_are_two_results():
    text = (
        "Ito met Wang Yi in Tokyo on May 2, 2024. The two sides exchanged views on the Middle "
        "East and affirmed that their envoys should meet again in June."
    )
    assert outcomes(text) == [
        ("other", "discussed", "exchanged views on the Middle East"),
        ("commitment", "agreed", "affirmed that their envoys should meet again in June"),
    ]


def test_categories_come_from_what_was_agreed():
    assert category("agreed to hold talks on consular missions", "AGREED") == "talks"
    assert category(
        "expressed the hope to continue high-level strategic communication", "HOPE"
    ) == ("dialogue_mechanism")
    assert category("agreed to establish a military communication channel", "AGREED") == (
        "dialogue_mechanism"
    )
    assert category("Blinken invited Wang Yi to visit Washington", "INVITED") == "invitation"
    assert category("discussed visa policies", "DISCUSSED") == "other"
    assert (
        category("will step up coordination and consultation in the G20", "AGREED") == "commitment"
    )
    assert category('agreed to launch "intensive exchanges" on balanced growth', "AGREED") == (
        "dialogue_mechanism"
    )
    assert category("agreed to establish a dialogue on artificial intelligence", "AGREED") == (
        "dialogue_mechanism"
    )


def test_the_two_heads_of_state_are_a_joint_subject():
    text = (
        "Xi held talks with Biden in Woodside on Nov. 15, 2023. The two heads of state agreed to "
        "resume military-to-military communication."
    )
    assert outcomes(text) == [
        ("commitment", "agreed", "agreed to resume military-to-military communication")
    ]


def test_readouts_yield_outcomes_with_topics_for_their_meeting():
    text = (DOCS / "mfa_readout.txt").read_text(encoding="utf-8")
    found = analyze(text).outcomes
    assert {o.meeting for o in found} == {0}
    assert [(o.record.category, o.record.status, o.record.topic) for o in found] == [
        ("commitment", "agreed", None),
        ("commitment", "agreed", None),
        ("other", "discussed", "taiwan"),
        ("invitation", "agreed", None),
    ]


def test_one_sided_positions_are_not_agreed_outcomes():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023.\n\n"
        "China is committed to peaceful development. Blinken discussed the fentanyl crisis with reporters."
    )
    assert outcomes(text) == []


def test_the_same_result_reported_twice_in_a_document_is_one_outcome():
    text = (
        "Blinken met Qin Gang in Beijing on June 18, 2023. The parties agreed to address certain issues "
        "with a joint working group. The parties agreed to decipher certain issues with a joint working group."
    )
    assert len(outcomes(text)) == 1


def test_headlines_do_not_yield_outcomes():
    text = "US AND CHINA AGREED TO RESUME MILITARY TALKS\n\nBlinken met Wang Yi in Beijing on June 18, 2023."
    assert outcomes(text) == []


def test_korean_outcomes_take_the_clause_before_the_verb():
    text = (
        "블링컨 국무장관은 18일 베이징에서 왕이 외교부장과 회담했다.\n\n"
        "양측은 마약 문제에 관한 공동 워킹그룹을 설립하기로 합의했다."
    )
    [outcome] = analyze(text, dt.date(2023, 6, 19)).outcomes
    assert outcome.record.category == "working_group"
    assert outcome.record.description.startswith("양측은 마약 문제에 관한 공동 워킹그룹을")


def test_the_same_result_in_two_languages_is_one_outcome_described_in_english():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023.\n\n"
        "양측이 기후변화에 관한 공동 워킹그룹을 설립할 것이라고 밝힘.\n\n"
        "The two sides agreed to establish a joint working group on climate change."
    )
    [outcome] = analyze(text).outcomes
    assert (
        outcome.record.description == "agreed to establish a joint working group on climate change"
    )
    assert outcome.record.topic == "climate-change"


def test_one_government_binding_itself_is_an_agreed_outcome_but_an_opinion_is_not():
    text = (
        "Trump met Xi Jinping in Busan on Oct. 30, 2025. China agreed to pause its export "
        "controls on rare earths for one year, the commerce ministry said. Xi agreed that the "
        "relationship matters."
    )
    assert outcomes(text) == [
        ("commitment", "agreed", "agreed to pause its export controls on rare earths for one year")
    ]


def test_a_named_source_after_the_outcome_is_not_part_of_it():
    text = (
        "Biden and Xi held a virtual summit on Nov. 15, 2021. The two agreed to look into arms "
        "control talks, U.S. national security adviser Jake Sullivan said."
    )
    assert [o[2] for o in outcomes(text)] == ["agreed to look into arms control talks"]


def test_a_clause_with_its_own_subject_ends_the_outcome():
    text = (
        "Xi spoke with Biden by phone on April 2, 2024. The two presidents agreed that their teams "
        "will maintain communication, and Xi welcomed Secretary Yellen to visit China."
    )
    assert [o[2] for o in outcomes(text)] == ["agreed that their teams will maintain communication"]


def test_an_accepted_invitation_after_and_a_named_subject_is_an_outcome_of_its_own():
    text = (
        "Treasury Secretary Janet Yellen held a video call with Vice Premier He Lifeng on "
        "Feb. 22, 2024. The two officials agreed to continue communication through the working "
        "groups and Secretary Yellen accepted an invitation to visit China."
    )
    assert [(o[0], o[2]) for o in outcomes(text)] == [
        ("working_group", "agreed to continue communication through the working groups"),
        ("invitation", "Secretary Yellen accepted an invitation to visit China"),
    ]
    no_subject = (
        "Biden met Xi Jinping in Woodside on Nov. 15, 2023. The two leaders agreed to expand "
        "flights and Student exchanges grew."
    )
    assert [o[2] for o in outcomes(no_subject)] == [
        "agreed to expand flights and Student exchanges grew"
    ]


def test_each_chinese_invitation_is_its_own_clause():
    text = (
        "国家主席习近平6月5日同美国总统特朗普通电话。特朗普再次邀请习近平访问美国，"
        "习近平对此表示感谢，并邀请特朗普访华。"
    )
    assert [(o[0], o[2]) for o in outcomes(text, dt.date(2025, 6, 5))] == [
        ("invitation", "特朗普再次邀请习近平访问美国"),
        ("invitation", "邀请特朗普访华"),
    ]


def test_a_visit_at_someones_invitation_is_not_an_invitation_agreed():
    chinese = "应外交部长王毅邀请，美国国务卿布林肯于4月24日至26日访华。王毅将同布林肯举行会谈。"
    assert outcomes(chinese, dt.date(2024, 4, 24)) == []
    korean = "블링컨 장관은 왕이 부장의 초청으로 중국을 방문해 왕이 부장과 회담했다."
    assert outcomes(korean, dt.date(2024, 4, 26)) == []


def test_in_a_transcript_only_what_we_agreed_is_an_outcome():
    text = (
        "THE PRESIDENT: I just concluded meetings with President Xi Jinping. We agreed to "
        "resume military-to-military communication. I hope Congress agreed to fund it.\n\n"
        "Q: Did you agree on Taiwan?"
    )
    assert [o[2] for o in outcomes(text, dt.date(2023, 11, 15))] == [
        "agreed to resume military-to-military communication"
    ]


def test_a_briefers_account_of_what_the_two_leaders_did_is_an_outcome():
    text = (
        "Background Press Call on the President's Call with President Xi\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: Thanks, everyone. President Biden spoke with "
        "President Xi Jinping this morning. The two leaders discussed export controls on "
        "advanced chips at some length.\n\n"
        "Q: Did the two leaders discuss Taiwan?"
    )
    assert [o[:2] for o in outcomes(text, dt.date(2024, 4, 3))] == [("other", "discussed")]


def test_a_participant_telling_what_others_agreed_gives_no_outcome_of_this_meeting():
    text = (
        "SECRETARY BLINKEN: I met Foreign Minister Wang Yi today in Lima. The two heads of "
        "state agreed last year to expand student exchanges."
    )
    assert outcomes(text, dt.date(2024, 11, 16)) == []


def test_an_outcome_ends_where_its_occasion_begins():
    text = (
        "Defense Secretary Pete Hegseth met Dong Jun in Kuala Lumpur on Nov. 1, 2025. "
        "The two sides agreed to establish military-to-military channels, following a meeting "
        "on the sidelines of a regional forum."
    )
    assert [o[2] for o in outcomes(text)] == ["agreed to establish military-to-military channels"]


def test_korean_resolved_to_do_is_agreed():
    text = (
        "트럼프 대통령은 5일 시진핑 국가주석과 전화 통화를 했다. "
        "두 정상은 서로의 나라를 방문하기로 했으며, 무역팀이 곧 만날 예정이다."
    )
    assert outcomes(text, dt.date(2025, 6, 6)) == [
        ("commitment", "agreed", "두 정상은 서로의 나라를 방문하기로 했으며")
    ]


def test_deals_struck_and_reached_are_agreed():
    text = (
        "Treasury Secretary Janet Yellen met Vice Premier He Lifeng in Lisbon on May 11, 2023. "
        "The two sides struck a deal to lower port fees for ninety days."
    )
    assert ("commitment", "agreed") in {o[:2] for o in outcomes(text)}
    assert any("lower port fees" in o[2] for o in outcomes(text))


def test_a_day_between_agreed_and_to_keeps_the_cue():
    text = (
        "Secretary of State Antony Blinken met Foreign Minister Wang Yi in Lima on Nov. 16, "
        "2024. The two ministers agreed on Saturday to resume their fisheries talks."
    )
    assert [o[:2] for o in outcomes(text)] == [("talks", "agreed")]


def test_an_exchange_of_views_is_discussed():
    text = (
        "Blinken met Wang Yi in Oslo on March 3, 2022. The two sides also exchanged views "
        "on the situation in the Arctic."
    )
    assert outcomes(text) == [
        ("other", "discussed", "exchanged views on the situation in the Arctic")
    ]


def test_officials_of_both_countries_are_a_joint_subject():
    text = (
        "Lighthizer met Vice Premier Liu He in Beijing on February 15, 2019. U.S. and Chinese "
        "officials agreed to record any commitments in memoranda of understanding."
    )
    assert [o[:2] for o in outcomes(text)] == [("commitment", "agreed")]


def test_one_side_reiterating_its_position_is_no_outcome():
    text = (
        "Blinken met Wang Yi in Jakarta on July 13, 2023. The Secretary reiterated that the "
        "United States will defend its interests."
    )
    assert outcomes(text) == []


def test_traditional_chinese_agreements_are_read_like_simplified_ones():
    text = "美國財長貝森特3月15日在巴黎會見中國副總理何立峰。雙方同意繼續就關稅問題進行磋商。"
    assert [o[:2] for o in outcomes(text, dt.date(2026, 3, 16))] == [("talks", "agreed")]


def test_what_was_discussed_in_the_passive_is_a_discussed_outcome():
    text = (
        "Sullivan met Wang Yi in Vienna on May 10, 2023. Cross-strait issues and the war in "
        "Ukraine were also discussed."
    )
    assert outcomes(text) == [
        ("other", "discussed", "Cross-strait issues and the war in Ukraine were also discussed")
    ]
    reported = (
        "Sullivan met Wang Yi in Vienna on May 10, 2023. An official said that export controls "
        "were discussed, including chips and critical minerals."
    )
    assert [o[2] for o in outcomes(reported)] == [
        "export controls were discussed, including chips and critical minerals"
    ]


def test_every_word_of_the_cue_patterns_is_a_string():
    """YAML reads a bare on, off, yes or no as a boolean, which no token matches
    (a token flag such as IS_SENT_START takes one on purpose)."""
    from etl.extract.nlp import load_yaml

    def booleans(node):
        if isinstance(node, bool):
            yield node
        elif isinstance(node, dict):
            for key, value in node.items():
                if not str(key).startswith(("IS_", "LIKE_")):
                    yield from booleans(value)
        elif isinstance(node, list):
            for value in node:
                yield from booleans(value)

    for name in ("cues.yaml", "speech_verbs.yaml", "titles.yaml", "particles.yaml", "lexicon.yaml",
                 "name_modifiers.yaml", "empty_objects.yaml", "abbreviations.yaml"):  # fmt: skip
        assert not list(booleans(load_yaml(name))), name


def test_one_government_binding_itself_in_korean_or_chinese_is_a_result():
    published = dt.date(2025, 5, 2)
    korean = (
        "블링컨 국무장관과 왕이 외교부장은 1일 베이징에서 회담했다. "
        "중국이 미국산 쌀 수입을 단계적으로 늘리기로 했다고 국무부가 밝혔다."
    )
    assert [s for _, s, _ in outcomes(korean, published)] == ["agreed"]
    chinese = "布林肯与王毅5月1日在北京举行会谈。中方同意逐步扩大美国大米进口。"
    assert [d for _, _, d in outcomes(chinese, published)] == ["同意逐步扩大美国大米进口"]


def test_an_earlier_meetings_decision_is_no_result_of_this_one():
    published = dt.date(2025, 5, 2)
    pluperfect = (
        "블링컨 국무장관과 왕이 외교부장은 1일 베이징에서 회담했다. "
        "양측은 작년 회담에서 어업 협정을 점검하기로 했었다."
    )
    assert outcomes(pluperfect, published) == []
    trade_agreement_noun = (
        "블링컨 국무장관과 왕이 외교부장은 1일 베이징에서 회담했다. "
        "양국은 작년 무역합의에 따라 관세를 조정해 왔다."
    )
    assert outcomes(trade_agreement_noun, published) == []
    had = (
        "Blinken met Wang Yi in Beijing on May 1, 2025. In 2023 the two sides had agreed to review "
        "the fisheries deal every year."
    )
    assert outcomes(had, published) == []


def test_one_person_agreeing_that_both_sides_should_act_is_a_joint_result():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. Blinken said ties matter and agreed "
        "that both sides should expand student exchanges."
    )
    assert [d for _, _, d in outcomes(text)] == [
        "agreed that both sides should expand student exchanges"
    ]
    opinion = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. Blinken agreed that talks were useful."
    )
    assert outcomes(opinion) == []


def test_an_empty_object_or_a_sentence_cut_off_by_the_excerpt_is_no_result():
    empty = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. The two sides also exchanged views on "
        "other issues of common concern."
    )
    assert outcomes(empty) == []
    cut = "Blinken met Wang Yi in Beijing on June 18, 2023. The two sides discussed trade and clim"
    assert outcomes(cut) == []


def test_what_the_meeting_itself_covered_was_discussed():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. The meeting, which both called frank, "
        "covered fentanyl trafficking and export controls."
    )
    assert outcomes(text) == [
        ("other", "discussed", "covered fentanyl trafficking and export controls")
    ]
    reporters = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. Reporters covered the visit closely."
    )
    assert outcomes(reporters) == []


def test_a_visit_a_leader_looks_forward_to_is_an_invitation_taken_up():
    text = (
        "Biden spoke by phone with Xi Jinping on Tuesday. Biden said he looked forward to "
        "visiting Beijing later this year."
    )
    assert outcomes(text, dt.date(2023, 5, 10)) == [
        ("invitation", "agreed", "looked forward to visiting Beijing later this year")
    ]


def test_a_condition_or_a_possibility_is_no_result():
    published = dt.date(2023, 5, 10)
    english = (
        "Biden spoke by phone with Xi Jinping on Tuesday. Officials said that if both sides "
        "agreed to resume military talks, tensions would ease."
    )
    assert outcomes(english, published) == []
    chinese = "拜登4月2日与习近平通电话。据悉，双方或会讨论关税和投资问题。"
    assert outcomes(chinese, published) == []


def test_a_standing_body_announced_at_the_meeting_is_a_result_and_nothing_else_launched_is():
    text = (
        "Blinken met Wang Yi in Beijing on June 18, 2023. Wang announced the launch of "
        "the China-U.S. Fisheries Working Group."
    )
    assert outcomes(text) == [
        (
            "working_group",
            "agreed",
            "announced the launch of the China-U.S. Fisheries Working Group",
        )
    ]
    other = "Blinken met Wang Yi in Beijing on June 18, 2023. China launched a weather satellite."
    assert outcomes(other) == []


def test_one_government_signing_on_a_day_binds_itself():
    text = (
        "Blinken met Wang Yi in Beijing on March 3, 2023. China on March 3 signed the "
        "second part of a fisheries accord with the United States."
    )
    assert [d for _, _, d in outcomes(text, dt.date(2023, 3, 4))] == [
        "signed the second part of a fisheries accord with the United States"
    ]


def test_a_participle_after_an_article_is_no_signing():
    text = (
        "Blinken met Wang Yi in Beijing on March 3, 2023. Blinken and Wang held up the signed "
        "accord for the cameras."
    )
    assert outcomes(text, dt.date(2023, 3, 4)) == []


def test_what_both_sides_stressed_is_no_result():
    text = (
        "Blinken met Wang Yi in Lima on Nov. 15, 2024. The two sides discussed the importance "
        "of keeping military channels open."
    )
    assert outcomes(text) == []


def test_a_chinese_result_keeps_the_object_named_before_its_verb():
    text = "2024年11月15日，布林肯在利马会见王毅。双方在渔业问题上达成协议。"
    assert [o[2] for o in outcomes(text)] == ["在渔业问题上达成协议"]


def test_both_sides_going_on_together_is_a_result_but_a_speakers_we_is_one_side():
    text = (
        "Blinken met Wang Yi in Lima on Nov. 15, 2024. Both sides will continue to consult "
        "on fishing quotas in the East China Sea."
    )
    assert [o[:2] for o in outcomes(text)] == [("commitment", "agreed")]
    turn = (
        "SECRETARY BLINKEN: I met Foreign Minister Wang Yi today. We will continue along "
        "this path with our partners."
    )
    assert outcomes(turn, dt.date(2024, 11, 15)) == []


def test_a_leader_announcing_his_decision_is_a_result_and_a_ministry_is_not():
    text = (
        "Biden met Xi Jinping in Lima on Nov. 16, 2024. Biden announced that the duties on "
        "Chinese fishing gear would be lifted next month."
    )
    assert any("fishing gear would be lifted" in o[2] for o in outcomes(text))
    ministry = (
        "Biden met Xi Jinping in Lima on Nov. 16, 2024. The commerce ministry announced that "
        "the duties on fishing gear would stay."
    )
    assert outcomes(ministry) == []


def test_a_chinese_cue_before_de_modifies_a_noun():
    text = "2024年11月16日，拜登在利马会见习近平。拜登说宣布的时机不好。"
    assert outcomes(text) == []
