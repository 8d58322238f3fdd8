import pytest

from kennisbank.render import relative_url

CASES = [
    # page, target, directory URLs (online), file URLs (offline)
    ("interventies/index.md", "interventies/taakspel/index.md", "taakspel/", "taakspel/index.html"),
    ("interventies/index.md", "assets/javascripts/x.js", "../assets/javascripts/x.js", "../assets/javascripts/x.js"),
    ("interventies/matrix/index.md", "interventies/index.md", "../", "../index.html"),
    ("interventies/index.md", "data/interventies.json", "../data/interventies.json", "../data/interventies.json"),
    ("interventies/index.md", "interventies/index.md", "./", "index.html"),
    ("index.md", "model/beleid/veilig-klimaat/index.md", "model/beleid/veilig-klimaat/", "model/beleid/veilig-klimaat/index.html"),
]


@pytest.mark.parametrize("page,target,online,offline", CASES)
def test_relative_url_matches_both_url_styles(page, target, online, offline):
    assert relative_url(target, page, True) == online
    assert relative_url(target, page, False) == offline
