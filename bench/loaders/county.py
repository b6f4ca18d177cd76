"""A county's worth of history on top of the demo county, for `seed_demo --scale county|10x`.

County sizes (issue 21): 3,000 catalogue items, 100,000 articles, 100,000 cases, 50,000
complaints, 529 officials with 100,000 votes, 1,000,000 clocks; `10x` multiplies all but the
catalogue. Rows are spread over 40 units (the demo's and 27 more), 20,000 citizens per county
and the last 12 months (articles: 3 years), with a few busy units and citizens and many quiet
ones. What pages read is kept consistent: a case or complaint has the clock its status implies
(running for open work, stopped for finished work, its light as of now), open cases an active
task, closed complaints a reply, public ones
their published texts, votes their tallies. Clocks beyond those of the loaded cases and
complaints are finished clocks of earlier years. Written with COPY (`bench.loaders.bulk`);
simple-history rows are not written.
"""

import datetime
import random
import time
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone

from bench.loaders import bulk, county_work
from disclosure.models import Article, CatalogueItem, Column
from evaluation.models import Basis, RatedPerson, Tally, Vote
from portal.demo import demo_resident_id
from portal.models import Department, User
from portal.search.models import SearchEntry
from portal.search.words import segment
from supervision.models import Clock

UNITS = [
    ("bench-education", "县教育局", Department.Kind.BUREAU),
    ("bench-health", "县卫生健康局", Department.Kind.BUREAU),
    ("bench-transport", "县交通运输局", Department.Kind.BUREAU),
    ("bench-water", "县水利局", Department.Kind.BUREAU),
    ("bench-agriculture", "县农业农村局", Department.Kind.BUREAU),
    ("bench-environment", "县生态环境分局", Department.Kind.BUREAU),
    ("bench-hrss", "县人力资源和社会保障局", Department.Kind.BUREAU),
    ("bench-finance", "县财政局", Department.Kind.BUREAU),
    ("bench-tax", "县税务局", Department.Kind.BUREAU),
    ("bench-police", "县公安局", Department.Kind.BUREAU),
    ("bench-justice", "县司法局", Department.Kind.BUREAU),
    ("bench-culture", "县文化和广电旅游体育局", Department.Kind.BUREAU),
    ("bench-emergency", "县应急管理局", Department.Kind.BUREAU),
    ("bench-forestry", "县林业局", Department.Kind.BUREAU),
    ("bench-commerce", "县商务局", Department.Kind.BUREAU),
    ("bench-medicare", "县医疗保障局", Department.Kind.BUREAU),
    ("bench-veterans", "县退役军人事务局", Department.Kind.BUREAU),
    ("bench-stats", "县统计局", Department.Kind.BUREAU),
    ("bench-town-1", "东溪镇便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-2", "西岭镇便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-3", "南山乡便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-4", "北港镇便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-5", "清水乡便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-6", "桃源镇便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-7", "白沙乡便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-8", "青石镇便民服务中心", Department.Kind.TOWNSHIP),
    ("bench-town-9", "龙潭乡便民服务中心", Department.Kind.TOWNSHIP),
]
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
ITEM_NAMES = [
    "食品经营许可",
    "个体工商户设立登记",
    "建筑工程施工许可证核发",
    "最低生活保障审批",
    "公共场所卫生许可",
    "药品零售企业许可",
    "临时救助申请",
    "老年人优待证办理",
    "取水许可",
    "道路运输经营许可",
]
POSITIONS = ["科员", "副科长", "科长", "窗口工作人员", "副局长"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


@dataclass(frozen=True)
class Sizes:
    items: int = 3_000
    articles: int = 100_000
    cases: int = 100_000
    complaints: int = 50_000
    officials: int = 529
    votes: int = 100_000
    clocks: int = 1_000_000
    citizens: int = 20_000


COUNTY = Sizes()
SCALES = {
    "county": COUNTY,
    "10x": replace(
        COUNTY,
        **{
            name: getattr(COUNTY, name) * 10
            for name in ("articles", "cases", "complaints", "votes", "clocks", "citizens")
        },
    ),
    # A quick look that the harness works (`bench/bench_http.py --quick`).
    "small": Sizes(
        items=200,
        articles=2_000,
        cases=2_000,
        complaints=1_000,
        officials=60,
        votes=2_000,
        clocks=10_000,
        citizens=500,
    ),
}


class Spread:
    """Deterministic skewed choices: a few busy units and citizens, many quiet ones."""

    def __init__(self, seed: int = 21):
        self.random = random.Random(seed)

    def weighted(self, values: list, count: int) -> list:
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(values))]
        return self.random.choices(values, weights=weights, k=count)

    def moments(self, now: datetime.datetime, days: int, count: int) -> list[datetime.datetime]:
        """Times over the last `days` days, busier on working hours, newest last."""
        return sorted(
            now - datetime.timedelta(days=self.random.random() * days, hours=self.random.random())
            for _ in range(count)
        )


