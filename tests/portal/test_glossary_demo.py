"""The demo content seeds the glossary with the official names of the seed documents."""

import pytest

from portal.editorial.glossary import Term

pytestmark = pytest.mark.django_db

ASSOCIATION = "Chinese People's Association for Friendship with Foreign Countries"


def test_the_demo_seeds_the_names_of_the_seed_documents(demo):
    pairs = dict(Term.objects.values_list("chinese", "english"))
    assert pairs["中国人民对外友好协会"] == ASSOCIATION
    assert pairs["吕志成"] == "Lyu Zhicheng"
    assert pairs["卡拉奇"] == "Karachi"
    assert pairs["莫因·哈克"] == "Moin ul Haque"
    assert pairs["李松林"] == "Li Songlin" and pairs["韩冰"] == "Han Bing"
    assert pairs["辽宁"] == "Liaoning" and pairs["信德"] == "Sindh"
    assert pairs["中巴友好省市合作论坛"].endswith("Cooperation Forum")


def test_the_demo_forbids_the_misspelt_name_of_the_acting_mayor(demo):
    """The QA checks flag "Lu Zhicheng" for 吕志成 (issue #27's story)."""
    assert Term.objects.get(chinese="吕志成").forbidden == {"en": ["Lu Zhicheng", "Lü Zhicheng"]}
