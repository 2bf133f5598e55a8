"""Hub pages stay short: a counted list shows the 25 most frequent and leads to the overview."""

from __future__ import annotations

from conftest import build_into

STATES = (
    "België, Duitsland, Frankrijk, Luxemburg, Denemarken, Noorwegen, Zweden, Finland, Polen, Estland, Letland, "
    "Litouwen, Spanje, Portugal, Italië, Griekenland, Roemenië, Bulgarije, Tsjechië, Slowakije, Hongarije, "
    "Slovenië, Kroatië, Oostenrijk, Ierland, Canada, IJsland, Japan, Australië en Zuid-Korea"
)


def test_a_partner_with_many_co_partners_shows_25_and_leads_to_the_overview(tmp_path):
    source = tmp_path / "source_docs"
    source.mkdir()
    (source / "brief.txt").write_text(
        f"Den Haag, 3 maart 2021\n\nOnderwerp: Gezamenlijke oefening\n\nNederland werkt samen met {STATES} "
        "bij een gezamenlijke oefening van de strijdkrachten.\n",
        encoding="utf-8",
    )
    built = build_into(tmp_path, source, strict=False)
    page = built.html("partners/belgie/index.html")
    section = page.split('id="samen-met"', 1)[1].split("<h2", 1)[0]
    assert section.count("<li>") == 26
    assert "en nog" in section and "alle partnerlanden" in section


def test_a_number_cited_by_many_shows_five_citing_documents(tmp_path):
    source = tmp_path / "source_docs"
    source.mkdir()
    for day in range(1, 8):
        (source / f"brief-{day}.txt").write_text(
            f"Den Haag, {day} maart 2021\n\nOnderwerp: Stand van zaken {day}\n\n"
            f"Zoals gemeld in Kamerstuk 33 279, nr. 5 werkt Nederland samen met België.\n",
            encoding="utf-8",
        )
    (source / "nr-40.txt").write_text(
        "Tweede Kamer der Staten-Generaal\n\n33 279 Internationale militaire samenwerking\n\n"
        "Nr. 40 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDen Haag, 9 maart 2021\n\nNederland werkt samen met Duitsland.\n",
        encoding="utf-8",
    )
    built = build_into(tmp_path, source, strict=False)
    page = built.html("dossiers/33279/index.html")
    assert page.count("«Zoals gemeld in Kamerstuk") == 5 and "en nog 2 documenten" in page