def units() -> list[Department]:
    """The demo's working units and the bench's 27 more, busiest first."""
    county = Department.objects.get(code="county")
    for code, name, kind in UNITS:
        Department.objects.get_or_create(
            code=code, defaults={"name": name, "kind": kind, "parent": county}
        )
    skip = {"county", "gov-office", "discipline"}
    demo = [d for d in Department.objects.order_by("id") if d.code not in skip]
    return sorted(demo, key=lambda d: (d.code.startswith("bench-"), d.id))


def citizens(ids: bulk.Ids, count: int) -> list[int]:
    """Add `count` citizens (no usable password) and return every citizen's id, demo ones first."""
    have = User.objects.filter(username__startswith="1371").count()
    model = bulk.template(User, kind=User.Kind.CITIZEN, password="!")
    first = ids.take(User, max(count - have, 0))
    rows = []
    for n in range(have, count):
        number = f"1371{n:07d}"
        rows.append(
            bulk.clone(
                model,
                id=first + n - have,
                username=number,
                mobile=number,
                real_name=SURNAMES[n % 20] + GIVEN[(n // 20) % 20] + GIVEN[(n // 400) % 20],
                resident_id=demo_resident_id(5000 + n),
            )
        )
    for start in range(0, len(rows), bulk.BATCH):
        bulk.write(User, rows[start : start + bulk.BATCH])
    demo = list(
        User.objects.filter(kind=User.Kind.CITIZEN)
        .exclude(username__startswith="137")
        .order_by("id")
        .values_list("id", flat=True)
    )
    extra = list(
        User.objects.filter(username__startswith="1371")
        .order_by("id")
        .values_list("id", flat=True)[:count]
    )
    return demo + extra


def catalogue(ids: bulk.Ids, spread: Spread, departments: list[Department], total: int) -> int:
    """Published catalogue items up to `total`, with their search rows."""
    missing = max(total - CatalogueItem.objects.count(), 0)
    now = timezone.now()
    model = bulk.template(
        CatalogueItem,
        kind=CatalogueItem.Kind.LICENSING,
        legal_limit_days=30,
        legal_basis="《中华人民共和国行政许可法》",
        conditions="符合法定条件。",
        status=CatalogueItem.Status.PUBLISHED,
        version=1,
        published_at=now,
    )
    first = ids.take(CatalogueItem, missing)
    owners = spread.weighted(departments, missing)
    rows = []
    for n in range(missing):
        name = f"{ITEM_NAMES[n % len(ITEM_NAMES)]}（{owners[n].name}第{n + 1}项）"
        rows.append(
            bulk.clone(
                model,
                id=first + n,
                name=name,
                code=f"bench-{n:05d}",
                kind=CatalogueItem.Kind.values[n % len(CatalogueItem.Kind.values)],
                department_id=owners[n].id,
                time_limit_days=5 + n % 20,
                content=f"{name}的受理、审查与决定。",
            )
        )
    bulk.write(CatalogueItem, rows)
    search_rows(ids, "item", rows, rank=10, url=lambda item: f"/disclosure/catalogue/{item.code}/")
    return missing


def articles(ids: bulk.Ids, spread: Spread, total: int, now: datetime.datetime) -> int:
    """Published articles over the demo's columns and 3 years, with their search rows."""
    columns = list(Column.objects.order_by("id"))
    model = bulk.template(Article, status=Article.Status.PUBLISHED, version=1)
    done = 0
    for start in range(0, total, bulk.BATCH):
        size = min(bulk.BATCH, total - start)
        first = ids.take(Article, size)
        homes = spread.weighted(columns, size)
        moments = spread.moments(now, 3 * 365, size)
        rows = []
        for n in range(size):
            topic = TOPICS[(start + n) % len(TOPICS)]
            kind = KINDS[((start + n) // len(TOPICS)) % len(KINDS)]
            rows.append(
                bulk.clone(
                    model,
                    id=first + n,
                    column_id=homes[n].id,
                    department_id=homes[n].department_id,
                    title=f"关于{topic}{kind}（{first + n}号）",
                    body=f"为做好{topic}工作，现将有关事项说明如下。",
                    created_at=moments[n],
                    changed_at=moments[n],
                    updated_at=moments[n],
                    published_at=moments[n],
                    first_published_at=moments[n],
                )
            )
        bulk.write(Article, rows)
        search_rows(ids, "article", rows, rank=30, url=lambda a: f"/disclosure/articles/{a.pk}/")
        done += size
    for column in columns:
        Column.objects.filter(pk=column.pk).update(
            published_count=Article.objects.filter(column=column, status="published").count(),
            last_published_at=now,
        )
    return done


def search_rows(ids: bulk.Ids, kind: str, rows: list, *, rank: int, url) -> None:
    """The search index rows the publishing service would leave (vectors: `vectorise`)."""
    tokens: dict[str, str] = {}
    model = bulk.template(SearchEntry, kind=kind, rank=rank, fields={})
    first = ids.take(SearchEntry, len(rows))
    entries = []
    for n, row in enumerate(rows):
        title = getattr(row, "title", None) or row.name
        body = getattr(row, "body", None) or row.content
        stem = title.split("（")[0]
        if stem not in tokens:
            tokens[stem] = " ".join(segment(stem))
        entries.append(
            bulk.clone(
                model,
                id=first + n,
                object_id=row.id,
                title=title,
                content=f"{title}\n{body}",
                department_id=row.department_id,
                url=url(row),
                published_at=row.published_at,
                tokens=f"{tokens[stem]}\n{tokens[stem]}",
            )
        )
    bulk.write(SearchEntry, entries)


def vectorise() -> None:
    """Fill the search vectors of the loaded index rows (PostgreSQL full-text search)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE portal_searchentry SET search_vector = "
            "setweight(to_tsvector('simple', split_part(tokens, E'\\n', 1)), 'A') || "
            "setweight(to_tsvector('simple', split_part(tokens, E'\\n', 2)), 'B') "
            "WHERE search_vector IS NULL"
        )


def officials(
    ids: bulk.Ids,
    spread: Spread,
    departments: list[Department],
    voters: list[int],
    sizes: Sizes,
    now: datetime.datetime,
) -> int:
    """Rated officials up to `sizes.officials` and `sizes.votes` votes over 12 months, tallied."""
    missing = max(sizes.officials - RatedPerson.objects.count(), 0)
    model = bulk.template(RatedPerson, responsibilities="负责本岗位政务服务工作。")
    first = ids.take(RatedPerson, missing)
    homes = spread.weighted(departments, missing)
    bulk.write(
        RatedPerson,
        [
            bulk.clone(
                model,
                id=first + n,
                name=SURNAMES[n % 20] + GIVEN[(n * 7) % 20],
                gender=RatedPerson.Gender.values[n % 2],
                position=POSITIONS[n % len(POSITIONS)],
                department_id=homes[n].id,
            )
            for n in range(missing)
        ],
    )
    people = list(RatedPerson.objects.order_by("id").values_list("id", flat=True))
    today = timezone.localdate(now)
    months = [
        datetime.date(
            (today.year * 12 + today.month - 1 - back) // 12, (today.month - 1 - back) % 12 + 1, 1
        )
        for back in range(12)
    ]
    vote = bulk.template(Vote, attitude="satisfied", efficiency="satisfied", style="satisfied")
    seen = set(Vote.objects.values_list("person_id", "voter_id", "month"))
    counts: dict[tuple[int, str, datetime.date], int] = {}
    rows = []
    chosen_people = spread.weighted(people, sizes.votes)
    while len(rows) < sizes.votes:
        person = chosen_people[len(rows)]
        voter = spread.random.choice(voters)
        month = spread.random.choice(months)
        if (person, voter, month) in seen:
            continue
        seen.add((person, voter, month))
        unhappy = spread.random.random() < 0.01
        rating = "dissatisfied" if unhappy else spread.random.choice(["satisfied", "fair"])
        at = timezone.make_aware(
            datetime.datetime.combine(month, datetime.time(10))
            + datetime.timedelta(days=len(rows) % 27)
        )
        rows.append(
            bulk.clone(
                vote,
                id=ids.take(Vote),
                person_id=person,
                voter_id=voter,
                month=month,
                attitude=rating,
                efficiency=rating,
                style=rating,
                is_dissatisfied=unhappy,
                reason="办事拖拉，多次往返。" if unhappy else "",
                created_at=min(at, now),
                updated_at=min(at, now),
            )
        )
        if unhappy:
            for basis, period in ((Basis.MONTH, month), (Basis.YEAR, month.replace(month=1))):
                counts[(person, basis, period)] = counts.get((person, basis, period), 0) + 1
    for start in range(0, len(rows), bulk.BATCH):
        bulk.write(Vote, rows[start : start + bulk.BATCH])
    tally = bulk.template(Tally)
    existing = set(Tally.objects.values_list("person_id", "basis", "period"))
    bulk.write(
        Tally,
        [
            bulk.clone(tally, id=ids.take(Tally), person_id=p, basis=b, period=d, dissatisfied=c)
            for (p, b, d), c in counts.items()
            if (p, b, d) not in existing
        ],
    )
    return len(rows)


def load(sizes: Sizes, *, stdout=None) -> dict[str, int]:
    """Add a county's history to the seeded demo county; return what was added and the seconds."""
    started = time.monotonic()
    now = timezone.now()
    spread = Spread()
    ids = bulk.Ids()
    added: dict[str, int] = {}

    def step(name: str, count: int) -> None:
        added[name] = count
        if stdout is not None:
            stdout.write(f"  {name}: {count:,} ({time.monotonic() - started:.0f} s)")

    with transaction.atomic():
        departments = units()
        people = citizens(ids, sizes.citizens)
        step("citizens", len(people))
        step("catalogue items", catalogue(ids, spread, departments, sizes.items))
        step("articles", articles(ids, spread, sizes.articles, now))
        clocks_before = Clock.objects.count()
        step("cases", county_work.cases(ids, spread, people, sizes.cases, now))
        step(
            "complaints",
            county_work.complaints(ids, spread, departments, people, sizes.complaints, now),
        )
        step("votes", officials(ids, spread, departments, people, sizes, now))
        remaining = max(sizes.clocks - (Clock.objects.count() - clocks_before), 0)
        county_work.history_clocks(ids, spread, departments, remaining, now)
        step("clocks", Clock.objects.count() - clocks_before)
        ids.finish()
        vectorise()
    added["seconds"] = round(time.monotonic() - started)
    return added
