"""decode() on short texts: the right text or a clear warning, never mojibake."""

import warnings

import pytest

from newstrace.corpus import decode
from newstrace.errors import CorpusError

RU = "МОСКВА (Интерфакс) - Городские власти в понедельник объявили о закрытии моста на ремонт до весны."
EN = "The city council voted on Monday to close the old bridge for repairs until the spring."
MIXED = f"{RU} {EN}"


@pytest.mark.parametrize("text", [RU, MIXED, EN], ids=["cyrillic", "mixed", "latin"])
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-8", "utf-16", "utf-16-le", "utf-16-be"])
def test_short_text_decodes_to_the_same_text(text, codec):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode(text.encode(codec))[0] == text


@pytest.mark.parametrize("text", [RU, MIXED])
def test_cyrillic_utf16_without_bom_is_text_not_binary(text):
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_truncated_utf8_is_utf8_with_a_replacement_character_and_a_warning():
    data = (EN + " Цена").encode("utf-8")[:-1]
    with pytest.warns(UnicodeWarning, match="UTF-8"):
        text, enc = decode(data, "cut.txt")
    assert enc == "utf-8" and text == EN + " Цен\ufffd"


def test_binary_bytes_with_nuls_are_rejected():
    with pytest.raises(CorpusError, match="binary"):
        decode(bytes(range(256)) * 4, "blob.bin")
