"""Benchmark loader for `bench/bench_disclosure.py`: many published articles in one column, fast.

Rows are bulk-inserted (no history, no events: a benchmark measures reads) with the column's
tallies and the search index rows set directly, as the publishing service would leave them; the
caller fills the index rows' tsvectors (`bench_disclosure.vectorise`).
"""

from datetime import timedelta

from django.utils import timezone

from disclosure.models import Article, Column
from portal.models import Department
from portal.search.models import SearchEntry
from portal.search.words import segment

# The table the bench's bare page reads, for the latency comparison.
TABLE = "disclosure_article"
SLUG = "bench-news"
TOPICS = [
    "食品安全专项检查",
    "防汛防台工作部署",
    "安全生产大检查",
    "义务教育招生入学",
    "财政预算执行情况",
    "重大项目建设进展",
    "乡村振兴示范村建设",
    "营商环境优化",
    "行政执法公示",
    "就业创业补贴",
]
KINDS = ["的通知", "的公告", "情况通报", "工作动态"]
BATCH = 5000


def load(articles: int) -> str:
    """Create `articles` published articles in one column and return that column's page path."""
    departments = list(Department.objects.order_by("id")[:10])
    column, _made = Column.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": "工作动态（压测）",
            "department": departments[0],
            "update_interval_days": 7,
        },
    )
    tokens = {(t, k): " ".join(segment(f"关于{t}{k}")) for t in TOPICS for k in KINDS}
    now = timezone.now()
    start = Article.objects.count()
    for first in range(0, articles, BATCH):
        rows = []
        for n in range(first, min(first + BATCH, articles)):
            topic, kind = TOPICS[n % len(TOPICS)], KINDS[(n // len(TOPICS)) % len(KINDS)]
            moment = now - timedelta(minutes=n)
            rows.append(
                Article(
                    column=column,
                    department=departments[n % len(departments)],
                    title=f"关于{topic}{kind}（{start + n}号）",
                    body=f"为做好{topic}工作，现将有关事项说明如下。",
                    status=Article.Status.PUBLISHED,
                    created_at=moment,
                    changed_at=moment,
                    published_at=moment,
                    first_published_at=moment,
                    version=1,
                )
            )
        Article.objects.bulk_create(rows)
        # Index rows an earlier loader may already hold for the same ids are kept as they are.
        SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    kind="article",
                    object_id=a.pk,
                    title=a.title,
                    fields={"body": a.body},
                    content=f"{a.title}\n{a.body}",
                    rank=30,
                    department=a.department,
                    url=f"/disclosure/articles/{a.pk}/",
                    published_at=a.published_at,
                    tokens=tokens[(TOPICS[i % len(TOPICS)], KINDS[(i // len(TOPICS)) % len(KINDS)])]
                    + "\n",
                )
                for i, a in enumerate(rows, start=first)
            ],
            ignore_conflicts=True,
        )
    Column.objects.filter(pk=column.pk).update(
        published_count=Article.objects.filter(column=column, status="published").count(),
        last_published_at=now,
    )
    return column.get_absolute_url()
