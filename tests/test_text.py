"""Sentence spans and language detection on text written for the test."""

import pytest

from newstrace.text import count_words, detect_language, sentence_spans


def split(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_abbreviations_initials_and_numbers_do_not_end_sentences():
    text = ("Gen. Ortiz met Dr. Amara Nwosu and J. K. Rowe in the U.S. on Feb. 3. "
            "About 150,000 people fled, and 3.5% of homes were lost. It may take 2-3 years. "
            "Each family gets 10,000 rubles (about $120). The end.")
    assert split(text) == [
        "Gen. Ortiz met Dr. Amara Nwosu and J. K. Rowe in the U.S. on Feb. 3.",
        "About 150,000 people fled, and 3.5% of homes were lost.",
        "It may take 2-3 years.",
        "Each family gets 10,000 rubles (about $120).",
        "The end.",
    ]


def test_quotes_stay_with_their_sentence():
    text = "“We will stay,” she said. “It is over.” The crowd left. He asked: \"Why now?\" Nobody answered."
    assert split(text) == ["“We will stay,” she said.", "“It is over.”", "The crowd left.",
                           'He asked: "Why now?"', "Nobody answered."]


def test_line_breaks_split_and_glued_sentences_split_but_domains_do_not():
    text = "Headline without a stop\nThe port reopened.Trucks queued for hours. Visit example.com for more."
    assert split(text) == ["Headline without a stop", "The port reopened.", "Trucks queued for hours.",
                           "Visit example.com for more."]


def test_offsets_index_the_text():
    text = "  First one.   Second one!\n\nThird?"
    for a, b in sentence_spans(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The minister said that the talks with the union were not over and would resume.", "en"),
        ("Der Minister sagte, dass die Gespräche mit der Gewerkschaft nicht beendet sind.", "de"),
        ("Le ministre a déclaré que les discussions avec le syndicat ne sont pas terminées.", "fr"),
        ("Міністр заявив, що переговори з профспілкою не завершені і будуть продовжені.", "uk"),
        ("Министр заявил, что переговоры с профсоюзом не закончены и будут продолжены.", "ru"),
        ("12345 67890", ""),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_count_words():
    assert count_words("Ten thousand  people\nfled.") == 4


def test_alternation_matches_like_a_longest_first_join():
    import re

    from newstrace.text import alternation

    words = ["said", "says", "sa", "report", "reports", "reported", "points out"]
    trie = re.compile(r"\b(?:" + alternation(words) + r")\b")
    plain = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    text = "he said so; sa x; reports that it reported, points out, pointed, sayso"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_count_words_equals_str_split_on_any_text():
    import random
    import sys

    from newstrace.text import count_words

    non_ascii_spaces = "".join(ch for ch in map(chr, range(0x80, sys.maxunicode + 1)) if ch.isspace())
    pieces = ["word", "Ukraine’s", "—", "«", "»", "2-3", " ", "  ", "\t", "\n", "\x0b", "\x1c", "é", "\ud800", "”",
              "\u2010", "\u3001", "\u1681", *non_ascii_spaces]
    # ASCII text of 150 characters or more is counted from its bytes: every ASCII white space is there
    ascii_pieces = ["word", "2-3", "x", ".", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"]
    rng = random.Random(9)
    for _ in range(3000):
        chosen = rng.choice([pieces, ascii_pieces])
        text = "".join(rng.choice(chosen) for _ in range(rng.randint(0, 300)))
        assert count_words(text) == len(text.split()), text


def test_cyrillic_count_by_utf8_lead_bytes_equals_the_character_range():
    import random
    import re

    from newstrace.text import _count_cyrillic

    # the neighbours of the block (U+03FF, U+0500), other two-byte letters and a lone surrogate
    pieces = ["а", "Ё", "ї", "ґ", "Ӿ", "ӿ", "Ѐ", "\u03ff", "\u0500", "é", "ß", "ա", "\ud800", "x", " ", "“"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert _count_cyrillic(text) == len(re.findall(r"[\u0400-\u04ff]", text)), text
