"""The `http` section of docs/PERFORMANCE.md written by `bench/bench_http.py`."""

from bench.web.run import TARGET


def ratios(results, adjacent=None) -> dict[str, tuple[float, float]]:
    """Return each page's (p50 ÷ floor p50, req/s ÷ floor req/s) against its floor: the floor
    measured just before the page (`adjacent`, by page name) or else the floor's own row."""
    floors = {}
    for page, _status, _queries, figures in results:
        if page.path == "/bench/bare/":
            floors["bare"] = figures
        elif page.path == "/bench/form/":
            floors["form"] = figures
    found = {}
    for page, _status, _queries, figures in results:
        floor = (adjacent or {}).get(page.name) or floors.get(page.floor)
        if floor and floor["p50"] and figures["rate"]:
            found[page.name] = (figures["p50"] / floor["p50"], figures["rate"] / floor["rate"])
    return found


def verdict(page, ratio: tuple[float, float] | None, errors: int) -> str:
    if errors:
        return "**errors**"
    if ratio is None:
        return ""
    if page.ceiling:
        return "ceiling"
    if page.floor == "bare":
        return "met" if ratio[0] <= TARGET else "**missed**"
    target = 0.75 if page.name == "a vote" else 0.30
    return "met" if ratio[1] >= target else "**missed**"


def render(
    results, *, adjacent=None, scale, seconds, seed_seconds, sizes, machine, memory, command
) -> str:
    adjacent = adjacent or {}
    found = ratios(results, adjacent)
    rows = []
    for page, status, queries, figures in results:
        ratio = found.get(page.name)
        errors = figures["wrong"] + figures["socket_errors"]
        floor = adjacent.get(page.name)
        rows.append(
            f"| {page.name} | {page.role or 'public'} | `{page.path}` | {status} | {queries} | "
            f"{figures['rate']:.0f} | {figures['p50']:.1f} | {figures['p99']:.1f} | "
            f"{'' if floor is None else format(floor['p50'], '.1f')} | "
            f"{f'{ratio[0]:.1f}×' if ratio else ''} | {f'{ratio[1]:.2f}' if ratio else ''} | "
            f"{errors} | {verdict(page, ratio, errors)} |"
        )
    size_text = ", ".join(f"{count:,} {name}" for name, count in sizes.items())
    seeded = (
        f"seeded by `seed_demo --scale {scale}` in {seed_seconds:.0f} s"
        if seed_seconds is not None
        else "an already seeded database (`--reuse`)"
    )
    at_scale = "" if scale == "county" else f" at {scale} scale"
    text = (
        f"""## The portal over HTTP{at_scale} (issue 21)

Command: `.venv/bin/python {command}`
Machine: {machine}; PostgreSQL, gunicorn (2 sync workers, DEBUG off) and wrk (`-t2 -c16
-d{seconds:.0f}s` per row, one row after the other) on the same machine, which other engineers'
test runs share: compare rows of one run, not runs. Data ({scale}, {seeded}): {size_text}.

The floors never ship (`bench/web/server.py`): a tiny response, a bare page rendering 50 rows in
`base.html` with one query, a bare single-row insert, and a plain form POST (CSRF, a validated
form, one row stored, a redirect). Each page's floor is measured again for {seconds / 2:.0f} s just
before it ("floor p50"), since the machine's speed drifts within a run. A page's ratio is its
median over that bare page's median (target ≤ {TARGET:.0f}×); a write's is its rate over the plain
form POST's (targets: a vote ≥ 0.75, filing a complaint ≥ 0.30). Queries: the fewest of three
requests of the page (a worker's caches warm). Rows marked "ceiling" are not the portal's
(`bench/web/ceilings.py`): a page's own statements sent raw before the bare page (the page as if
its view, ORM and template cost what the bare page's do), and a vote that stores what a vote must
(the vote, its token stored once, its chained event) in four hand-written statements.

| page | role | path | status | queries | req/s | p50 ms | p99 ms | floor p50 ms | p50 ÷ floor | req/s ÷ floor | errors | target |
|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
"""
        + "\n".join(rows)
        + "\n"
    )
    if memory:
        first, last = memory[0], memory[-1]
        # Flat: no worker grows over the second half of the run (the first half warms caches).
        late = memory[len(memory) // 2 :]
        drift = max((b - a for a, b in zip(late[0], late[-1], strict=False)), default=0.0)
        text += (
            f"\nMemory over the mixed run (every GET page at once, RSS per worker sampled every 30 s): "
            f"first {first} MB, last {last} MB, growth over the second half {drift:.1f} MB — "
            f"{'flat' if drift < 2 else '**growing**'}.\n"
        )
    return text
