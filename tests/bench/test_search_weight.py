"""bench.search_weight's rule: the best mean answer accuracy on the read sets, a near-tie to the smaller."""

from __future__ import annotations

from bench.search_weight import READ_SETS, TIE, choose


def test_the_best_weight_wins_and_a_near_tie_goes_to_the_smaller():
    assert choose({0.0: 0.90, 5.0: 0.95, 12.0: 0.93}) == 5.0
    assert choose({0.0: 0.90, 5.0: 0.9538, 12.0: 0.9538 + TIE / 2}) == 5.0
    assert choose({0.0: 0.90, 5.0: 0.9538, 12.0: 0.9538 + TIE * 2}) == 12.0


def test_only_held_out_sets_already_read_choose_the_weight():
    names = {path.name for path in READ_SETS}
    assert "heldout.yml" in names and all(path.exists() for path in READ_SETS)
    assert not names & {"heldout13.yml", "heldout14.yml"}
