"""The in-memory results of pure functions of file contents (clusterdocs/base/text_memo.py): an
entry is found only for the same arguments, the texts held stay within the bound (least
recently used out first), and a content over the bound is computed every time."""

from __future__ import annotations

from clusterdocs.base.text_memo import clear_all, memoised


def _counted(max_characters: int):
    calls = []

    @memoised(max_characters)
    def length(text: str, path: str) -> int:
        calls.append((text, path))
        return len(text)

    return length, calls


def test_the_same_arguments_are_computed_once_and_other_arguments_again():
    length, calls = _counted(100)
    assert [length("abc", "a.yml"), length("abc", "a.yml"), length("abc", "b.yml"), length("abcd", "a.yml")] == [
        3,
        3,
        3,
        4,
    ]
    assert calls == [("abc", "a.yml"), ("abc", "b.yml"), ("abcd", "a.yml")]


def test_the_texts_held_stay_within_the_bound_least_recently_used_first():
    length, calls = _counted(10)
    for text in ("aaaa", "bbbb", "aaaa", "cccc"):  # 12 characters: "bbbb", the least recently used, goes
        length(text, "x")
    calls.clear()
    for text in ("aaaa", "cccc", "bbbb"):
        length(text, "x")
    assert calls == [("bbbb", "x")]


def test_a_text_over_the_bound_is_never_kept():
    length, calls = _counted(10)
    length("a" * 11, "x")
    length("a" * 11, "x")
    assert len(calls) == 2
    length.cache_clear()
    length("abc", "x")
    length("abc", "x")
    assert len(calls) == 3


def test_clear_all_forgets_every_memo():
    length, calls = _counted(100)
    length("abc", "x")
    clear_all()
    length("abc", "x")
    assert len(calls) == 2
