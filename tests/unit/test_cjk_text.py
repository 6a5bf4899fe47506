"""Folded YAML lines inside Chinese text are joined without a space in every rendered value."""

from markupsafe import Markup

from clusterdocs.check.cjk_text import join_folded_cjk
from clusterdocs.render.templates import environment


def test_a_space_next_to_full_width_punctuation_is_dropped():
    assert join_folded_cjk("未列出名单）， 其中 （见下文） 集群") == "未列出名单），其中（见下文）集群"


def test_a_space_between_two_ideographs_stays():
    assert join_folded_cjk("作者：侯彦全 岳维松") == "作者：侯彦全 岳维松"


def test_spaces_next_to_latin_text_and_non_text_values_stay():
    assert join_folded_cjk("术语表： national cluster 与 MIIT") == "术语表： national cluster 与 MIIT"
    assert join_folded_cjk(45) == 45


def test_markup_stays_markup_and_templates_apply_it_to_every_output():
    assert isinstance(join_folded_cjk(Markup("<b>集群</b> 发展")), Markup)
    rendered = environment().from_string("{{ text }}|{{ html }}").render(text="集群 <发展>", html=Markup("<i>集群</i>"))
    assert rendered == "集群 &lt;发展&gt;|<i>集群</i>"
    assert environment().from_string("{{ text }}").render(text="产业集群， 发展") == "产业集群，发展"
