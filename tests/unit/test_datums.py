import pytest

from kennisbank.datums import nl_datum


@pytest.mark.parametrize("value, expected", [
    ("2026-11-25", "25 november 2026"), ("2016-03-01", "1 maart 2016"), ("2016-03", "maart 2016"),
    ("2016", "2016"), ("", ""), (None, ""),
])
def test_nl_datum(value, expected):
    assert nl_datum(value) == expected
