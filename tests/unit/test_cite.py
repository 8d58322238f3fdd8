from kennisbank import cite
from kennisbank.model import Bron


def bron(**csl):
    return Bron(id=csl.pop("id", "x2023"), csl=csl)


def test_one_two_and_many_authors():
    one = bron(author=[{"family": "Bandura"}], issued={"date-parts": [[1977]]})
    two = bron(author=[{"family": "Weare"}, {"family": "Nind"}], issued={"date-parts": [[2011]]})
    many = bron(author=[{"family": "Stevens"}], et_al=True, issued={"date-parts": [[2023]]})
    three = bron(author=[{"family": "A"}, {"family": "B"}, {"family": "C"}], issued={"date-parts": [[2020]]})
    assert cite.parenthetical(one) == "Bandura, 1977"
    assert cite.parenthetical(two) == "Weare & Nind, 2011"
    assert cite.narrative(many) == "Stevens et al. (2023)"
    assert cite.narrative(three) == "A et al. (2020)"


def test_corporate_author_no_date_and_suffix():
    b = bron(author=[{"literal": "Trimbos-instituut"}], jaar_suffix="a")
    assert cite.parenthetical(b) == "Trimbos-instituut, z.d.-a"
    dated = bron(author=[{"literal": "Pharos"}], issued={"date-parts": [[2023]]}, jaar_suffix="b")
    assert cite.narrative(dated) == "Pharos (2023b)"


def test_locator():
    b = bron(author=[{"family": "Weare"}], issued={"date-parts": [[2015]]})
    assert cite.parenthetical(b, "p. 12") == "Weare, 2015, p. 12"


def test_particle_kept_in_name():
    b = bron(author=[{"family": "Van Overveld"}], issued={"date-parts": [[2017]]})
    assert cite.parenthetical(b) == "Van Overveld, 2017"


def test_reference_with_unknown_co_authors():
    b = bron(author=[{"family": "Adi"}], et_al=True, issued={"date-parts": [[2007]]})
    assert cite.reference(b) == "Adi et al. (2007)."
    full = bron(author=[{"family": "Weare"}, {"family": "Nind"}], issued={"date-parts": [[2011]]}, title="Titel")
    assert cite.reference(full) == "Weare & Nind (2011). Titel."
    three = bron(author=[{"family": "A"}, {"family": "B"}, {"family": "C"}], issued={"date-parts": [[2020]]})
    assert cite.reference(three) == "A, B, & C (2020)."
