"""The pillars' settings: domain defaults, statutory limits and their beat entries.

Imported at the end of `portal.settings`; each value can be overridden from the environment
where it reads `env`. Beat entries go into `PILLAR_BEAT_SCHEDULE`, merged into the schedule there.
"""

from datetime import timedelta

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from portal import env

PILLAR_BEAT_SCHEDULE = {}

# --- Domain defaults (each can be overridden per catalogue item or category) ------------------

PORTAL_NAME = _("青山县人民政府门户网站")
# Site-wide search (全网信息检索) is served by the disclosure pillar; the shell only links to it.
PORTAL_SEARCH_URL = "/disclosure/search/"

# Pillars, in the order their sections appear on the home page, my account and the workbench.
PORTAL_PILLARS = ["disclosure", "approvals", "petitions", "evaluation", "supervision"]

# --- Petitions (投诉举报 / 12345) ---------------------------------------------------------------

# The department of the 12345 hotline office: dispatch and review clocks run against it.
PETITIONS_HOTLINE_DEPARTMENT = env.text("PETITIONS_HOTLINE_DEPARTMENT", "gov-office")
# 纪委监委: reports about an official or unit go here, never to that unit or one above it.
PETITIONS_DISCIPLINE_DEPARTMENT_CODE = env.text(
    "PETITIONS_DISCIPLINE_DEPARTMENT_CODE", "discipline"
)
# 信访工作条例: 复查/复核 are requested within 30 days of the opinion and decided within 30 days.
PETITIONS_REVIEW_REQUEST_DAYS = 30
PETITIONS_REVIEW_DECIDE_DAYS = 30
# Wrong query codes allowed per address and hour before the tracking form refuses (brute force).
PETITIONS_TRACK_ATTEMPTS_PER_HOUR = env.integer("PETITIONS_TRACK_ATTEMPTS_PER_HOUR", 20)
# Complaints filed without an account per client address and hour (a flood costs nothing else);
# generous, since a township office or a public Wi-Fi shares one address.
PETITIONS_ANONYMOUS_FILINGS_PER_HOUR = env.integer("PETITIONS_ANONYMOUS_FILINGS_PER_HOUR", 10)
# Comments and suggestions a signed-in citizen may send per hour (a known account, still a flood).
PETITIONS_PARTICIPATION_WRITES_PER_HOUR = env.integer("PETITIONS_PARTICIPATION_WRITES_PER_HOUR", 10)
# Answers to anonymous surveys per client address and hour: a village office or a school shares
# one address, so higher than filings; each device still answers a survey once.
PETITIONS_SURVEY_ANSWERS_PER_HOUR = env.integer("PETITIONS_SURVEY_ANSWERS_PER_HOUR", 30)
# Daily: a consultation closed 30 days without its adoption feedback (采纳情况反馈) raises an alert.
PILLAR_BEAT_SCHEDULE["petitions-consultation-feedback"] = {
    "task": "petitions.tasks.check_consultation_feedback",
    "schedule": crontab(hour=2, minute=30),
}
# Messages (留言): the department answers within this many working days; per-category overrides
# as "category:days" pairs, e.g. "consultation:3,help:5" (categories: consultation, suggestion,
# help, other).
PETITIONS_MESSAGE_REPLY_WORKDAYS = env.integer("PETITIONS_MESSAGE_REPLY_WORKDAYS", 5)
PETITIONS_MESSAGE_REPLY_LIMITS = {
    category: int(days)
    for category, _sep, days in (
        pair.partition(":") for pair in env.words("PETITIONS_MESSAGE_REPLY_LIMITS")
    )
    if days.strip().isdigit()
}
# Whether a message may be written without an account (followed with its number and query code).
PETITIONS_MESSAGES_ANONYMOUS = env.flag("PETITIONS_MESSAGES_ANONYMOUS", True)
# 国办秘函〔2019〕19号: a valid message unanswered for more than this many months fails the inspection.
PETITIONS_MESSAGE_HARD_LINE_MONTHS = 3
# Daily: raise the serious alert, once per message, for valid messages past the 3-month line.
PILLAR_BEAT_SCHEDULE["petitions-message-hard-line"] = {
    "task": "petitions.tasks.check_message_hard_line",
    "schedule": crontab(hour=2, minute=40),
}
# Monitors (发展环境网络监测员): on the first three days of a month (a worker down on the 1st still
# catches up; the alert is once per monitor and month), alert on monitors who filed no report
# of the previous month.
PILLAR_BEAT_SCHEDULE["petitions-monitor-reports"] = {
    "task": "petitions.tasks.check_monitor_reports",
    "schedule": crontab(day_of_month="1-3", hour=2, minute=50),
}
# Democratic appraisal (民主评议政风行风): points per grade; 不了解 counts in no denominator.
PETITIONS_APPRAISAL_GRADE_POINTS = {"satisfied": 100, "fairly_satisfied": 80, "unsatisfied": 0}
# Weight of each dimension in a department's overall score (equal by default).
PETITIONS_APPRAISAL_DIMENSION_WEIGHTS = {
    "duties": 1,
    "enforcement": 1,
    "openness": 1,
    "efficiency": 1,
    "service": 1,
    "integrity": 1,
}
# A department scoring below this when a round closes gets a supervision alert (at it: none).
PETITIONS_APPRAISAL_ALERT_SCORE = env.integer("PETITIONS_APPRAISAL_ALERT_SCORE", 80)
# Ballots that graded a department (anything but 不了解) before its score counts and ranks.
PETITIONS_APPRAISAL_MIN_RESPONSES = env.integer("PETITIONS_APPRAISAL_MIN_RESPONSES", 10)

