"""What the search indexes hold besides Material's entries (clusterdocs/publish/search_entries.py)."""

from __future__ import annotations

import opencc

from clusterdocs.publish.search_entries import definition_items, fold_table, page_entries

GLOSSARY = """
<h1 id="glossary">术语表</h1><p>本站使用的政策术语。</p>
<dl class="cd-glossary">
  <dt id="horse-race">
<span lang="zh-Hans">赛马</span> <span class="cd-note">sàimǎ</span> · <span lang="en">"horse race" competition</span>
    <a class="headerlink" href="#horse-race" aria-label="本条目链接">¶</a>
  </dt>
  <dd><p>对工信部集群竞赛的形象说法 &amp; 比拼。</p><p class="cd-note">出现于：<a href="../a/">文章</a></p></dd>
  <dt id="little-giants"><span>小巨人</span> <a class="headerlink" href="#little-giants">¶</a></dt>
  <dd><p>专精特新企业。</p></dd>
  <dt>没有锚点</dt><dd><p>不单列。</p></dd>
</dl>
"""


def pairs(table: str) -> dict[str, str]:
    return {table[i]: table[i + 1] for i in range(0, len(table), 2)}


def test_each_term_with_an_id_is_an_item_with_its_definition_and_no_permalink_sign():
    items = definition_items(GLOSSARY)
    assert [item.anchor for item in items] == ["horse-race", "little-giants"]
    assert items[0].title == '赛马 sàimǎ · "horse race" competition'
    assert items[0].text == "<p>对工信部集群竞赛的形象说法 &amp; 比拼。</p><p>出现于：文章</p>"
    assert items[1].title == "小巨人" and items[1].text == "<p>专精特新企业。</p>"
    assert definition_items("<p>没有定义列表</p>") == []


def test_terms_become_entries_at_their_anchor_and_the_page_keeps_its_own_text():
    # Material's entry for the page: words separated by \u200b, the permalinks' signs copied in.
    text = '<p>\u200b本站\u200b使用\u200b的\u200b政策\u200b术语\u200b。</p> \u200b赛马\u200b sàimǎ · "horse race" competition ¶ <p>\u200b对\u200b工信部</p> \u200b小\u200b巨人 ¶'
    entries = [
        {"location": "zh/glossary/", "title": "术语表 ¶", "text": text},
        {"location": "zh/about/", "title": "关于", "text": "<p>\u200b关于 ¶</p>"},
    ]
    result = page_entries(entries, {"zh/glossary/": definition_items(GLOSSARY)})
    assert [entry["location"] for entry in result] == [
        "zh/glossary/",
        "zh/glossary/#horse-race",
        "zh/glossary/#little-giants",
        "zh/about/",
    ]
    assert result[0]["title"] == "术语表"
    assert result[0]["text"] == "<p>\u200b本站\u200b使用\u200b的\u200b政策\u200b术语\u200b。</p>"
    assert result[1]["title"] == '赛马 sàimǎ · "horse race" competition'
    assert result[3]["text"] == "<p>\u200b关于</p>"
    assert all("¶" not in entry["title"] + entry["text"] for entry in result)
    assert entries[0]["title"] == "术语表 ¶"  # Material's entries are left as they were


def test_the_fold_table_maps_traditional_to_the_simplified_characters_of_the_index():
    simplified = "国务院常务会议强调发展先进制造业集群，着力五十人论坛"
    traditional = opencc.OpenCC("s2tw").convert(simplified)
    table = pairs(fold_table([simplified]))
    # Every character of the Traditional text folds to the Simplified text's character.
    assert "".join(table.get(c, c) for c in traditional) == simplified
    assert "".join(table.get(c, c) for c in simplified) == simplified
    assert set(table.values()) <= set(simplified)  # nothing for characters the index does not hold
    # The same table from the Traditional text: both scripts fold to one.
    assert pairs(fold_table([traditional])) == table
    assert fold_table(["English only"]) == ""
