"""Search metadata per page and the Dutch redirect page (issue 11), on the fixture project."""
from kennisbank import doorverwijzing, load_kennisbank, zoeken
from kennisbank.interventies import value_label


def test_search_meta_by_page_type(project):
    kb = load_kennisbank(project)
    principe = kb.principes["veilig-klimaat"]
    meta = zoeken.search_meta(kb)
    assert meta[principe.src.replace("index.md", "handout/index.md")] == {"search": {"exclude": True}}
    assert meta[principe.src] == {"search": {"boost": zoeken.PRINCIPLE_BOOST}}
    assert "index.md" not in meta
    programme = next(i for i in kb.interventies.values() if i.themas)
    assert meta[programme.src] == {"tags": [value_label(kb, "thema", t) for t in programme.themas]}
    assert meta[programme.src.replace("index.md", "handout/index.md")] == {"search": {"exclude": True}}


def test_theme_labels_are_written_as_dutch_writes_them(project):
    kb = load_kennisbank(project)
    assert value_label(kb, "thema", "sociaal-emotionele-vaardigheden") == "Sociaal-emotionele vaardigheden"
    assert value_label(kb, "thema", "nieuw-thema") == "Nieuw thema"  # unknown ids still read


def test_redirect_page_is_dutch_and_escapes_its_values():
    html = doorverwijzing.page("../../model/a/", "A & <B>", "Kennisbank")
    assert '<html lang="nl">' in html
    assert "<title>Doorsturen naar A &amp; &lt;B&gt; · Kennisbank</title>" in html
    assert '<meta http-equiv="refresh" content="0; url=../../model/a/">' in html
    assert 'location.replace("../../model/a/" + location.hash)' in html
    assert '<a href="../../model/a/">A &amp; &lt;B&gt;</a>' in html
    assert "<main>" in html and "<h1>" in html
