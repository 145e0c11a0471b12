#!/usr/bin/env python3
"""One-off import: builds ../regions.json (the app's catalogue) from the facts file (domain/data/facts/regions.json, the sourced facts with their registry).

After the import, domain/data/regions.json is the file program staff edit (see ../README.md);
re-running this script would overwrite hand edits. Usage, from the repository root:

    python3 domain/data/tools/import_facts.py domain/data/facts/regions.json

Rules: figures carry over with their year and sources; a null stays null; only what the app
shows or scores is kept (the raw facts file is ~236 KB).
"""
import json
import sys
from pathlib import Path

from overlay import DESCRIPTIONS, SECTORS, ENGLISH

HERE = Path(__file__).resolve().parent


def fig(value, year, sources, approx=False, note=None, period=None, digits=None):
    if value is None:
        return None
    if digits is not None:
        value = round(value, digits)
    f = {"value": value, "year": year, "sources": list(sources)}
    if period:
        f["period"] = period
    if approx:
        f["approx"] = True
    if note:
        f["note"] = {"fr": note[0], "en": note[1]}
    return f


def clean_name(name):
    """Organisation names as they are known in French: English glosses in brackets are dropped
    (the app shows the name in both languages)."""
    import re
    name = name.replace("joint project of PROMIS, Collectif des femmes immigrantes du Québec and INICI (formerly ALPA)",
                        "projet commun de PROMIS, du Collectif des femmes immigrantes du Québec et d'INICI")
    name = name.replace(" – regional immigration centre led by the CLD de Rouyn-Noranda", " – CLD de Rouyn-Noranda")
    m = re.match(r"^(.*?) \(([^)]*)\)$", name)
    if m and " " in m.group(2) and not m.group(2).isupper():
        return m.group(1)
    return name


def station(cl):
    place = cl["place"]
    city = place.split(" (")[0].replace("Québec/Jean Lesage Intl A", "Québec (aéroport Jean-Lesage)")
    city_en = place.split(" (")[0].replace("Québec/Jean Lesage Intl A", "Québec City (Jean Lesage airport)")
    fr, en = f"Station : {city}.", f"Station: {city_en}."
    if cl.get("proxy"):
        fr += " Station voisine, pas dans la ville principale."
        en += " A nearby station, not in the main city."
    return (fr, en)


