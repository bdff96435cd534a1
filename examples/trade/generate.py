#!/usr/bin/env python3
"""Writes comtrade-chp-synthetic.csv: synthetic monthly trade statistics in the UN Comtrade bulk-download layout
that reproduce published trade-diversion figures (docs/trade.md, "Test data").

Every series is given as yearly totals for January-September (S) and for October-December (Q4); the months of
each part get equal shares (cents rounded into the last month), so the analysis recomputes exactly the totals below.
Run: python3 examples/trade/generate.py > examples/trade/comtrade-chp-synthetic.csv
"""
import sys

COUNTRIES = {  # ISO3: (Comtrade numeric code, name)
    "TUR": (792, "Turkiye"), "RUS": (643, "Russian Federation"), "AZE": (31, "Azerbaijan"), "GEO": (268, "Georgia"),
    "KAZ": (398, "Kazakhstan"), "KGZ": (417, "Kyrgyzstan"), "UZB": (860, "Uzbekistan"), "ARM": (51, "Armenia"),
    "CHE": (757, "Switzerland"), "USA": (842, "USA"), "DEU": (276, "Germany"), "JPN": (392, "Japan"),
    "W00": (0, "World"),
}
YEARS = range(2015, 2024)
M = 1_000_000
HEADER = ("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,"
          "flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,"
          "cmdCode,cmdDesc,customsCode,mosCode,motCode,primaryValue")
rows = []


def emit(reporter, partner, code, year, month, flow, cents):
    r, p = COUNTRIES[reporter], COUNTRIES[partner]
    rows.append(",".join(str(v) for v in [
        "C", "M", f"{year}{month:02d}01", year, month, f"{year}{month:02d}", r[0], reporter, r[1], flow,
        {"X": "Export", "M": "Import", "RX": "Re-export"}[flow], p[0], partner, p[1], 0, "W00", "World", "H6", code,
        "", "C00", 0, 0, f"{cents // 100}.{cents % 100:02d}"]))


def spread(total_usd, months):
    cents = round(total_usd * 100)
    each = cents // len(months)
    return [(m, each if i < len(months) - 1 else cents - each * (len(months) - 1)) for i, m in enumerate(months)]


def series(reporter, flow, partners, codes, totals):
    """totals: year -> (Jan-Sep total, Oct-Dec total) in USD over all partners and codes."""
    for year, (jan_sep, q4) in totals.items():
        for partner, p_share in partners.items():
            for code, c_share in codes.items():
                for part, months in ((jan_sep, range(1, 10)), (q4, range(10, 13))):
                    for month, cents in spread(part * p_share * c_share, list(months)):
                        emit(reporter, partner, code, year, month, flow, cents)


def by_year(values, q4):
    return {year: (value, q4) for year, value in zip(YEARS, values)}


CHIPS = {"854231": 0.6, "851762": 0.4}          # CHP tier 1 processors, tier 2 network equipment
# Turkey (published trade-diversion analysis): CHP exports to Russia + AZ, GE, KZ, KG, UZ were $158m in Jan-Sep 2023 against
# a $28m average of 2015-2021 (here the same months); about 3x the same months of 2022.
TR_CORRIDOR = {"RUS": 0.50, "KAZ": 0.15, "KGZ": 0.10, "AZE": 0.10, "GEO": 0.08, "UZB": 0.07}
series("TUR", "X", TR_CORRIDOR, CHIPS, {**by_year([24 * M, 26 * M, 27 * M, 28 * M, 29 * M, 30 * M, 32 * M], 10 * M),
                                          2022: (53 * M, 34 * M), 2023: (158 * M, 30 * M)})
# ... while its CHP imports from G7 countries rose by over 60% (Jan-Sep 2023: $805m vs $500m average).
series("TUR", "M", {"USA": 0.4, "DEU": 0.4, "JPN": 0.2}, {"854231": 1.0},
       {**by_year([480 * M, 490 * M, 500 * M, 500 * M, 505 * M, 510 * M, 515 * M], 150 * M),
        2022: (650 * M, 200 * M), 2023: (805 * M, 250 * M)})
# Mirror: the five intermediaries report CHP imports from Turkey that match its exports before 2022 (5% CIF margin)
# but did not report matching increases in 2023 (TDM): $15.8m reported against the $79m Turkey says it sent them.
for partner, share in {k: v for k, v in TR_CORRIDOR.items() if k != "RUS"}.items():
    weight = share / 0.5
    series(partner, "M", {"TUR": 1.0}, {"854231": 1.0},
           {**{y: (s * 0.5 * 1.05 * weight, 10 * M * 0.5 * 1.05 * weight) for y, (s, _) in
               by_year([24 * M, 26 * M, 27 * M, 28 * M, 29 * M, 30 * M, 32 * M], 0).items()},
            2022: (30 * M * weight, 15 * M * weight), 2023: (15.8 * M * weight, 5 * M * weight)})

