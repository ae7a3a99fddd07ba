"""A model loads only with the recorded SHA-256; production takes the digest from the environment."""

from __future__ import annotations

import hashlib

import pytest

from bot import release


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "village.tar.gz"
    path.write_bytes(b"a model" * 1000)
    return path


def test_seal_records_the_digest_that_verify_and_the_copy_accept(model, tmp_path):
    value = release.seal(model)
    assert value == hashlib.sha256(model.read_bytes()).hexdigest()
    assert release.expected_digest(model, None, production=False) == value
    release.verify(model, value)
    copy = release.verified_copy(model, value, tmp_path)
    assert copy.read_bytes() == model.read_bytes() and copy.parent.stat().st_mode & 0o077 == 0


def test_a_changed_model_is_refused_and_no_copy_is_left(model, tmp_path):
    value = release.seal(model)
    model.write_bytes(model.read_bytes() + b"!")  # swapped after release
    with pytest.raises(release.ModelRejected, match="refusing to load it"):
        release.verify(model, value)
    copies = tmp_path / "copies"
    copies.mkdir()
    with pytest.raises(release.ModelRejected, match="not the expected"):
        release.verified_copy(model, value, copies)
    assert list(copies.iterdir()) == []


def test_production_needs_the_digest_in_the_environment_not_beside_the_file(model):
    release.seal(model)
    with pytest.raises(release.ModelRejected, match="VILLAGE_MODEL_SHA256"):
        release.expected_digest(model, None, production=True)
    assert release.expected_digest(model, "AB" * 32, production=True) == "ab" * 32
    with pytest.raises(release.ModelRejected, match="not a SHA-256"):
        release.expected_digest(model, "12345", production=True)


def test_an_unsealed_model_outside_production_says_how_to_seal_it(model):
    with pytest.raises(release.ModelRejected, match="make train"):
        release.expected_digest(model, None, production=False)
    with pytest.raises(release.ModelRejected, match="does not exist"):
        release.verify(model.with_name("missing.tar.gz"), "0" * 64)
