"""全网信息检索: one search over everything public (the index is `portal.search`).

The page stays at its old address under 政务公开, where citizens and the home page's search box
find it; it reads only portal's index, so it shows every pillar's content.
"""

from django.shortcuts import render
from django.utils.http import urlencode

from portal.query_params import choice_param, id_param
from portal.search import query as index

PAGE_SIZE = 20


def search(request):
    departments = index.filter_departments()
    kinds = index.kind_choices()
    # A filter that is not one of the choices is ignored, never an error.
    question = index.parse(request.GET.get("q", ""))
    kind = choice_param(request.GET.get("kind"), [value for value, _label in kinds])
    department_id = id_param(request.GET.get("department"))
    if department_id not in {pk for pk, _name in departments}:
        department_id = None
    page = None
    if question.groups:
        page = index.search_page(
            question,
            kind=kind,
            department_id=department_id,
            number=request.GET.get("page"),
            per_page=PAGE_SIZE,
        )
        labels = dict(kinds)
        mark = index.highlighter(question.terms)
        page.object_list = [
            {
                **row,
                "kind_label": labels.get(row["kind"], ""),
                "title_html": mark(row["title"]),
                # Which field matched, so a citizen sees why an item came up (申请材料: 户口簿).
                "field_label": index.field_label(row["kind"], row["field"])
                if row["field_matched"]
                else "",
                "excerpt_html": mark(index.excerpt(row["text"], question.terms)),
            }
            for row in page.object_list
        ]
    query_string = urlencode(
        {
            k: v
            for k, v in {
                "q": question.text,
                "kind": kind,
                "department": department_id or "",
            }.items()
            if v
        }
    )
    return render(
        request,
        "disclosure/search.html",
        {
            "question": question,
            "page": page,
            "query_string": query_string,
            # The filters are rendered by hand: a widget render costs more than the results.
            "kinds": kinds,
            "kind": kind,
            "departments": departments,
            "department_id": department_id,
        },
    )