# --- Supervision (电子监察) --------------------------------------------------------------------

# Yellow when this share of the limit has elapsed or this many days are left, whichever comes
# first ("remaining_days" applies to day limits longer than it; a day clock turns yellow at 00:00 of
# its first yellow day). Override per clock kind, e.g. "petitions.reply".
SUPERVISION_YELLOW_RULES = {"default": {"elapsed_share": 0.9, "remaining_days": 1}}
# Still red this many working days after the supervision notice: second grade (通报).
SUPERVISION_SECOND_GRADE_WORKDAYS = 5

# --- Disclosure (政务公开) ----------------------------------------------------------------------

# Proactive disclosure (主动公开).
# Daily, early morning: alerts for stale columns and articles not online within 20 WD (条例 Art 26).
PILLAR_BEAT_SCHEDULE["disclosure-check-columns"] = {
    "task": "disclosure.tasks.check_disclosure_columns",
    "schedule": crontab(hour=2, minute=0),
}

# Disclosure on request (依申请公开).
# The office that receives and answers requests (政府信息公开工作机构), by department code.
DISCLOSURE_REQUESTS_OFFICE = env.text("DISCLOSURE_REQUESTS_OFFICE", "gov-office")
# 条例 Art 33: answer within 20 WD of receipt; one extension of at most 20 WD.
DISCLOSURE_REQUESTS_ANSWER_WORKDAYS = 20
DISCLOSURE_REQUESTS_MAX_EXTENSION_WORKDAYS = 20
# Art 30: the supplement notice goes out within 7 WD of receipt; the applicant then has this
# many WD to supply (the law leaves it to the notice) before the request counts as abandoned.
DISCLOSURE_REQUESTS_SUPPLEMENT_NOTICE_WORKDAYS = 7
DISCLOSURE_REQUESTS_SUPPLEMENT_WORKDAYS = env.integer("DISCLOSURE_REQUESTS_SUPPLEMENT_WORKDAYS", 15)
# Art 32: a consulted third party has 15 WD; the answer clock resumes when they run out.
DISCLOSURE_REQUESTS_CONSULTATION_WORKDAYS = 15
# Supplements not made in time (视为放弃) and third-party consultations that ran out.
PILLAR_BEAT_SCHEDULE["disclosure-requests-deadlines"] = {
    "task": "disclosure.tasks.request_deadlines",
    "schedule": timedelta(minutes=10),
}

# --- Approvals (网上审批) ----------------------------------------------------------------------

# 行政许可法 Art 42: 20 WD from acceptance, joint handling 45; one extension of 10 (joint 15).
APPROVALS_DECISION_DAYS = 20
APPROVALS_JOINT_DAYS = 45
APPROVALS_EXTENSION_DAYS = 10
APPROVALS_JOINT_EXTENSION_DAYS = 15
# 行政许可法 Art 44: the certificate is issued and delivered within 10 WD of an approval; a
# process's finish step (办结) may give no more.
APPROVALS_DELIVERY_DAYS = 10
# 国办发〔2019〕51号: the unit answers a bad rating within this many working days.
APPROVALS_RECTIFICATION_WORKDAYS = env.integer("APPROVALS_RECTIFICATION_WORKDAYS", 5)
# The readable prefix of case numbers (办件编号), e.g. QS2026112300123.
APPROVALS_NUMBER_PREFIX = "QS"
# 行政许可法 Art 32: the one-time notice comes within 5 WD of receipt, or the case counts as
# accepted on receipt (the beat entry `approvals-deem-accepted` applies it).
APPROVALS_ACCEPTANCE_DAYS = 5
# Failed number + query-code look-ups per client and hour on the public tracking page.
APPROVALS_TRACK_ATTEMPTS_PER_HOUR = env.integer("APPROVALS_TRACK_ATTEMPTS_PER_HOUR", 20)

# --- Evaluation (效能网上测评) -------------------------------------------------------------------

# DOMAIN.md §4 warning thresholds (dissatisfied votes): month 10/20/40, year 40/80/120.
EVALUATION_THRESHOLDS = {
    "month": {"III": 10, "II": 20, "I": 40},
    "year": {"III": 40, "II": 80, "I": 120},
}
# Whether citizens may rate without signing in; anonymous votes are rate-limited per client.
EVALUATION_ANONYMOUS_VOTING = env.flag("EVALUATION_ANONYMOUS_VOTING", True)
# Anonymous votes allowed per client address: (votes, window in seconds).
EVALUATION_ANONYMOUS_RATE = (
    env.integer("EVALUATION_ANONYMOUS_RATE_VOTES", 5),
    env.integer("EVALUATION_ANONYMOUS_RATE_SECONDS", 3600),
)
