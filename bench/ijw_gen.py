#!/usr/bin/env python3
"""Writes synthetic iJw 3.2 messages for the iJw import benchmark (bench/ijw_bench.sh).

ijw_gen.py DIR --jw301 N   : master data CSV + N JW301 files (one client, one product)
ijw_gen.py DIR --jw323 N   : master data CSV (with N/4 assignments in toewijzingen.csv)
                             + JW323 files with N declaration lines in total
The BSNs are synthetic (they pass the 11-test); no real person.
"""
import argparse
import os

NS = 'xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"'


def bsn(i):
    # 9 digits passing the 11-test, one per i: d1..d8 from i (first digit 1-9 tried in
    # turn), d9 so that the weighted sum is 0 mod 11.
    for first in range(1, 10):
        head = f"{first}{i:07d}"
        s = sum(int(d) * w for d, w in zip(head, range(9, 1, -1)))
        if s % 11 < 10:
            return head + str(s % 11)
    raise ValueError(i)


def header(kind, code, sender, receiver, ident):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<{kind}:Bericht {NS} xmlns:{kind}="http://www.istandaarden.nl/ijw/3_2/{kind}/schema">\n'
            f'<{kind}:Header><{kind}:BerichtCode>{code}</{kind}:BerichtCode>'
            f'<{kind}:BerichtVersie>3</{kind}:BerichtVersie><{kind}:BerichtSubversie>2</{kind}:BerichtSubversie>'
            f'<{kind}:Afzender>{sender}</{kind}:Afzender><{kind}:Ontvanger>{receiver}</{kind}:Ontvanger>'
            f'<{kind}:BerichtIdentificatie><ijw:Identificatie>{ident}</ijw:Identificatie>'
            f'<ijw:Dagtekening>2025-02-05</ijw:Dagtekening></{kind}:BerichtIdentificatie>'
            f'<{kind}:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>'
            f'<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></{kind}:XsdVersie></{kind}:Header>\n')


def master(d, assignments):
    w = lambda n, t: open(os.path.join(d, n), "w").write(t)
    w("gemeenten.csv", "gemeentecode;naam;subregio;begindatum\nGM0505;Dordrecht;D;2015-01-01\n")
    w("aanbieders.csv", "agb_code;naam\n12345678;Aanbieder\n")
    w("producten.csv", "productcategorie;productcode;omschrijving;eenheid;kostenpost;afbakening\n"
      "45;45A10;Begeleiding;04;ambulant;zeker\n")
    rows = ["toewijzingnummer;bsn;gemeentecode;agb_code;productcategorie;productcode;volume;"
            "eenheid;frequentie;ingangsdatum;einddatum;verwijzer"]
    for a in range(assignments):
        rows.append(f"{a + 1};{bsn(a)};GM0505;12345678;45;45A10;4;04;2;2024-01-01;;gemeente")
    w("toewijzingen.csv", "\n".join(rows) + "\n")


def jw301(d, n):
    for i in range(n):
        x = header("jw301", 436, "0505", "12345678", f"T{i}")
        x += (f'<jw301:Client><jw301:Bsn>{bsn(i)}</jw301:Bsn><jw301:Geboortedatum><ijw:Datum>2012-03-04</ijw:Datum>'
              f'</jw301:Geboortedatum><jw301:Geslacht>1</jw301:Geslacht><jw301:Naam><ijw:Geslachtsnaam>'
              f'<ijw:Achternaam>Jansen</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>J</ijw:Voorletters>'
              f'<ijw:NaamGebruik>1</ijw:NaamGebruik></jw301:Naam><jw301:Contactgegevens><jw301:Contact>'
              f'<jw301:Soort>01</jw301:Soort></jw301:Contact></jw301:Contactgegevens><jw301:ToegewezenProducten>'
              f'<jw301:ToegewezenProduct><jw301:ToewijzingNummer>{900000 + i}</jw301:ToewijzingNummer>'
              f'<jw301:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A10</ijw:Code></jw301:Product>'
              f'<jw301:Toewijzingsdatum>2025-01-01</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>10:00:00</jw301:Toewijzingstijd>'
              f'<jw301:Ingangsdatum>2025-01-01</jw301:Ingangsdatum><jw301:Omvang><ijw:Volume>4</ijw:Volume>'
              f'<ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></jw301:Omvang>'
              f'</jw301:ToegewezenProduct></jw301:ToegewezenProducten></jw301:Client></jw301:Bericht>\n')
        open(os.path.join(d, f"jw301_{i:06d}.xml"), "w").write(x)


def jw323(d, n, per_file=50000):
    assignments = max(1, n // 4)
    master(d, assignments)
    line = 0
    f = 0
    while line < n:
        count = min(per_file, n - line)
        parts = []
        for k in range(count):
            a = (line + k) % assignments
            month = (line + k) // assignments + 1  # 4 months per assignment
            ref = f"R{line + k}"
            parts.append(
                f'<jw323:Client><jw323:Bsn>{bsn(a)}</jw323:Bsn><jw323:Prestaties><jw323:Prestatie>'
                f'<jw323:ProductReferentie><ijw:ReferentieNummer>{ref}</ijw:ReferentieNummer></jw323:ProductReferentie>'
                f'<jw323:ToewijzingNummer>{a + 1}</jw323:ToewijzingNummer><jw323:ProductCategorie>45</jw323:ProductCategorie>'
                f'<jw323:ProductCode>45A10</jw323:ProductCode><jw323:ProductPeriode><ijw:Begindatum>2024-{month:02d}-01</ijw:Begindatum>'
                f'<ijw:Einddatum>2024-{month:02d}-28</ijw:Einddatum></jw323:ProductPeriode><jw323:GeleverdVolume>4</jw323:GeleverdVolume>'
                f'<jw323:Eenheid>04</jw323:Eenheid><jw323:ProductTarief>1000</jw323:ProductTarief><jw323:IngediendBedrag>'
                f'<ijw:Bedrag>4000</ijw:Bedrag><ijw:DebetCredit>D</ijw:DebetCredit></jw323:IngediendBedrag>'
                f'</jw323:Prestatie></jw323:Prestaties></jw323:Client>\n')
        x = header("jw323", 490, "12345678", "0505", f"D{f}")
        x += (f'<jw323:Declaratie><jw323:DeclaratieNummer>DN{f}</jw323:DeclaratieNummer><jw323:DeclaratiePeriode>'
              f'<ijw:Begindatum>2024-01-01</ijw:Begindatum><ijw:Einddatum>2024-12-31</ijw:Einddatum></jw323:DeclaratiePeriode>'
              f'<jw323:DeclaratieDagtekening>2025-02-05</jw323:DeclaratieDagtekening><jw323:TotaalIngediendBedrag>'
              f'<ijw:TotaalBedrag>{4000 * count}</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit></jw323:TotaalIngediendBedrag>'
              f'<jw323:Clienten>\n' + "".join(parts) + '</jw323:Clienten></jw323:Declaratie></jw323:Bericht>\n')
        open(os.path.join(d, f"jw323_{f:04d}.xml"), "w").write(x)
        line += count
        f += 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--jw301", type=int, default=0)
    ap.add_argument("--jw323", type=int, default=0)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    if a.jw301:
        master(a.dir, 0)
        jw301(a.dir, a.jw301)
    if a.jw323:
        jw323(a.dir, a.jw323)
