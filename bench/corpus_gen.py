"""Synthetic Indonesian news articles about Kazakhstan's January 2022 unrest, for benchmarks.

The articles are composed from templates and word lists (places come from the aliases in
kzdata/data/gazetteer.csv) and laid out like Indonesian news pages: a Title Case headline, an
optional standfirst, a "Outlet dunia | 13 Januari 2022, 16:46 WIB" meta line, a photo caption
ending "(Foto: AP)", a dateline ("ALMATY, KOMPAS.TV - "), 3-8 body paragraphs, a "Baca Juga:"
link, "Penulis : X Editor : Y" and "Sumber : ..." lines and teaser headlines after "TERBARU".
Each article is 2,500-3,500 characters in 8-14 blank-line separated blocks.

Output is deterministic: article i of seed s is the same whatever n is asked for.

    python bench/corpus_gen.py OUT_DIR N [--seed S]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "kzdata" / "data" / "gazetteer.csv"

MIN_CHARS, MAX_CHARS = 2_500, 3_500
MIN_BLOCKS, MAX_BLOCKS = 8, 14

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
PARTS_OF_DAY = ["pagi", "siang", "sore", "malam"]


# --------------------------------------------------------------------------- word lists

@dataclass(frozen=True)
class Outlet:
    name: str       # as in the "Sumber :" line
    section: str    # meta-line label: "<section> | 13 Januari 2022, 16:46 WIB"
    agency: str     # dateline agency: "ALMATY, <agency> - "


OUTLETS = [
    Outlet("Kompas TV", "Kompas dunia", "KOMPAS.TV"),
    Outlet("Kompas.com", "Internasional", "KOMPAS.com"),
    Outlet("Tempo", "Tempo dunia", "TEMPO.CO"),
    Outlet("CNN Indonesia", "CNN dunia", "CNN Indonesia"),
    Outlet("Antara", "Antara dunia", "ANTARA"),
    Outlet("Liputan6", "Global", "Liputan6.com"),
    Outlet("Republika", "Republika dunia", "REPUBLIKA.CO.ID"),
    Outlet("Sindonews", "Sindo internasional", "SINDOnews"),
]
WIRES = ["Associated Press", "AP", "Reuters", "AFP", "Anadolu Agency", "TASS", "Al Jazeera", "BBC"]
WRITERS = ["Rizky Pratama", "Dewi Anggraini", "Hendra Wijaya", "Nur Aisyah", "Bagus Setiawan",
           "Maria Lestari", "Fikri Ramadhan", "Yohanes Siregar", "Intan Permata", "Arief Nugroho",
           "Putri Handayani", "Galih Saputra", "Sri Wahyuni", "Danang Kurniawan", "Ayu Kartika"]
EDITORS = ["Hariyanto", "Vidi Batlolone", "Lusia Kartini", "Ade Irawan", "Teguh Santoso",
           "Rina Marpaung", "Bonifasius Sitompul", "Wulan Sari", "Joko Susilo", "Citra Dewanti"]
TEASERS = [
    "Harga Cabai Rawit di Pasar Induk Turun Jelang Akhir Pekan",
    "Timnas U-23 Tundukkan Vietnam Lewat Adu Penalti",
    "BMKG Prediksi Hujan Lebat Guyur Jabodetabek Sepekan ke Depan",
    "Gempa Magnitudo 5,1 Guncang Pesisir Selatan Jawa Barat",
    "Pemerintah Perpanjang PPKM Level 2 di Sejumlah Daerah",
    "Kereta Cepat Jakarta-Bandung Masuki Tahap Uji Lintasan",
    "Warga Antusias Ikuti Vaksinasi Booster di Puskesmas",
    "Harga Minyak Goreng Mulai Stabil di Pasar Tradisional",
    "Korea Utara Kembali Uji Coba Rudal Hipersonik",
    "Banjir Rendam Ratusan Rumah di Pesisir Kalimantan Selatan",
    "Menlu Bahas Kerja Sama Vaksin dengan Mitra ASEAN",
    "Presiden Tinjau Pembangunan Bendungan di Nusa Tenggara Timur",
    "Saham Teknologi Melemah Jelang Rilis Data Inflasi AS",
    "Liga Inggris: Arsenal Tahan Imbang Tamu dari London Barat",
    "Omicron Terdeteksi di Lima Provinsi, Kemenkes Minta Warga Waspada",
    "Festival Kuliner Nusantara Digelar Akhir Bulan Ini",
]

ACTOR_SPEAKERS = ["Kementerian Dalam Negeri Kazakhstan", "Kementerian Kesehatan Kazakhstan", "pihak berwenang",
                  "otoritas setempat", "kantor kejaksaan agung", "Komite Keamanan Nasional (KNB)",
                  "juru bicara kepolisian Almaty", "kantor kepresidenan"]
PROTESTERS = ["pengunjuk rasa", "demonstran", "massa", "para pendemo", "kelompok perusuh"]
SECURITY = ["pasukan keamanan", "aparat keamanan", "polisi antihuru-hara", "petugas penegak hukum", "garda nasional"]
CSTO_NAMES = ["CSTO", "Organisasi Perjanjian Keamanan Kolektif (CSTO)", "aliansi militer CSTO",
              "aliansi pimpinan Rusia, CSTO"]
CONTINGENTS = ["pasukan terjun payung Rusia", "tentara Belarusia", "pasukan Armenia", "prajurit Tajikistan",
               "pasukan Kirgistan", "penjaga perdamaian Rusia"]
FUELS = ["gas cair (LPG)", "bahan bakar gas", "elpiji", "bahan bakar kendaraan"]
PRESIDENT = ["Presiden Kassym-Jomart Tokayev", "Tokayev", "Presiden Tokayev", "Kassym-Jomart Tokayev"]
VEHICLES = ["mobil polisi", "bus kota", "kendaraan lapis baja", "truk militer", "mobil pribadi"]


def _latin(alias: str) -> bool:
    """Spellings an Indonesian newsroom would print (plain Latin letters)."""
    return alias.isascii()


def _load_places() -> dict[str, list[list[str]]]:
    """Latin-script aliases from the gazetteer, grouped by what the templates need."""
    groups: dict[str, list[list[str]]] = {"kz_city": [], "capital": [], "region": [], "direction": [],
                                          "airport": [], "city_hall": [], "square": [], "residence": []}
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases = [a for a in row["aliases"].split("|") if a and _latin(a)]
            kind, country = row["kind"], row["country"]
            if kind == "city" and country == "KAZ":
                groups["kz_city"].append(aliases[:3])
            elif kind == "city":
                groups["capital"].append(aliases[:2])
            elif kind == "region" and row["name"].endswith("Region"):
                groups["region"].append([a for a in aliases if a.split()[0] in ("Provinsi", "wilayah", "oblast")])
            elif kind == "region":
                groups["direction"].append([a for a in aliases if not a.split()[0].islower() or "Kazakhstan" in a][1:4])
            elif kind == "airport":
                groups["airport"].append(aliases[1:4])
            elif kind == "building" and "Hall" in row["name"]:
                groups["city_hall"].append(aliases[1:4])
            elif kind == "building":
                groups["residence"].append(aliases[1:3])
            elif kind == "square":
                groups["square"].append(aliases[1:3])
    return {k: [v for v in vs if v] for k, vs in groups.items()}


PLACES = _load_places()
# Cities that were in the news, weighted more than the rest of the gazetteer.
HOT_CITIES = ["Almaty", "Almaty", "Almaty", "Aktau", "Zhanaozen", "Shymkent", "Taraz", "Aktobe", "Taldykorgan"]


# --------------------------------------------------------------------------- numbers and dates

_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def number_words(n: int) -> str:
    """Indonesian words for 0 <= n < 1,000,000: 18 -> "delapan belas", 2500 -> "dua ribu lima ratus"."""
    if n == 0:
        return "nol"
    parts = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        parts.append("seribu" if thousands == 1 else f"{number_words(thousands)} ribu")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append("seratus" if hundreds == 1 else f"{_UNITS[hundreds]} ratus")
    if rest == 10:
        parts.append("sepuluh")
    elif rest == 11:
        parts.append("sebelas")
    elif 12 <= rest <= 19:
        parts.append(f"{_UNITS[rest - 10]} belas")
    elif rest >= 20:
        tens, unit = divmod(rest, 10)
        parts.append(f"{_UNITS[tens]} puluh" + (f" {_UNITS[unit]}" if unit else ""))
    elif rest:
        parts.append(_UNITS[rest])
    return " ".join(parts)


def digits(n: int) -> str:
    """4400 -> "4.400" (Indonesian group separator)."""
    return f"{n:,}".replace(",", ".")


class Writer:
    """Random choices for one article: numbers, dates, places, actors."""

    def __init__(self, rng: random.Random, published: dt.datetime):
        self.rng = rng
        self.published = published
        self.today = published.date()

    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # numbers -------------------------------------------------------------
    def count(self, low: int, high: int, noun: str = "orang", vague_ok: bool = True, qualify: bool = True) -> str:
        """A count with a qualifier, in digits or words: "lebih dari 4.400 orang", "puluhan orang"."""
        r = self.rng.random()
        n = self.rng.randint(low, high)
        if vague_ok and r < 0.12:
            word = "puluhan" if high < 100 else "ratusan" if high < 1000 else "ribuan"
            return f"{word} {noun}"
        qualifier = self.pick(["", "", "", "sekitar ", "lebih dari ", "hampir ", "setidaknya ", "sedikitnya ",
                               "kurang dari ", "kira-kira "]) if qualify else ""
        if qualifier and n >= 100:
            n = round(n, -2 if n >= 1000 else -1)
        written = number_words(n) if (n < 20 or (n % 100 == 0 and n < 10_000)) and self.chance(0.5) else digits(n)
        return f"{qualifier}{written} {noun}".strip()

    # dates ---------------------------------------------------------------
    def day_in(self, first: int, last: int) -> dt.date:
        """A day of January 2022 in [first, last], never after the publication day."""
        last = min(last, self.today.day)
        first = min(first, last)
        return dt.date(2022, 1, self.rng.randint(first, last))

    def date(self, day: dt.date) -> str:
        """A way of writing `day` as a news report would, relative to the publication day."""
        weekday = WEEKDAYS[day.weekday()]
        days_before = (self.today - day).days
        forms = [f"pada {weekday}, {day.day} {MONTHS[day.month - 1]} {day.year}",
                 f"{weekday}, {day.day} {MONTHS[day.month - 1]} {day.year}",
                 f"hari {weekday} ({day.day}/{day.month}/{day.year})",
                 f"{weekday} ({day.day}/{day.month})",
                 f"pada {day.day} Januari"]
        if days_before == 0:
            forms += ["hari ini", f"{weekday} {self.pick(PARTS_OF_DAY)}"]
        elif days_before == 1:
            forms += ["kemarin", f"{weekday} {self.pick(PARTS_OF_DAY)}"]
        if 0 < days_before < 7:
            forms += [f"hari {weekday}", f"pada hari {weekday}", f"{weekday} {self.pick(PARTS_OF_DAY)}"]
        elif 7 <= days_before < 14:
            forms += ["pekan lalu", "minggu lalu"]
        return self.pick(forms)

    # places and actors ---------------------------------------------------
    def city(self, hot: bool = True) -> str:
        if hot and self.chance(0.7):
            name = self.pick(HOT_CITIES)
            for aliases in PLACES["kz_city"]:
                if aliases[0] == name:
                    return aliases[0] if self.chance(0.8) else self.pick(aliases)
        return self.pick(self.pick(PLACES["kz_city"]))

    def region(self) -> str:
        group = "direction" if self.chance(0.4) else "region"
        return self.pick(self.pick(PLACES[group]))

    def capital(self) -> str:
        return self.pick(self.pick(PLACES["capital"]))

    def landmark(self, kind: str) -> str:
        return self.pick(self.pick(PLACES[kind]))

    def speaker(self) -> str:
        return self.pick(ACTOR_SPEAKERS)


# --------------------------------------------------------------------------- sentences

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def s_protest(w: Writer) -> str:
    day = w.day_in(2, 4)
    return w.pick([
        f"Gelombang protes meletus di {w.city()} {w.date(day)} setelah harga {w.pick(FUELS)} naik hampir dua kali lipat "
        f"dalam semalam.",
        f"Aksi protes yang semula damai di kota minyak {w.pick(['Zhanaozen', 'Janaozen', 'Aktau'])} dengan cepat menyebar "
        f"ke {w.city()} dan {w.city()}.",
        f"Ribuan warga turun ke jalan di {w.city()} {w.date(day)}, menuntut pemerintah membatalkan kenaikan harga "
        f"{w.pick(FUELS)}.",
        f"Unjuk rasa kemudian meluas ke {w.region()}, tempat para pekerja sektor energi ikut mogok kerja.",
        f"Para {w.pick(['sopir taksi', 'pekerja kilang', 'pedagang pasar', 'mahasiswa'])} ikut berdemonstrasi di "
        f"alun-alun kota {w.city()} sambil meneriakkan tuntutan agar harga diturunkan.",
    ])


def s_clash(w: Writer) -> str:
    day = w.day_in(4, 7)
    return w.pick([
        f"Bentrokan antara {w.pick(PROTESTERS)} dan {w.pick(SECURITY)} pecah di pusat kota {w.city()} {w.date(day)}.",
        f"Saksi mata menggambarkan baku tembak yang berlangsung berjam-jam di sekitar "
        f"{w.landmark(w.pick(['square', 'city_hall']))}.",
        f"Suara tembakan masih terdengar di beberapa distrik {w.city()} hingga {w.date(day)}, menurut warga yang "
        f"dihubungi lewat telepon.",
        f"{_cap(w.pick(PROTESTERS))} membakar sejumlah {w.pick(VEHICLES)} dan melempari barisan {w.pick(SECURITY)} "
        f"dengan batu dalam bentrokan {w.date(day)}.",
    ])


def s_building(w: Writer) -> str:
    day = w.day_in(5, 6)
    return w.pick([
        f"Massa menyerbu dan membakar {w.landmark('city_hall')} {w.date(day)}, sementara asap hitam membubung "
        f"di atas pusat kota.",
        f"Kantor partai penguasa dan {w.landmark('residence')} ikut diserbu serta dijarah oleh {w.pick(PROTESTERS)}.",
        f"Sejumlah toko dan bank di {w.city()} dijarah setelah {w.pick(PROTESTERS)} menduduki gedung-gedung "
        f"pemerintahan.",
    ])


def s_killed(w: Writer) -> str:
    day = w.day_in(6, 16)
    return w.pick([
        f"Kerusuhan itu menewaskan {w.count(40, 230)}, termasuk {w.count(12, 19, w.pick(SECURITY), False)}, "
        f"kata {w.speaker()} {w.date(day)}.",
        f"Menurut {w.speaker()}, korban tewas akibat kekerasan sepanjang pekan itu mencapai {w.count(150, 230, vague_ok=False)}.",
        f"Sebanyak {w.count(100, 200, 'jenazah', False, False)} telah dibawa ke kamar mayat di {w.city()}, demikian laporan "
        f"media setempat {w.date(day)}.",
        f"{_cap(w.count(10, 19, w.pick(SECURITY), False))} dilaporkan tewas, dua di antaranya ditemukan dalam kondisi "
        f"terpenggal, kata {w.speaker()}.",
        f"Jumlah korban jiwa bertambah menjadi {w.count(160, 227, vague_ok=False)}, ungkap {w.speaker()} dalam "
        f"keterangan tertulis {w.date(day)}.",
    ])


def s_injured(w: Writer) -> str:
    day = w.day_in(6, 14)
    return w.pick([
        f"Lebih dari {digits(w.rng.randint(20, 45) * 100)} orang terluka dan ratusan di antaranya masih dirawat "
        f"di rumah sakit {w.city()}.",
        f"{_cap(w.speaker())} mencatat {w.count(1000, 4500)} mengalami luka-luka selama kerusuhan.",
        f"Rumah sakit di {w.city()} kewalahan menampung korban luka, kata seorang dokter kepada {w.pick(WIRES)} "
        f"{w.date(day)}.",
    ])


def s_arrests(w: Writer) -> str:
    day = w.day_in(7, 18)
    return w.pick([
        f"Aparat telah menangkap {w.count(4000, 12000)} di seluruh negeri, kata {w.speaker()} {w.date(day)}.",
        f"{_cap(w.speaker())} melaporkan {w.count(300, 2500)} ditahan di {w.city()} atas dugaan penjarahan.",
        f"Penangkapan terhadap {w.count(50, 900, 'tersangka')} dilakukan dalam operasi pembersihan di {w.city()} "
        f"{w.date(day)}.",
        f"Mantan kepala badan intelijen Karim Massimov ikut ditahan atas tuduhan makar, menurut {w.speaker()}.",
        f"Polisi menahan {w.count(20, 400, 'warga asing')} yang dituduh ikut dalam kerusuhan, kata {w.speaker()}.",
    ])


def s_emergency(w: Writer) -> str:
    day = w.day_in(5, 5)
    return w.pick([
        f"{w.pick(PRESIDENT)} menetapkan keadaan darurat di {w.city()} dan {w.region()} {w.date(day)}.",
        f"Status keadaan darurat kemudian diperluas ke seluruh negeri hingga {w.pick(['19', '20'])} Januari.",
        f"Jam malam diberlakukan mulai pukul {w.rng.randint(21, 23)}.00 hingga 07.00 waktu setempat di {w.city()}.",
    ])


def s_government(w: Writer) -> str:
    day = w.day_in(5, 5)
    return w.pick([
        f"{w.pick(PRESIDENT)} menerima pengunduran diri kabinet {w.date(day)} dan menunjuk perdana menteri sementara.",
        f"Pemerintah Kazakhstan mengundurkan diri pada hari yang sama ketika protes mencapai {w.city()}.",
        f"Tokayev juga mencopot Nursultan Nazarbayev dari jabatan ketua Dewan Keamanan {w.date(day)}.",
    ])


def s_csto_request(w: Writer) -> str:
    day = w.day_in(5, 6)
    return w.pick([
        f"{w.pick(PRESIDENT)} meminta bantuan {w.pick(CSTO_NAMES)} {w.date(day)}, dengan alasan negaranya diserang "
        f"\"kelompok teroris\" yang dilatih di luar negeri.",
        f"Permintaan bantuan kepada CSTO disampaikan Tokayev dalam pidato televisi larut malam {w.date(day)}.",
        "Ketua CSTO saat itu, Perdana Menteri Armenia Nikol Pashinyan, menyetujui permintaan tersebut dalam hitungan jam.",
    ])


def s_deploy(w: Writer) -> str:
    day = w.day_in(6, 8)
    return w.pick([
        f"{_cap(w.pick(CSTO_NAMES))} mengirim {w.count(2000, 3000, 'tentara', False)} untuk menjaga objek vital "
        f"di Kazakhstan {w.date(day)}.",
        f"Rusia mengerahkan {w.count(1000, 3000, 'personel', False)} dan puluhan pesawat angkut untuk misi tersebut.",
        f"Moskow menerbangkan {w.count(20, 75, 'pesawat militer', False)} dari pangkalan di dekat {w.capital()} "
        f"untuk mengangkut pasukan.",
        f"Belarus, Armenia, Tajikistan dan Kirgistan masing-masing mengirimkan {w.count(100, 500, 'prajurit', False)}.",
    ])


def s_arrival(w: Writer) -> str:
    day = w.day_in(6, 9)
    return w.pick([
        f"Pesawat yang membawa {w.pick(CONTINGENTS)} tiba di {w.landmark('airport')} {w.date(day)}.",
        f"Kelompok pertama {w.pick(CONTINGENTS)} mendarat di {w.city()} {w.date(day)} dan langsung menjaga "
        f"fasilitas strategis.",
        f"Rekaman Kementerian Pertahanan Rusia memperlihatkan {w.pick(CONTINGENTS)} turun dari pesawat dengan "
        f"perlengkapan tempur lengkap.",
    ])


def s_airport(w: Writer) -> str:
    day = w.day_in(5, 6)
    later = w.day_in(11, 14)
    return w.pick([
        f"Massa sempat merebut {w.landmark('airport')} {w.date(day)} sebelum pasukan keamanan mengambil alih "
        f"kembali.",
        f"Bandara di kota terbesar negara itu kembali beroperasi {w.date(later)} setelah ditutup hampir sepekan.",
        f"Penerbangan kembali dibuka secara bertahap, kata pengelola {w.landmark('airport')} {w.date(later)}.",
    ])


def s_shoot(w: Writer) -> str:
    day = w.day_in(7, 7)
    return w.pick([
        f"{w.pick(PRESIDENT)} mengizinkan aparat menembak tanpa peringatan dalam pidato {w.date(day)}.",
        "Perintah tembak di tempat itu dikritik kelompok hak asasi manusia internasional.",
    ])


def s_internet(w: Writer) -> str:
    return w.pick([
        f"Akses internet diputus di hampir seluruh wilayah negara selama {w.pick(['lima', 'enam', 'beberapa'])} hari.",
        f"Pemadaman internet membuat warga di {w.city()} kesulitan menghubungi keluarga mereka.",
        f"Layanan internet seluler terputus sejak {w.date(w.day_in(5, 5)).removeprefix('pada ')}, kata penyedia layanan setempat.",
    ])


def s_withdraw(w: Writer) -> str:
    day = w.day_in(11, 19)
    return w.pick([
        f"Tokayev menyatakan misi CSTO telah selesai {w.date(w.day_in(11, 11))} dan pasukan akan ditarik secara bertahap.",
        f"Pasukan CSTO mulai menarik diri dari Kazakhstan {w.date(day)} dengan upacara di {w.city()}.",
        "Penarikan pasukan dijadwalkan rampung dalam sepuluh hari, kata Kementerian Pertahanan Rusia.",
        f"Pesawat terakhir yang membawa {w.pick(CONTINGENTS)} lepas landas menuju {w.capital()} {w.date(day)}.",
    ])


def s_quote(w: Writer) -> str:
    return w.pick([
        "\"Ketertiban konstitusional telah dipulihkan di semua wilayah,\" kata Tokayev dalam rapat pemerintah yang "
        "disiarkan televisi.",
        f"\"Kami tidak akan bernegosiasi dengan para penjahat,\" ujar {w.pick(PRESIDENT)}.",
        f"\"Situasi di kota sudah tenang, tetapi warga masih takut keluar rumah,\" tutur seorang warga {w.city()} "
        f"kepada {w.pick(WIRES)}.",
        "\"Toko-toko mulai buka lagi dan antrean di pom bensin sudah berkurang,\" kata seorang sopir taksi.",
    ])


def s_background(w: Writer) -> str:
    return w.pick([
        "Kazakhstan adalah produsen uranium terbesar di dunia dan salah satu pemasok minyak penting di Asia Tengah.",
        "Nazarbayev memimpin negara itu selama hampir tiga dekade sebelum menyerahkan kursi presiden kepada Tokayev "
        "pada 2019.",
        "Kerusuhan ini merupakan yang terburuk sejak Kazakhstan merdeka dari Uni Soviet lebih dari 30 tahun lalu.",
        f"Kenaikan harga {w.pick(FUELS)} memicu kemarahan karena sebagian besar kendaraan di wilayah barat memakai bahan "
        f"bakar tersebut.",
        "Para analis menilai kedatangan pasukan asing memperkuat pengaruh Moskow di kawasan bekas Soviet.",
        f"Pemerintah akhirnya menurunkan harga gas menjadi {w.rng.randint(50, 60)} tenge per liter selama enam bulan.",
    ])


def s_indonesia(w: Writer) -> str:
    return w.pick([
        f"Kementerian Luar Negeri RI memastikan {w.count(80, 130, 'WNI', False)} di Kazakhstan dalam kondisi aman.",
        "KBRI di Nur-Sultan membuka hotline bagi warga negara Indonesia yang membutuhkan bantuan.",
        f"Sebagian besar WNI di Kazakhstan adalah mahasiswa dan pekerja di sektor {w.pick(['perminyakan', 'konstruksi', 'perhotelan'])}.",
    ])


TOPICS = [s_protest, s_clash, s_building, s_killed, s_injured, s_arrests, s_emergency, s_government,
          s_csto_request, s_deploy, s_arrival, s_airport, s_shoot, s_internet, s_withdraw, s_quote,
          s_background, s_indonesia]


# --------------------------------------------------------------------------- headline and page

_MINOR = {"di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "atau", "dalam", "oleh", "akan", "usai",
          "atas", "hingga", "jadi"}


def title_case(text: str) -> str:
    words = text.split()
    return " ".join(w if (i and w.lower() in _MINOR) or w.isupper() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def headline(w: Writer) -> str:
    return title_case(w.pick([
        f"pasukan CSTO mulai tinggalkan {w.city()}",
        f"korban tewas kerusuhan Kazakhstan bertambah jadi {w.rng.randint(160, 230)} orang",
        "tokayev minta bantuan CSTO usai massa duduki bandara",
        f"{w.pick(['ribuan', 'lebih dari 5.000'])} orang ditangkap usai kerusuhan di Kazakhstan",
        f"bandara {w.pick(['Almaty', 'Alma-Ata'])} kembali dibuka setelah sepekan ditutup",
        f"tentara {w.pick(['Rusia', 'Belarusia', 'Armenia'])} tiba di Kazakhstan",
        "Kazakhstan berlakukan keadaan darurat, internet diputus",
        f"situasi {w.city()} berangsur pulih, warga mulai antre bahan bakar",
        f"harga gas naik, protes di {w.city()} berujung bentrokan",
        "Kemlu pastikan WNI di Kazakhstan dalam kondisi aman",
    ]))


def standfirst(w: Writer) -> str:
    return w.pick([
        f"Pemerintah Kazakhstan menyebut situasi di {w.city()} telah terkendali",
        "Kerusuhan dipicu kenaikan harga bahan bakar gas pada awal tahun",
        "Aliansi militer pimpinan Rusia mengirim pasukan atas permintaan Presiden Tokayev",
        f"Warga {w.city()} mulai kembali beraktivitas meski pasukan masih berjaga di jalan-jalan",
    ])


def caption(w: Writer) -> str:
    day = w.day_in(5, 14)
    when = f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return w.pick([
        f"Tentara berjaga di depan {w.landmark('city_hall')} yang rusak, {when}. (Foto: AP)",
        f"Warga melintas di dekat {w.pick(VEHICLES)} yang hangus terbakar di {w.city()}, Kazakhstan, {when}. (Foto: AP)",
        f"{_cap(w.pick(CONTINGENTS))} berbaris di landasan {w.landmark('airport')}, {when}. (Foto: AP)",
        f"Antrean kendaraan di sebuah stasiun pengisian bahan bakar di {w.city()}, {when}. (Foto: AP)",
    ])


def meta_line(w: Writer, outlet: Outlet) -> str:
    p = w.published
    return f"{outlet.section} | {p.day} {MONTHS[p.month - 1]} {p.year}, {p.hour:02d}:{p.minute:02d} WIB"


def _body_paragraph(w: Writer, topics: list, used: set[str]) -> str:
    sentences = []
    for topic in topics:
        for _ in range(5):          # a sentence is not repeated within an article
            sentence = topic(w)
            if sentence not in used:
                used.add(sentence)
                sentences.append(sentence)
                break
    return " ".join(sentences)


def _blocks(text: str) -> int:
    return sum(1 for block in text.split("\n\n") if block.strip())


def generate_article(rng: random.Random) -> str:
    """One article from `rng`: 2,500-3,500 characters in 8-14 blank-line separated blocks."""
    for _ in range(100):
        text = _compose(rng)
        if MIN_CHARS <= len(text) <= MAX_CHARS and MIN_BLOCKS <= _blocks(text) <= MAX_BLOCKS:
            return text
    raise RuntimeError("could not compose an article within the length limits")  # pragma: no cover


def _compose(rng: random.Random) -> str:
    published = dt.datetime(2022, 1, rng.randint(7, 20), rng.randint(6, 22), rng.randint(0, 59))
    w = Writer(rng, published)
    outlet = w.pick(OUTLETS)
    dateline_city = w.pick(["ALMATY", "ALMATY", "NUR-SULTAN", "MOSKOW", "JAKARTA", "AKTAU", "SHYMKENT"])
    wire = w.pick(WIRES)

    head = [headline(w)]
    if w.chance(0.5):
        head.append(standfirst(w))
    head.append(f"{meta_line(w, outlet)}\n{caption(w)}")

    target = rng.randint(MIN_CHARS + 100, MAX_CHARS - 100)
    max_body = MAX_BLOCKS - len(head) - 4          # Baca Juga, byline, source and teasers are blocks too
    topics = TOPICS[:]
    rng.shuffle(topics)
    topics += rng.sample(TOPICS, len(TOPICS))      # a topic may come back later with another sentence
    body: list[str] = []
    used: set[str] = set()
    footer_len = 330   # Baca Juga, bylines, source and teasers, roughly
    sizes = rng.choice([(2, 3), (2, 3, 4), (3, 4), (3, 4, 5)])   # sentences per paragraph: the outlet's style
    while topics and len(body) < max_body:
        size = min(len(topics), rng.choice(sizes))
        chosen, topics = topics[:size], topics[size:]
        paragraph = _body_paragraph(w, chosen, used)
        if not body:
            paragraph = f"{dateline_city}, {outlet.agency} - {paragraph}"
        body.append(paragraph)
        if len("\n\n".join(head + body)) + footer_len >= target and len(body) >= 3:
            break

    related = f"Baca Juga: {headline(w)}"
    at = rng.randint(2, max(2, len(body) - 1))
    body.insert(at, related)
    byline = f"Penulis : {w.pick(WRITERS)} Editor : {w.pick(EDITORS)}"
    source = f"Sumber : {outlet.name}/{wire}"
    teasers = "\n".join(["TERBARU", ""] + rng.sample(TEASERS, rng.randint(2, 4)))
    blocks = head + body + [byline, source, teasers]
    # the teasers are separated by line breaks only, so that they count as one block of the page
    return "\n\n".join(blocks).replace("TERBARU\n\n", "TERBARU\n") + "\n"


def generate_articles(n: int, seed: int = 0) -> list[str]:
    """`n` articles; article i depends only on (seed, i)."""
    return [generate_article(random.Random(f"qantar-bench:{seed}:{i}")) for i in range(n)]


def write_articles(folder, n: int, seed: int = 0) -> list[Path]:
    """Write `n` articles as UTF-8 files gen_00000.txt, ... into `folder`; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(n - 1)))
    paths = []
    for i, text in enumerate(generate_articles(n, seed)):
        path = folder / f"gen_{i:0{width}d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write gen_NNNNN.txt files into")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = write_articles(args.out_dir, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
