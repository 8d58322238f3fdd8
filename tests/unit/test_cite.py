"""Golden tests for APA 7 in Dutch through citeproc-py, with our fixes (see kennisbank/cite.py)."""
import pytest

from kennisbank.cite import Apa
from kennisbank.model import Bron


def bron(key, **csl):
    csl.setdefault("type", "article-journal")
    csl.setdefault("volledig", True)
    return Bron(id=key, csl={"id": key, **csl})


def person(family, given=None):
    return {"family": family, **({"given": given} if given else {})}


SOURCES = [
    bron("bandura1977", author=[person("Bandura", "A.")], issued={"date-parts": [[1977]]},
         title="Self-efficacy: Toward a unifying theory of behavioral change",
         **{"container-title": "Psychological Review", "volume": "84", "issue": "2", "page": "191-215",
            "DOI": "10.1037/0033-295X.84.2.191", "language": "en"}),
    bron("weare2011", author=[person("Weare", "K."), person("Nind", "M.")], issued={"date-parts": [[2011]]},
         title="Mental health promotion and problem prevention in schools: What does the evidence say?",
         **{"container-title": "Health Promotion International", "volume": 26, "page": "29-69", "language": "en"}),
    bron("kleinjan2016", type="report", author=[person("Kleinjan", "M."), person("Bolier", "L."),
                                                person("Onrust", "S."), person("Monshouwer", "K.")],
         issued={"date-parts": [[2016]]}, title="Mentale weerbaarheid en mentaal welbevinden in de schoolsetting",
         publisher="Trimbos-instituut"),
    bron("stevens2023", type="document", author=[person("Stevens")], et_al=True, issued={"date-parts": [[2023]]},
         volledig=False),
    bron("rivm2018", type="report", author=[{"literal": "RIVM"}], issued={"date-parts": [[2018]]},
         title="Gezonde School in het primair onderwijs", publisher="RIVM"),
    bron("gezondeschoolzd", type="webpage", author=[{"literal": "Gezonde School"}],
         title="Wat is een erkende interventie?", URL="https://www.gezondeschool.nl/erkend"),
    bron("trimbosinstituutzda", type="document", author=[{"literal": "Trimbos-instituut"}], jaar_suffix="a",
         volledig=False),
    bron("trimbosinstituutzdb", type="webpage", author=[{"literal": "Trimbos-instituut"}], jaar_suffix="b",
         title="Mentale klachten", URL="https://www.trimbos.nl/mentale-klachten"),
    bron("pharos2023a", type="document", author=[{"literal": "Pharos"}], issued={"date-parts": [[2023]]},
         jaar_suffix="a", volledig=False),
    bron("domitrovich2017", type="chapter", author=[person("Domitrovich", "C. E.")],
         editor=[person("Durlak", "J. A.")], issued={"date-parts": [[2017]]}, title="Een hoofdstuk over leren",
         publisher="Guilford Press", page="3-19", **{"container-title": "Handbook of social and emotional learning"}),
    bron("weare2011b", type="document", author=[person("Weare", "K."), person("Nind", "M.")],
         issued={"date-parts": [[2011]]}, jaar_suffix="b", title="Tweede werk", volledig=False),
    bron("lammers2022", type="document", author=[person("Lammers"), person("Kleinjan")],
         issued={"date-parts": [[2022]]}, volledig=False),
    bron("deschesnes2003", author=[person("Deschesnes", "M.")], et_al=True, issued={"date-parts": [[2003]]},
         title="Comprehensive approaches to school health promotion: How to achieve broader implementation?",
         volledig=False, **{"container-title": "Health Promotion International", "volume": 18, "issue": 4,
                            "page": "387-396", "language": "en"}),
    bron("jeugdzd", type="webpage", author=[{"literal": "NJi"}], title="Cijfers over jeugd",
         URL="https://www.nji.nl/cijfers", accessed={"date-parts": [[2024, 3, 5]]}),
    bron("banerjee2014", author=[person("Banerjee", "R.")], issued={"date-parts": [[2014]]},
         title="Working with “Social and Emotional Aspects of Learning” (SEAL)",
         **{"container-title": "British Educational Research Journal", "language": "en"}),
    bron("durlak2011", author=[person("Durlak", "J. A."), person("Weissberg", "R. P."), person("Dymnicki", "A. B."),
                               person("Taylor", "R. D."), person("Schellinger", "K. B.")],
         issued={"date-parts": [[2011]]}, title="The impact of enhancing students' social and emotional learning",
         **{"container-title": "Child Development", "volume": 82, "issue": 1, "page": "405-432", "language": "en"}),
]


@pytest.fixture(scope="module")
def apa():
    return Apa({b.id: b for b in SOURCES})


