"""make pdf: the grounding as one PDF, with its chapters, a table of contents and the bibliography."""
import pytest
from pypdf import PdfReader

from make_pdf import CHAPTERS, CLOSING, article, make


@pytest.fixture(scope="module")
def pdf(built_site, browser, tmp_path_factory):
    out = make(tmp_path_factory.mktemp("pdf") / "onderbouwing.pdf", built_site, browser)
    reader = PdfReader(str(out))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_every_chapter_is_in_the_pdf(pdf, built_site):
    reader, text = pdf
    flat = " ".join(text.split())
    for page in CHAPTERS + CLOSING + ["model/beleid/veilig-klimaat/", "model/signaleren/hulp-binnen-school/"]:
        title, _ = article(built_site, page)
        assert " ".join(title.split()) in flat, page
    assert "Inhoud" in text and len(reader.pages) > 60


def test_no_broken_glyphs(pdf):
    reader, text = pdf
    assert "\ufffd" not in text and "\x00" not in text
    flat = " ".join(text.split())
    for word in ("geïndiceerde", "financiële", "Denève", "coördinator"):  # letters with diacritics survive
        if word in flat:
            break
    else:
        raise AssertionError("no word with diacritics found intact")
    fonts = set()
    for page in reader.pages[:20]:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            descriptor = font.get_object().get("/FontDescriptor") or \
                font.get_object().get("/DescendantFonts", [{}])[0].get_object().get("/FontDescriptor")
            if descriptor:
                fonts.add(any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts == {True}, "every font is embedded"
