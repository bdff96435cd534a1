#!/usr/bin/env python3
"""Data for bench/rescreen (fixed seed): open orders with distinct party names, and two versions of a custom list.

  rescreen-data.py DIR ORDERS ADDED HITS BASE SCREENED
writes DIR/orders-NNN.ndjson (the first SCREENED orders, 10,000 a file, for `clearance screen`), DIR/seed.csv (the
other orders: id, order JSON and the folded buyer, consignee and end-user names, for the SQL seeding), DIR/list-v1.csv (BASE unrelated entries), DIR/list-v2.csv
(the same BASE plus ADDED new entries, HITS of which carry the exact buyer name of an open order) and DIR/hits.txt
(the order ids whose buyer the new version lists). Every order has a buyer, a consignee and an end user with names
no other order uses (3 x ORDERS distinct names) and the same seller; they are CLEAR orders (office desks, DE -> AE).
List names come from another syllable stock than order names, so that only the HITS entries should match.
"""
import csv, json, os, random, sys, unicodedata

out, orders, added, hits, base, screened = (sys.argv[1], *map(int, sys.argv[2:7]))
rng = random.Random(13)
ORDER_SYL = [c + v for c in "bdfghklmnprstvw" for v in "aeiou"] + [c + v + "r" for c in "bdgkt" for v in "aeiou"]
LIST_SYL = ["qua", "zyx", "xio", "juq", "zaq", "yxo", "quz", "jix", "oxy", "zuj", "xaq", "yqu", "jyz", "quo", "zix"]
SECTORS = ["Trading", "Logistics", "Components", "Engineering", "Industrial", "Supply", "Technik", "Systems", "Holding"]
FORMS = ["LLC", "GmbH", "Ltd", "FZE", "FZCO", "S.A.", "B.V.", "OOO", "A.S."]

def word(syllables, n):
    return "".join(rng.choice(syllables) for _ in range(n)).capitalize()

def names(syllables, count, taken):
    result = []
    while len(result) < count:
        name = f"{word(syllables, rng.randint(2, 4))} {word(syllables, rng.randint(2, 4))} {rng.choice(SECTORS)} {rng.choice(FORMS)}"
        if name not in taken:
            taken.add(name)
            result.append(name)
    return result

taken = set()
party = names(ORDER_SYL, 3 * orders, taken)
hit_orders = sorted(rng.sample(range(orders), hits))
os.makedirs(out, exist_ok=True)
def order(i):
    return {"id": f"BENCH-{i:06d}", "date": "2026-11-20",
            "seller": {"name": "Elbtal Mikrosysteme GmbH", "country": "DE", "type": "distributor"},
            "buyer": {"name": party[3 * i], "country": "AE", "type": "distributor"},
            "consignees": [{"name": party[3 * i + 1], "country": "AE", "type": "distributor"}],
            "end_user": {"name": party[3 * i + 2], "country": "AE", "type": "distributor"},
            "route": ["DE", "AE"],
            "lines": [{"description": "Wooden office desks", "hs_code": "9403.30.11", "quantity": 4, "unit": "pcs"}]}

fold = lambda name: unicodedata.normalize("NFKC", name.strip()).lower()  # as OrderSearchTerms.fold
compact = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))
per_file = 10000
for start in range(0, screened, per_file):
    with open(os.path.join(out, f"orders-{start // per_file:03d}.ndjson"), "w") as f:
        for i in range(start, min(screened, start + per_file)):
            f.write(compact(order(i)) + "\n")
with open(os.path.join(out, "seed.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ORDER_ID", "ORDER_JSON", "BUYER", "CONSIGNEE", "END_USER"])
    for i in range(screened, orders):
        w.writerow([f"BENCH-{i:06d}", compact(order(i)), fold(party[3 * i]), fold(party[3 * i + 1]), fold(party[3 * i + 2])])
unrelated = names(LIST_SYL, base + added - hits, taken)
header = "name,aliases,country,address,reason\n"
row = lambda name: f"{name},,AE,,bench entry\n"
with open(os.path.join(out, "list-v1.csv"), "w") as f:
    f.write(header + "".join(row(n) for n in unrelated[:base]))
with open(os.path.join(out, "list-v2.csv"), "w") as f:
    f.write(header + "".join(row(n) for n in unrelated[:base]) + "".join(row(n) for n in unrelated[base:])
            + "".join(row(party[3 * i]) for i in hit_orders))
with open(os.path.join(out, "hits.txt"), "w") as f:
    f.write("".join(f"BENCH-{i:06d}\n" for i in hit_orders))
print(f"{orders} orders, {3 * orders} distinct party names (+1 shared seller), list v1 {base} entries, "
      f"v2 {base + added} (+{added}, {hits} of them an open order's buyer)")
