from kennisbank.references import leftover, scan


def kinds(text):
    return [(r.kind, r.target, r.locator) for r in scan(text)]


def test_parenthetical_with_several_keys_and_a_locator():
    assert kinds("Zie [@durlak2011; @weare2015, p. 12].") == [
        ("bron", "durlak2011", ""), ("bron", "weare2015", "p. 12")]


def test_narrative_citation_and_links():
    text = "Volgens @stevens2023 is [welbevinden](begrip:welbevinden) en [B1](principe:B1) belangrijk."
    assert kinds(text) == [("bron", "stevens2023", ""), ("begrip", "welbevinden", ""), ("principe", "B1", "")]


def test_email_addresses_and_code_are_not_citations():
    assert kinds("Mail info@trimbos.nl of zie `@stevens2023` en\n```\n[@weare2015]\n```\n") == []


def test_malformed_bracket_citation_is_reported():
    [ref] = scan("Zie [@durlak2011 en anderen].")
    assert ref.malformed == "[@durlak2011 en anderen]"


def test_link_text_starting_with_at_is_not_a_citation():
    assert kinds("[@twitter](https://example.org)") == []


def test_leftover_finds_raw_syntax_in_html():
    assert leftover('<p>Zie [@stevens2023] en <a href="begrip:x">x</a></p>')
    assert leftover("<p>Gewone tekst met (Stevens et al., 2023).</p>") == []
    # a link the hook wrote inside raw HTML that Markdown never parsed
    assert leftover('<figcaption>naar [Viac (2020)](../bronnen/index.md#ref-viac2020 "x"){: .kb-cite }</figcaption>')


def test_plain_text_keeps_link_text_and_formats_citations(project):
    from kennisbank import load_kennisbank
    from kennisbank.references import plain

    kb = load_kennisbank(project)
    text = ("Zie [welbevinden](begrip:welbevinden) en @weare2011 *nu* [@stevens2023; @weare2011, p. 3]; "
            "lees [verder](../x/index.md#y) <em>hier</em>.")
    assert plain(text, kb) == ("Zie welbevinden en Weare en Nind (2011) nu (Stevens et al., 2023; Weare & Nind, 2011, "
                               "p. 3); lees verder hier.")
