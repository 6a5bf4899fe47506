"""jieba holds its main dictionary plus exactly one user dictionary (clusterdocs/publish/search_words.py):
loading it again changes nothing, and a new one replaces the old one's words."""

from __future__ import annotations

import jieba
import pytest

from clusterdocs.publish import search_words


@pytest.fixture
def fresh_jieba(monkeypatch):
    """jieba as a new process has it; afterwards back to its main dictionary only."""
    monkeypatch.setattr(search_words, "_loaded", None)
    yield jieba.dt
    jieba.dt.initialized = False
    jieba.dt.user_word_tag_tab = {}
    jieba.dt.check_initialized()


def test_loading_the_same_dictionary_again_leaves_segmentation_as_it_was(fresh_jieba, tmp_path):
    dictionary = tmp_path / "userdict-a.txt"
    dictionary.write_text("世界级集群 100 n\n", encoding="utf-8")
    search_words.use_user_dictionary(dictionary)
    total = fresh_jieba.total
    search_words.use_user_dictionary(dictionary)
    search_words.use_user_dictionary(dictionary)
    assert fresh_jieba.total == total
    assert "世界级集群" in jieba.lcut("共话世界级集群新未来")


def test_a_new_dictionary_replaces_the_words_of_the_old_one(fresh_jieba, tmp_path):
    old, new = tmp_path / "userdict-a.txt", tmp_path / "userdict-b.txt"
    old.write_text("世界级集群 100 n\n", encoding="utf-8")
    new.write_text("共话 100 v\n", encoding="utf-8")
    search_words.use_user_dictionary(old)
    search_words.use_user_dictionary(new)
    assert "世界级集群" not in fresh_jieba.FREQ
    assert fresh_jieba.FREQ["共话"] == 100
    assert search_words.loaded_user_dictionary()[0] == str(new)
