"""How text is cut into words for the search index: jieba, loaded once per process.

Chinese has no spaces, so text is segmented with jieba: the index keeps the search-mode tokens
(`cut_for_search`, which also emits the shorter words inside long ones), a question is cut in
precise mode.
"""

import logging
import re
import threading

_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
_jieba = None
_jieba_lock = threading.Lock()


def segmenter():
    """Load jieba once per process, quietly (its dictionary takes about half a second)."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return _jieba


def warm_up() -> None:
    """Load the dictionary in the background so that the first search does not wait for it."""
    threading.Thread(target=segmenter, name="jieba-warm-up", daemon=True).start()


def clean(words) -> list[str]:
    return [w.strip().lower() for w in words if w.strip() and not _PUNCTUATION.fullmatch(w)]


def segment(text: str) -> list[str]:
    """Search-mode tokens of `text`: every word plus the shorter words inside long ones."""
    return clean(segmenter().cut_for_search(text or ""))


def query_words(text: str) -> list[str]:
    """The words of a question, in precise mode, without duplicates."""
    seen: dict[str, None] = {}
    for word in clean(segmenter().cut(text or "")):
        seen.setdefault(word, None)
    return list(seen)
