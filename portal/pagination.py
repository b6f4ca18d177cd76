"""A page of a long list without counting the list.

`Paginator` runs COUNT(*) on every page; on a queue of 100,000 cases that count costs more than
the page. `PageWithoutCount` reads one row past the page to know whether a next page exists.
It has the attributes templates use of a Django `Page` (`has_next`, `number`, ...), not `count`.
"""

from dataclasses import dataclass

MAX_PAGE = 10_000


@dataclass
class PageWithoutCount:
    object_list: list
    number: int
    has_next: bool

    @classmethod
    def of(cls, queryset, number, *, size: int = 30) -> "PageWithoutCount":
        """Return page `number` (1-based; anything unreadable is page 1) of `size` rows."""
        try:
            number = min(max(int(number), 1), MAX_PAGE)
        except (TypeError, ValueError):
            number = 1
        start = (number - 1) * size
        rows = list(queryset[start : start + size + 1])
        return cls(object_list=rows[:size], number=number, has_next=len(rows) > size)

    def __iter__(self):
        return iter(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1
