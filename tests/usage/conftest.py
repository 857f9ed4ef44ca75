from __future__ import annotations

import pytest

from helpsvc.credits import load_sample_tariff


@pytest.fixture(scope="session")
def tariff():
    return load_sample_tariff()