@pytest.mark.parametrize("key,parenthetical,narrative", [
    ("bandura1977", "Bandura, 1977", "Bandura (1977)"),                       # one author
    ("weare2011", "Weare & Nind, 2011", "Weare en Nind (2011)"),              # two: '&', in running text 'en'
    ("kleinjan2016", "Kleinjan et al., 2016", "Kleinjan et al. (2016)"),      # four: et al.
    ("durlak2011", "Durlak et al., 2011", "Durlak et al. (2011)"),            # many
    ("stevens2023", "Stevens et al., 2023", "Stevens et al. (2023)"),         # co-authors not yet known
    ("rivm2018", "RIVM, 2018", "RIVM (2018)"),                                # corporate authors
    ("gezondeschoolzd", "Gezonde School, z.d.", "Gezonde School (z.d.)"),    # no date
    ("trimbosinstituutzda", "Trimbos-instituut, z.d.-a", "Trimbos-instituut (z.d.-a)"),  # suffixes
    ("pharos2023a", "Pharos, 2023a", "Pharos (2023a)"),
])
def test_in_text(apa, key, parenthetical, narrative):
    assert apa.parenthetical_item(key) == parenthetical
    assert apa.narrative(key) == narrative


def test_page_locators(apa):
    assert apa.parenthetical_item("weare2011", "p. 12") == "Weare & Nind, 2011, p. 12"
    assert apa.parenthetical_item("weare2011", "pp. 12-14") == "Weare & Nind, 2011, pp. 12–14"
    assert apa.narrative("bandura1977", "p. 193") == "Bandura (1977, p. 193)"


def test_several_works_in_apa_order(apa):
    assert apa.parenthetical([("weare2011", ""), ("durlak2011", ""), ("bandura1977", "p. 2")]) == \
        "(Bandura, 1977, p. 2; Durlak et al., 2011; Weare & Nind, 2011)"


GOLDEN = {
    # an English title and journal carry lang="en" (WCAG 3.1.2); page ranges take an en dash
    "bandura1977": 'Bandura, A. (1977). <span lang="en">Self-efficacy: Toward a unifying theory of behavioral change'
                   '</span>. <i><span lang="en">Psychological Review</span></i>, <i>84</i>(2), 191–215. '
                   '<a href="https://doi.org/10.1037/0033-295X.84.2.191">https://doi.org/10.1037/0033-295X.84.2.191</a>',
    # a title ending in "?" gets no extra full stop
    "weare2011": 'Weare, K., &amp; Nind, M. (2011). <span lang="en">Mental health promotion and problem prevention in '
                 'schools: What does the evidence say?</span> <i><span lang="en">Health Promotion International</span>'
                 '</i>, <i>26</i>, 29–69.',
    # a Dutch report keeps its sentence case and gets no lang
    "kleinjan2016": "Kleinjan, M., Bolier, L., Onrust, S., &amp; Monshouwer, K. (2016). <i>Mentale weerbaarheid en "
                    "mentaal welbevinden in de schoolsetting</i>. Trimbos-instituut.",
    # co-authors unknown: the known author only, never "et al." in a reference list (marked incomplete)
    "stevens2023": "Stevens. (2023).",
    # ... and a known initial keeps its period ("Deschesnes, M, et al." was wrong twice)
    "deschesnes2003": 'Deschesnes, M. (2003). <span lang="en">Comprehensive approaches to school health promotion: '
                      'How to achieve broader implementation?</span> <i><span lang="en">Health Promotion International'
                      '</span></i>, <i>18</i>(4), 387–396.',
    "rivm2018": "RIVM. (2018). <i>Gezonde School in het primair onderwijs</i>. RIVM.",
    # a web page without access date: the URL alone (APA 7; "Geraadpleegd van" is APA 6)
    "gezondeschoolzd": 'Gezonde School. (z.d.). <i>Wat is een erkende interventie?</i> '
                       '<a href="https://www.gezondeschool.nl/erkend">https://www.gezondeschool.nl/erkend</a>',
    # a page that changes, with the date it was consulted
    "jeugdzd": 'NJi. (z.d.). <i>Cijfers over jeugd</i>. Geraadpleegd op 5 maart 2024, van '
               '<a href="https://www.nji.nl/cijfers">https://www.nji.nl/cijfers</a>',
    "trimbosinstituutzda": "Trimbos-instituut. (z.d.-a).",
    "trimbosinstituutzdb": 'Trimbos-instituut. (z.d.-b). <i>Mentale klachten</i>. '
                           '<a href="https://www.trimbos.nl/mentale-klachten">https://www.trimbos.nl/mentale-klachten</a>',
    "pharos2023a": "Pharos. (2023a).",
    "weare2011b": "Weare, K., &amp; Nind, M. (2011b). <i>Tweede werk</i>.",  # the source's suffix
    # two authors, initials unknown: no comma before "&" (APA puts it after initials)
    "lammers2022": "Lammers &amp; Kleinjan. (2022).",
    "domitrovich2017": "Domitrovich, C. E. (2017). Een hoofdstuk over leren. In J. A. Durlak (red.), <i>Handbook of "
                       "social and emotional learning</i> (pp. 3–19). Guilford Press.",
    # a title within a title keeps the double quotes APA uses
    "banerjee2014": 'Banerjee, R. (2014). <span lang="en">Working with “Social and Emotional Aspects of Learning” '
                    '(SEAL)</span>. <i><span lang="en">British Educational Research Journal</span></i>.',
}


