import re

from kennisbank.handout import qr_svg, section


def test_qr_code_is_inline_svg_with_a_name():
    svg = qr_svg("https://kennisbank.example.org/p/B1/", "QR-code met de link")
    assert svg.startswith('<svg role="img" aria-label="QR-code met de link"')
    assert "<title>QR-code met de link</title>" in svg and "http" not in re.sub(r"<title>.*?</title>", "", svg)


def test_section_of_a_body():
    body = "## A {#a}\n\nEen.\n\n## B {#b}\n\n- twee\n\n## C {#c}\n\nDrie.\n"
    assert section(body, "b") == "- twee"
    assert section(body, "c") == "Drie."
    assert section(body, "x") == ""


def test_qr_codes_in_the_background_equal_those_made_on_demand():
    from kennisbank.handout import QrCodes

    urls = [f"https://kennisbank.example.org/i/programma-{i:03d}/" for i in range(60)]  # > 50: a worker process
    background = QrCodes(urls)
    assert background.svg(urls[59]) == qr_svg(urls[59], f"QR-code met de link {urls[59]}")
    assert background.svg("https://kennisbank.example.org/p/B1/").startswith("<svg")  # not in the batch
    few = QrCodes(urls[:3])  # a few: made on demand
    assert few.svg(urls[0]) == background.svg(urls[0])
