"""The package's public API: every name in __all__ resolves."""

import newstrace


def test_every_public_name_resolves():
    for name in newstrace.__all__:
        assert getattr(newstrace, name) is not None, name


def test_functions_come_from_their_stage_module():
    assert newstrace.families is newstrace.overlap.families
    assert newstrace.tag is newstrace.timeline.tag
    assert newstrace.extract is newstrace.figures.extract
