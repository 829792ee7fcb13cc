"""Question-and-answer interviews: each answer paragraph after a question line is a
statement of the interviewee, until the next question or until narration resumes."""

from __future__ import annotations

from tests.seed.extract.helpers import brief


def test_answers_after_question_lines() -> None:
    text = (
        "Minister talks budget in interview\n"
        "Finance Minister Carla Ferreira sat down with the Herald this week.\n"
        "What do you make of the deficit?\n"
        "The deficit is a problem we inherited. Nobody should doubt that.\n"
        "Will taxes rise?\n"
        "No. We have no plans to raise income tax.\n"
        "We will look again in the spring.\n"
        "This interview has been edited for length and clarity.\n"
    )
    assert brief(text) == [
        (
            "Carla Ferreira",
            "direct",
            "The deficit is a problem we inherited. Nobody should doubt that",
        ),
        ("Carla Ferreira", "direct", "No. We have no plans to raise income tax"),
        ("Carla Ferreira", "direct", "We will look again in the spring"),
    ]


def test_labelled_questions_and_answers() -> None:
    text = (
        "Five questions for the new governor\n"
        'Governor Amara Okafor took office in March. "Prices will fall," Okafor said.\n'
        "Q: Is inflation under control?\n"
        "A: Not yet. Prices are still rising faster than wages.\n"
        "Look: we have raised rates four times this year.\n"
    )
    assert brief(text) == [
        ("Amara Okafor", "direct", '"Prices will fall,"'),
        ("Amara Okafor", "direct", "Not yet. Prices are still rising faster than wages"),
        (
            "Amara Okafor",
            "direct",
            "Look: we have raised rates four times this year",
        ),
    ]


def test_a_single_question_in_a_news_story_is_no_interview() -> None:
    text = (
        "Council approves budget\n"
        "The city council approved the budget on Tuesday.\n"
        "What happens next?\n"
        "The mayor must sign it within ten days.\n"
    )
    assert brief(text) == []


def test_the_interviewee_is_the_person_the_introduction_names_most() -> None:
    text = (
        "Interview: the envoy who wants a fair deal\n"
        "Prime Minister Rui Santos appointed Marta Vieira as climate envoy in 2023. Vieira, 51, "
        "has since visited 40 countries.\n"
        "What did you learn on your travels?\n"
        "That everyone agrees on the problem and nobody agrees on who pays.\n"
        "Is there still time?\n"
        "There is always time, but it is running out.\n"
    )
    assert brief(text) == [
        (
            "Marta Vieira",
            "direct",
            "That everyone agrees on the problem and nobody agrees on who pays",
        ),
        ("Marta Vieira", "direct", "There is always time, but it is running out"),
    ]


def test_labelled_answers_and_narration_after_the_last_answer() -> None:
    text = (
        "Minister on the sedition law\n"
        "Law Minister Rosa Almeida spoke to us in her office on Thursday.\n"
        "Q: Why only amendments now?\n"
        "Almeida: Because repeal without a replacement leaves a vacuum.\n"
        "Nobody should go to jail for saying the government is useless.\n"
        "Q: And if the amendments are delayed again?\n"
        "Almeida: Then you can come back here and ask me why.\n"
        '"We have heard promises of reform many times," opposition leader Tiago Cruz said.\n'
        "Related Articles\n"
    )
    assert brief(text) == [
        ("Rosa Almeida", "direct", "Because repeal without a replacement leaves a vacuum"),
        ("Rosa Almeida", "direct", "Nobody should go to jail for saying the government is useless"),
        ("Rosa Almeida", "direct", "Then you can come back here and ask me why"),
        ("Tiago Cruz", "direct", '"We have heard promises of reform many times,"'),
    ]


def test_a_writers_rhetorical_questions_are_no_interview() -> None:
    text = (
        "Budget analysis\n"
        'Finance Minister Carla Ferreira said the budget was "balanced".\n'
        "So what happens next?\n"
        "The budget goes to parliament in March.\n"
        "And who pays?\n"
        "Mostly the middle class, on current plans.\n"
    )
    assert [r[0] for r in brief(text)] == ["Carla Ferreira"]


def test_speech_reported_inside_an_answer_is_the_interviewees() -> None:
    text = (
        "Minister talks budget in interview\n"
        "Finance Minister Carla Ferreira spoke to the Herald this week.\n"
        "What did you tell your colleagues?\n"
        "I told the cabinet that the deficit would be closed by 2027.\n"
        "And what did they say?\n"
        "They agreed with me.\n"
    )
    assert brief(text) == [
        ("Carla Ferreira", "direct", "I told the cabinet that the deficit would be closed by 2027"),
        ("Carla Ferreira", "direct", "They agreed with me"),
    ]


def test_the_labelled_answer_names_the_interviewee_of_the_unlabelled_ones() -> None:
    text = (
        "Coalition talks: the deputy speaker on what comes next\n"
        "Rival leader Tomas Berg said on Monday that the talks were over.\n"
        "Deputy Speaker Ingrid Solheim spoke to us in Oslo about the coalition.\n"
        "Question: Are the talks over?\n"
        "Ingrid Solheim: Not at all. We meet again on Friday.\n"
        "Will you compromise on the budget?\n"
        "Our party leader has said very clearly that taxes will not rise. That has not changed.\n"
        "Your partners accuse you of arrogance.\n"
        "I understand the frustration. But we were elected on that promise.\n"
    )
    assert brief(text) == [
        ("Tomas Berg", "indirect", "the talks were over"),
        ("Ingrid Solheim", "direct", "Not at all. We meet again on Friday"),
        (
            "Ingrid Solheim",
            "direct",
            "Our party leader has said very clearly that taxes will not rise. That has not changed",
        ),
        ("Your partners", "indirect", "you of arrogance"),
        (
            "Ingrid Solheim",
            "direct",
            "I understand the frustration. But we were elected on that promise",
        ),
    ]