def region(r):
    code = r["code"]
    pop = r["population"]
    dist = r["distance_from_montreal"]
    lm = r["labour_market"]
    cities = r["main_cities"]
    figures = {}
    figures["population"] = fig(pop["census_2021"], 2021, pop["census_2021_sources"])
    big = cities[0]
    figures["main_city_population"] = fig(big["population"], big["year"], big["sources"])
    figures["density"] = fig(r["density_per_km2"], 2021, r["land_area_sources"])
    if code in ("06",):
        figures["distance_km"] = fig(0, 2024, ["bdga_1m"])
    else:
        figures["distance_km"] = fig(dist["straight_line_km"], 2024, dist["straight_line_sources"], approx=True)
    figures["road_distance_km"] = (fig(dist["road_km"], 2024, dist["road_sources"])
                                   if dist.get("road_km") else None)
    vac = lm["job_vacancy_rate_pct"]
    figures["job_vacancy_rate"] = fig(vac["2018"], 2018, vac["sources"],
                                      note=("Moyenne annuelle; Côte-Nord et Nord-du-Québec publiés ensemble."
                                            if code in ("09", "10") else None,
                                            "Annual average; Côte-Nord and Nord-du-Québec published together."
                                            if code in ("09", "10") else None) if code in ("09", "10") else None)
    emp = lm["employment_thousands"]
    combined = code in ("09", "10")
    figures["employment"] = fig(round(emp["2024"] * 1000), 2024, emp["sources"],
                                note=("Côte-Nord et Nord-du-Québec ensemble.",
                                      "Côte-Nord and Nord-du-Québec together.") if combined else None)
    un = lm.get("unemployment_rate_pct")
    uf = None
    if un:
        # Only figures read from an official or primary source; unverified years are left out.
        unver = set(un.get("unverified_years", []))
        years = sorted(int(y) for y in un if y.isdigit() and y not in unver and int(y) <= 2024)
        if years:
            y = str(years[-1])
            src = un.get("year_sources", {}).get(y)
            uf = fig(un[y], int(y), [src] if src else un["sources"])
    figures["unemployment_rate"] = uf
    inc = r["income"]["disposable_income_per_capita"]
    figures["disposable_income"] = fig(inc["2017"], 2017, inc["sources"])
    h = r["housing"].get("cmhc_2br_turnover_non_turnover")
    if h:
        note_fr = f"RMR : {h['centre'].replace(' CMA', '').replace(' (Quebec part)', ' (partie québécoise)')}."
        note_en = f"CMA: {h['centre'].replace(' CMA', '')}."
        if h.get("proxy"):
            note_fr += " Valeur de la région métropolitaine voisine, pas de la région elle-même."
            note_en += " Figure for the neighbouring metropolitan area, not the region itself."
        figures["rent"] = fig(h["turnover_avg_rent"]["2024"], 2024, h["sources"], approx=bool(h.get("proxy")),
                              note=(note_fr, note_en))
    else:
        figures["rent"] = None
    cl = r["climate"]
    per = cl.get("normals")
    if cl.get("jan_mean_c") is not None:
        p = "1971-2000"
        figures["january_temperature"] = fig(cl["jan_mean_c"], 2000, cl["sources"][:1], period=p,
                                             approx=bool(cl.get("approx") or cl.get("proxy")),
                                             note=station(cl))
    else:
        figures["january_temperature"] = None
    if cl.get("annual_snowfall_cm") is not None:
        p = "1971-2000" if per == "1971-2000" else "1981-2010"
        figures["snowfall"] = fig(cl["annual_snowfall_cm"], int(p[-4:]), cl["sources"][-1:], period=p,
                                  approx=bool(cl.get("proxy")),
                                  note=station(cl))
    else:
        figures["snowfall"] = None

    out = {
        "code": code,
        "slug": r["slug"],
        "name_fr": r["name_fr"],
        "name_en": r["name_en"],
        "destination": r["destination"],
        "main_city": dist["to_city"],
        "description": {"fr": DESCRIPTIONS[code][0], "en": DESCRIPTIONS[code][1]},
        "main_cities": [
            {"name": c["name"], "population": c["population"], "year": c["year"], "sources": c["sources"]}
            for c in cities
        ],
        "figures": figures,
    }
    secs = []
    for item, (fr, en, tags) in zip(r.get("key_sectors") or [], SECTORS.get(code, [])):
        s = {"text": {"fr": fr, "en": en}, "fields": tags, "sources": item["sources"]}
        if item.get("year"):
            s["year"] = item["year"]
        if not item.get("verified"):
            s["verified"] = False
        secs.append(s)
    assert len(secs) == len(SECTORS.get(code, [])), code
    out["sectors"] = secs
    es = r["english_services"]
    level, fr, en = ENGLISH[code]
    out["english"] = {
        "level": level,
        "summary": {"fr": fr, "en": en} if fr else None,
        "organisations": [{"name": o["name"], "url": o.get("url"), "sources": o["sources"]}
                          for o in es.get("organisations", [])],
        "sources": sorted({s for o in es.get("organisations", []) for s in o["sources"]}
                          | ({"helper_general_knowledge"} if es.get("verified") is False else set())),
    }
    if es.get("verified") is False and code not in ("06", "13"):
        out["english"]["verified"] = False
    out["support"] = [
        {"name": clean_name(o["name"]), "city": (o.get("city") or "").split(" (")[0].split(",")[0] or None,
         "url": o.get("website"), "sources": o["sources"]}
        for o in r.get("immigrant_support_organisations") or []
    ]
    ed = r.get("education")
    if ed and (ed.get("universities") or ed.get("cegeps")):
        def inst(n):
            e = n.endswith(" (English)")
            d = {"name": n.replace(" (English)", "")}
            if e:
                d["english"] = True
            return d
        out["education"] = {
            "universities": [inst(n) for n in ed.get("universities") or []],
            "cegeps": [inst(n) for n in ed.get("cegeps") or []],
            "verified": False,
            "sources": ed["sources"],
        }
    else:
        out["education"] = None
    return out


def dump(x, depth):
    """Pretty JSON where each figure, city, sector, organisation or source sits on one line, so
    that a diff shows which figure changed."""
    one = lambda v: json.dumps(v, ensure_ascii=False)
    pad = " " * (depth + 1)
    if isinstance(x, dict):
        if depth >= 2 and any(k in x for k in ("value", "name", "text", "title", "level")) and depth > 2 or (
                depth >= 3 and "value" in x) or (isinstance(x, dict) and "title" in x) or (
                "fr" in x and "en" in x and len(x) == 2):
            return one(x)
        items = [f"{pad}{one(k)}: {dump(v, depth + 1)}" for k, v in x.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if isinstance(x, list):
        if not x or all(not isinstance(v, (dict, list)) for v in x):
            return one(x)
        items = [f"{pad}{dump(v, depth + 1)}" for v in x]
        return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"
    return one(x)


def main():
    facts = json.load(open(sys.argv[1]))
    regions = [region(r) for r in facts["regions"]]
    used = set()

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "sources":
                    used.update(v)
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(regions)
    sources = {}
    for sid in sorted(used):
        s = facts["sources"][sid]
        sources[sid] = {k: s.get(k) for k in ("title", "publisher", "url", "year", "licence")}
    out = {
        "schema": "eer-catalogue/1",
        "about": "Region catalogue of Emplois en régions. See domain/data/README.md before editing.",
        "sources": sources,
        "regions": regions,
    }
    text = dump(out, 0)
    (HERE.parent / "regions.json").write_text(text + "\n")
    print(len(text), "bytes")


if __name__ == "__main__":
    main()
