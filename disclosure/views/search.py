"""全网信息检索: one search over catalogue items and published articles."""

from django.shortcuts import render
from django.utils.http import urlencode

from disclosure.models import SearchEntry
from disclosure.selectors import search as index
from portal.query_params import choice_param, id_param

PAGE_SIZE = 20


def search(request):
    departments = index.filter_departments()
    # A filter that is not one of the choices is ignored, never an error.
    question = index.parse(request.GET.get("q", ""))
    kind = choice_param(request.GET.get("kind"), SearchEntry.Kind.values)
    department_id = id_param(request.GET.get("department"))
    if department_id not in {pk for pk, _name in departments}:
        department_id = None
    page = None
    if question.words:
        page = index.search_page(
            question,
            kind=kind,
            department_id=department_id,
            number=request.GET.get("page"),
            per_page=PAGE_SIZE,
        )
        labels = {value: str(label) for value, label in SearchEntry.Kind.choices}
        mark = index.highlighter(question.terms)
        page.object_list = [
            {
                **row,
                "kind_label": labels.get(row["kind"], ""),
                "title_html": mark(row["title"]),
                "excerpt_html": mark(index.excerpt(row["body"], question.terms)),
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
            "kinds": SearchEntry.Kind.choices,
            "kind": kind,
            "departments": departments,
            "department_id": department_id,
        },
    )