# Armenia (section 3): HS 85 exports to Russia $12.2m (2021) -> $462.3m (2022), ~38x; integrated circuits $13m in 2022
# against < $2k in 2021. Here the chapter-85 CHP codes stand for HS 85; full years are 9/12 Jan-Sep + 3/12 Oct-Dec.
def full_year(total):
    return (total * 0.75, total * 0.25)

AM = {2015: full_year(9 * M), 2016: full_year(9.5 * M), 2017: full_year(10 * M), 2018: full_year(10.5 * M),
      2019: full_year(11 * M), 2020: full_year(11.5 * M), 2021: full_year(12.2 * M - 1800),
      2022: full_year(462.3 * M - 13 * M), 2023: (420 * M, 110 * M)}
series("ARM", "X", {"RUS": 1.0}, {"851762": 1.0}, AM)
series("ARM", "X", {"RUS": 1.0}, {"854232": 1.0}, {**{y: (0, 0) for y in range(2015, 2021)}, 2021: full_year(1800),
                                                   2022: full_year(13 * M), 2023: (12 * M, 3 * M)})
# EU/G7 exports of sanctioned goods to Armenia +15% to +90% (EBRD): here +80% in 2022 and +90% in Jan-Sep 2023.
series("ARM", "M", {"USA": 0.5, "DEU": 0.5}, {"854231": 1.0},
       {**by_year([20 * M] * 7, 7 * M), 2022: (36 * M, 12 * M), 2023: (38 * M, 13 * M)})

# Kazakhstan (section 3): exports to Russia +25% in 2022.
series("KAZ", "X", {"RUS": 1.0}, {"847150": 1.0},
       {**{y: full_year(v * M) for y, v in zip(range(2015, 2022), [50, 52, 54, 55, 56, 58, 60])},
        2022: full_year(75 * M), 2023: (54 * M, 20 * M)})
series("KAZ", "M", {"USA": 0.5, "DEU": 0.5}, {"847150": 1.0},
       {**by_year([100 * M] * 7, 35 * M), 2022: (125 * M, 40 * M), 2023: (130 * M, 45 * M)})

# Kyrgyzstan (section 3): exports to Russia +150% in 2022, +47% year on year in 2023 (here Jan-Sep);
# German exports to Kyrgyzstan about 15x the pre-sanction level.
series("KGZ", "X", {"RUS": 1.0}, {"847150": 1.0},
       {**{y: full_year(v * M) for y, v in zip(range(2015, 2022), [6, 6.5, 7, 7, 7.5, 7.5, 8])},
        2022: full_year(20 * M), 2023: (15 * M * 1.47, 6 * M)})
series("KGZ", "M", {"DEU": 1.0}, {"847150": 1.0},
       {**by_year([2 * M] * 7, 0.7 * M), 2022: (12 * M, 5 * M), 2023: (30 * M, 10 * M)})

# Control: Switzerland, steady CHP exports to Kazakhstan and Georgia, steady imports from the US, partners' mirror
# figures matching (5% CIF margin).
CH = {**by_year([30 * M, 30.5 * M, 31 * M, 30 * M, 29.5 * M, 30 * M, 31 * M], 10 * M), 2022: (30.5 * M, 10 * M),
      2023: (31 * M, 10 * M)}
series("CHE", "X", {"KAZ": 0.6, "GEO": 0.4}, {"903082": 1.0}, CH)
series("CHE", "M", {"USA": 1.0}, {"903082": 1.0}, {**by_year([80 * M] * 7, 27 * M), 2022: (81 * M, 27 * M),
                                                   2023: (82 * M, 27 * M)})
for partner, share in {"KAZ": 0.6, "GEO": 0.4}.items():
    series(partner, "M", {"CHE": 1.0}, {"903082": 1.0}, {y: (s * share * 1.05, q * share * 1.05) for y, (s, q) in CH.items()})

# Rows the import keeps but the analysis ignores (not CHP: office furniture) and rows it skips (world totals, re-exports).
series("TUR", "X", {"RUS": 1.0}, {"940330": 1.0}, {2022: (90 * M, 30 * M), 2023: (95 * M, 31 * M)})
series("TUR", "X", {"W00": 1.0}, {"854231": 1.0}, {2023: (900 * M, 300 * M)})
series("TUR", "RX", {"RUS": 1.0}, {"854231": 1.0}, {2023: (9 * M, 3 * M)})

sys.stdout.write(HEADER + "\n" + "\n".join(rows) + "\n")
