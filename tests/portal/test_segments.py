"""Sentence segmentation: what a translation memory and a segmented XLIFF file are cut by."""

import pytest

from portal.formatting.segments import sentences


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "2021年12月9日，沈阳市与卡拉奇市签署协议。双方将加强合作！“这是第几个友城？”是的；好",
            "zh-hans",
            [
                "2021年12月9日，沈阳市与卡拉奇市签署协议。",
                "双方将加强合作！",
                "“这是第几个友城？”",
                "是的；",
                "好",
            ],
        ),
        (
            "On 9 Dec. 2021, Mr. Smith of the U.S. signed it. Both agreed! Really? "
            '"Quoted." USD 12.5 million was given. J. K. Rowling wrote.',
            "en",
            [
                "On 9 Dec. 2021, Mr. Smith of the U.S. signed it. ",
                "Both agreed! ",
                "Really? ",
                '"Quoted." ',
                "USD 12.5 million was given. ",
                "J. K. Rowling wrote.",
            ],
        ),
        (
            "The city (pop. 20 million) grew. it goes on",
            "en",
            ["The city (pop. 20 million) grew. it goes on"],
        ),
        ("No end at all", "en", ["No end at all"]),
        ("", "en", []),
    ],
)
def test_sentences_are_cut_where_a_translator_expects(text, language, expected):
    assert sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("One.  Two.\n\nThree?  ", "en"),
        ("第一句。 第二句！\n第三句", "zh-hans"),
        ("Trailing space. ", "en"),
    ],
)
def test_the_sentences_put_back_together_are_the_text(text, language):
    assert "".join(sentences(text, language)) == text
