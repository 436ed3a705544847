"""Korean officials named before their office, then by surname and office."""

import datetime as dt

from tests.support import quotes

STORY = (
    "왕웨이 중국 외교부 부부장은 3일 기자들에게 “양국은 솔직하고 깊이 있게 소통했다”고 말했다.\n"
    "왕 부부장은 또 “양국은 앞으로도 대화를 계속하겠다”고 밝혔다.\n"
    "그러나 트럼프 대통령은 “나는 지금은 중국과 대화하고 싶지 않다”고 말했다."
)


def test_a_name_before_its_office_and_particle_is_a_new_speaker():
    spoken = quotes(STORY, dt.date(2025, 6, 4))
    assert spoken[0] == ("왕웨이", "양국은 솔직하고 깊이 있게 소통했다")


def test_surname_and_office_later_name_the_same_person():
    assert quotes(STORY, dt.date(2025, 6, 4))[1] == ("왕웨이", "양국은 앞으로도 대화를 계속하겠다")


def test_an_adverb_before_a_known_name_is_no_name():
    assert quotes(STORY, dt.date(2025, 6, 4))[2] == (
        "Donald Trump",
        "나는 지금은 중국과 대화하고 싶지 않다",
    )
