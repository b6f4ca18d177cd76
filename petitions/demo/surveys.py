"""Demo surveys: one open to signed-in citizens, one closed anonymous one with public results."""

from datetime import timedelta

from django.utils import timezone

from petitions.models import Survey, SurveyAnswer, SurveyQuestion
from petitions.services.surveys import answering, building, review
from portal.models import User

Kind = SurveyQuestion.Kind


def seed_surveys() -> None:
    head = User.objects.filter(username="head_market").first()
    operator = User.objects.filter(username="operator").first()
    citizens = list(User.objects.filter(kind=User.Kind.CITIZEN).order_by("id")[:2])
    if head is None or operator is None or not citizens or Survey.objects.exists():
        return
    _seed_open(head, citizens)
    _seed_closed(head, operator)


def _questions(head, survey, questions) -> list[SurveyQuestion]:
    return [
        building.question_add(actor=head, survey=survey, draft=building.QuestionDraft(**fields))
        for fields in questions
    ]


def _seed_open(head, citizens) -> None:
    now = timezone.now()
    survey = building.survey_save(
        actor=head,
        draft=building.SurveyDraft(
            title="农贸市场服务满意度调查",
            intro="为改进农贸市场管理，请您花两分钟填写本问卷。",
            opens_at=now - timedelta(days=3),
            closes_at=now + timedelta(days=27),
            anonymous=False,
            results_public=True,
        ),
    )
    building.section_add(actor=head, survey=survey, title="基本情况")
    how_often, rating, wishes = _questions(
        head,
        survey,
        [
            {
                "kind": Kind.SINGLE,
                "text": "您多久去一次农贸市场？",
                "choices": ["每天", "每周", "很少"],
            },
            {"kind": Kind.RATING, "text": "您对市场卫生状况的评分"},
            {
                "kind": Kind.MULTIPLE,
                "text": "您希望改进哪些方面？",
                "required": False,
                "choices": ["停车", "价格公示", "营业时间", "卫生"],
            },
        ],
    )
    building.survey_publish(actor=head, survey=survey, at=now - timedelta(days=3))
    choices = [
        list(question.choices.values_list("pk", flat=True)) for question in (how_often, wishes)
    ]
    for index, citizen in enumerate(citizens):
        answering.survey_answer(
            actor=citizen,
            survey=survey,
            answers={
                how_often.pk: [choices[0][index]],
                rating.pk: 4 - index,
                wishes.pk: choices[1][index : index + 2],
            },
            at=now - timedelta(days=2 - index),
        )


def _seed_closed(head, operator) -> None:
    now = timezone.now()
    opens_at = now - timedelta(days=60)
    survey = building.survey_save(
        actor=head,
        draft=building.SurveyDraft(
            title="食品安全宣传周活动效果调查",
            intro="匿名调查，无需登录。",
            opens_at=opens_at,
            closes_at=now - timedelta(days=30),
            anonymous=True,
            results_public=True,
        ),
    )
    known, score, remark = _questions(
        head,
        survey,
        [
            {
                "kind": Kind.SINGLE,
                "text": "您是否了解本次宣传周活动？",
                "choices": ["了解", "不了解"],
            },
            {"kind": Kind.RATING, "text": "活动效果评分", "scale_max": 5},
            {"kind": Kind.TEXT, "text": "您的意见和建议", "required": False},
        ],
    )
    building.survey_publish(actor=head, survey=survey, at=opens_at)
    yes, no = known.choices.values_list("pk", flat=True)
    remarks = ["希望多进社区宣传。", "建议联系我：13912345678，我可以当志愿者。", ""]
    for index in range(6):
        answers = {known.pk: [yes if index % 3 else no], score.pk: 3 + index % 3}
        if remarks[index % 3]:
            answers[remark.pk] = remarks[index % 3]
        answering.survey_answer(
            actor=None,
            survey=survey,
            answers=answers,
            anon_key=answering.anonymous_key(
                survey=survey, device=f"demo-device-{index}", address="192.0.2.10"
            ),
            at=opens_at + timedelta(days=1 + index),
        )
    building.survey_close(actor=head, survey=survey, at=now - timedelta(days=30))
    pending = SurveyAnswer.objects.filter(
        response__survey=survey, moderation=SurveyAnswer.Moderation.PENDING
    ).order_by("id")
    # Two passed (one with its phone number masked), the rest left for the demo moderator.
    for answer in pending[:2]:
        review.answer_text_pass(actor=operator, answer=answer)
