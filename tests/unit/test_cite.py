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
    ("weare2011", "Weare & Nind, 2011", "Weare & Nind (2011)"),               # two: ampersand
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
    "bandura1977": 'Bandura, A. (1977). Self-efficacy: Toward a unifying theory of behavioral change. <i>Psychological '
                   'Review</i>, <i>84</i>(2), 191–215. <a href="https://doi.org/10.1037/0033-295X.84.2.191">'
                   'https://doi.org/10.1037/0033-295X.84.2.191</a>',
    # a title ending in "?" gets no extra full stop; page ranges take an en dash
    "weare2011": "Weare, K., &amp; Nind, M. (2011). Mental health promotion and problem prevention in schools: What "
                 "does the evidence say? <i>Health Promotion International</i>, <i>26</i>, 29–69.",
    # a Dutch report keeps its sentence case
    "kleinjan2016": "Kleinjan, M., Bolier, L., Onrust, S., &amp; Monshouwer, K. (2016). <i>Mentale weerbaarheid en "
                    "mentaal welbevinden in de schoolsetting</i>. Trimbos-instituut.",
    "stevens2023": "Stevens et al. (2023).",
    "rivm2018": "RIVM. (2018). <i>Gezonde School in het primair onderwijs</i>. RIVM.",
    # a web page without access date: "Geraadpleegd van"
    "gezondeschoolzd": 'Gezonde School. (z.d.). <i>Wat is een erkende interventie?</i> Geraadpleegd van '
                       '<a href="https://www.gezondeschool.nl/erkend">https://www.gezondeschool.nl/erkend</a>',
    "trimbosinstituutzda": "Trimbos-instituut. (z.d.-a).",
    "trimbosinstituutzdb": 'Trimbos-instituut. (z.d.-b). <i>Mentale klachten</i>. Geraadpleegd van '
                           '<a href="https://www.trimbos.nl/mentale-klachten">https://www.trimbos.nl/mentale-klachten</a>',
    "pharos2023a": "Pharos. (2023a).",
    "weare2011b": "Weare, K., &amp; Nind, M. (2011b). <i>Tweede werk</i>.",  # the source's suffix
    "lammers2022": "Lammers &amp; Kleinjan. (2022).",  # two authors, initials unknown: no serial comma
    "domitrovich2017": "Domitrovich, C. E. (2017). Een hoofdstuk over leren. In J. A. Durlak (red.), <i>Handbook of "
                       "social and emotional learning</i> (pp. 3–19). Guilford Press.",
}


@pytest.mark.parametrize("key", GOLDEN)
def test_reference_list_entries(apa, key):
    assert apa.reference_html(key) == GOLDEN[key]


def test_reference_list_is_sorted_as_apa(apa):
    assert apa.order() == ["bandura1977", "domitrovich2017", "durlak2011", "gezondeschoolzd", "kleinjan2016",
                           "lammers2022", "pharos2023a", "rivm2018", "stevens2023", "trimbosinstituutzda", "trimbosinstituutzdb",
                           "weare2011", "weare2011b"]


def test_plain_text_reference_for_tooltips(apa):
    assert apa.reference_text("weare2011").startswith("Weare, K., & Nind, M. (2011). Mental health promotion")
