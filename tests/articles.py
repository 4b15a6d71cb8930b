"""Invented Indonesian articles for the storage tests: none of them is a seed or quotes one."""

SHYMKENT = """Polisi Shymkent Tahan Puluhan Penjarah Toko Elektronik

SHYMKENT - Polisi di kota Shymkent menahan 37 orang yang diduga menjarah toko elektronik di pusat kota pada Sabtu, 8 Januari 2022, kata juru bicara kepolisian setempat.

Menurut polisi, sebagian besar barang curian sudah dikembalikan kepada pemilik toko, sementara pusat perbelanjaan di kota itu mulai dibuka kembali.
"""

WIRE = """Ratusan Warga Aktau Berkumpul Lagi di Alun-Alun Kota

AKTAU - Ratusan warga kembali berkumpul di alun-alun kota Aktau pada Senin, 10 Januari 2022, menuntut harga gas yang lebih murah.
Seorang pejabat setempat mengatakan sedikitnya 15 orang ditahan polisi setelah bentrokan singkat dengan aparat keamanan di dekat gedung pemerintah.
Para pengunjuk rasa membawa spanduk dan meneriakkan tuntutan mereka sampai sore hari sebelum membubarkan diri dengan tertib.
Pemerintah daerah berjanji akan membuka dialog dengan perwakilan warga dalam beberapa hari ke depan untuk membahas tuntutan tersebut.
"""


def wire_copy(outlet_line: str) -> str:
    """The wire story as another outlet republishes it: its own headline and dateline, one sentence added."""
    body = WIRE.split("\n", 2)[2].replace("AKTAU - ", f"AKTAU, {outlet_line} - ", 1)
    return "Warga Aktau Kembali Turun ke Jalan\n\n" + body + "Berita ini disadur dari kantor berita asing.\n"


NO_DATE = """Suasana Kota Almaty Mulai Tenang

Toko-toko di Almaty mulai buka kembali dan warga terlihat berbelanja kebutuhan sehari-hari di pasar.
"""

ELSEWHERE = """Petani Jember Panen Raya Padi

Petani di Jember menyambut panen raya padi pada Senin, 10 Januari 2022, dengan harga gabah yang stabil.
"""


def generated(count: int, start: int = 0) -> list[str]:
    """`count` distinct small articles (a number in the headline keeps each one's bytes its own)."""
    return [SHYMKENT.replace("37 orang", f"{index + 10} orang").replace("Puluhan", f"Nomor {index}")
            for index in range(start, start + count)]