@pytest.mark.parametrize("key", GOLDEN)
def test_reference_list_entries(apa, key):
    assert apa.reference_html(key) == GOLDEN[key]


def test_reference_list_is_sorted_as_apa(apa):
    assert apa.order() == ["bandura1977", "banerjee2014", "deschesnes2003", "domitrovich2017", "durlak2011",
                           "gezondeschoolzd", "kleinjan2016", "lammers2022", "jeugdzd", "pharos2023a", "rivm2018",
                           "stevens2023", "trimbosinstituutzda", "trimbosinstituutzdb", "weare2011", "weare2011b"]


def order_of(*sources):
    return Apa({b.id: b for b in sources}).order()


def test_apa_order_ignores_apostrophes_letter_by_letter():
    """O'Neill and O'Toole file as ONeill and OToole: before "Ouders" and "overheid.nl" (case ignored)."""
    assert order_of(bron("overheidnlzd", type="webpage", author=[{"literal": "overheid.nl"}]),
                    bron("oudersenonderwijszd", type="document", author=[{"literal": "Ouders en Onderwijs"}]),
                    bron("otoole2021", type="document", author=[person("O’Toole"), person("Darlington")],
                         issued={"date-parts": [[2021]]}),
                    bron("oneill2001", author=[person("O'Neill", "D. J.")], issued={"date-parts": [[2001]]})) == \
        ["oneill2001", "otoole2021", "oudersenonderwijszd", "overheidnlzd"]


def test_apa_order_is_letter_by_letter_not_word_by_word():
    """Spaces do not count: Vanneste before Van Zundert, Deci before De Haan, Stichting before St Leger."""
    assert order_of(bron("vanzundert2017", author=[person("Van Zundert")], issued={"date-parts": [[2017]]}),
                    bron("vanneste2015", author=[person("Vanneste")], issued={"date-parts": [[2015]]}),
                    bron("dehaan2021", author=[person("de Haan")], issued={"date-parts": [[2021]]}),
                    bron("deci2000", author=[person("Deci", "E. L.")], issued={"date-parts": [[2000]]}),
                    bron("stleger2010", author=[person("St Leger")], issued={"date-parts": [[2010]]}),
                    bron("stichtingzd", author=[{"literal": "Stichting School en Veiligheid"}]),
                    bron("nji2017", author=[{"literal": "NJi"}], issued={"date-parts": [[2017]]}),
                    bron("nvvp", author=[{"literal": "Nederlandse Vereniging voor Psychiatrie"}])) == \
        ["deci2000", "dehaan2021", "nvvp", "nji2017", "stichtingzd", "stleger2010", "vanneste2015", "vanzundert2017"]


def test_apa_order_nothing_precedes_something():
    """Eklund, K. (2014) before Eklund, K. R. (2018), whatever the years; one author before the same
    author with others; the same author by year, undated first (Greenberg 2001 before 2017)."""
    assert order_of(bron("eklund2018", author=[person("Eklund", "K. R."), person("Rossen", "E.")],
                         issued={"date-parts": [[2018]]}),
                    bron("eklund2014", author=[person("Eklund", "K."), person("Dowdy", "E.")],
                         issued={"date-parts": [[2014]]})) == ["eklund2014", "eklund2018"]
    assert order_of(bron("weare2011", author=[person("Weare", "K."), person("Nind", "M.")], issued={"date-parts": [[2011]]}),
                    bron("weare2015", author=[person("Weare", "K.")], issued={"date-parts": [[2015]]})) == \
        ["weare2015", "weare2011"]
    assert order_of(bron("greenberg2017", author=[person("Greenberg", "M. T.")], issued={"date-parts": [[2017]]}),
                    bron("greenberg2001", author=[person("Greenberg", "M. T.")], issued={"date-parts": [[2001]]}),
                    bron("greenbergzd", author=[person("Greenberg", "M. T.")])) == \
        ["greenbergzd", "greenberg2001", "greenberg2017"]


def test_plain_text_reference_for_tooltips(apa):
    assert apa.reference_text("weare2011").startswith("Weare, K., & Nind, M. (2011). Mental health promotion")
    assert not apa.reference_text("weare2011").endswith("]")


def test_preview_of_an_incomplete_entry_says_so(apa):
    assert apa.reference_text("stevens2023") == "Stevens. (2023). [onvolledige bronvermelding]"


def test_a_full_date_reads_day_before_month():
    from kennisbank.cite import Apa as _Apa
    page = bron("slo2019", type="webpage", author=[{"literal": "SLO"}], issued={"date-parts": [[2019, 10, 23]]},
                title="Een pagina", URL="https://www.slo.nl/x/")
    text = _Apa({"slo2019": page}).reference_text("slo2019")
    assert "(2019, 23 oktober)" in text and "oktober 23" not in text
