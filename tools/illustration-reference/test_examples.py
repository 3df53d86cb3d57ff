#!/usr/bin/env python3
"""Worked examples of docs/specs/illustration.md, figure by figure, plus end-to-end CSV
checks and a few validation checks. Run: python3 tools/illustration-reference/test_examples.py"""
import csv
import datetime
import os
import sys
import tempfile
from decimal import Decimal as D, localcontext, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import illustration_ref as ref  # noqa: E402

MORT = ref.load_mortality()
COMM = datetime.date(2025, 6, 1)
DOB35 = datetime.date(1990, 1, 1)          # age last birthday 35 on 2025-06-01

HEADER = ",".join(ref.HEADER)


def policy(product, sa, modal, freq, pt, ppt, gender="M", dob=DOB35, pid=1):
    return ref.Policy(pid, product, gender, dob, COMM, D(sa), D(modal), freq, pt, ppt)


def eq(actual, expected, what):
    assert actual == D(expected), "%s: expected %s, got %s" % (what, expected, actual)


def test_basis_constants():
    # i_m = r10((1+i)^(1/12) - 1), recomputed independently at 60 digits
    with localcontext() as c:
        c.prec = 60
        c.rounding = ROUND_HALF_UP
        for s, i in ((4, D("0.04")), (8, D("0.08"))):
            im = ((1 + i) ** (D(1) / D(12)) - 1).quantize(D("1e-10"))
            eq(ref.ULIP_IM[s], im, "i_m %d%%" % s)
    eq(MORT["M"][35], "0.00141", "q male 35")


def test_example_1_endowment():
    p = policy("ENDOWMENT_PAR", "250000", "50000", "YEARLY", 10, 5)
    assert p.x == 35 and p.ap == D("50000")
    rows, mb = ref.traditional(p)
    assert len(rows) == 10
    for r in rows:
        eq(r["gdb"], "500000", "GDB year %d" % r["t"])
        eq(r["rb_4"], "5000", "RB_4")
        eq(r["rb_8"], "11250", "RB_8")
    r1 = rows[0]
    eq(r1["pusa"], "50000", "PUSA_1")
    eq(ref.discount_factor(9), "0.5137887351", "DF_9")
    eq(r1["df"], "0.5137887351", "DF_9 in year 1")
    eq(r1["pusa"] + r1["arb_4"], "55000", "PUSA+ARB 4%")
    eq(r1["pusa"] + r1["arb_8"], "61250", "PUSA+ARB 8%")
    eq(r1["ssv_4"], "28258.38", "SSV_4 year 1")
    eq(r1["ssv_8"], "31469.56", "SSV_8 year 1")
    eq(ref.gsv_factor(8, 10), "0.70", "GSV factor year 8")
    eq(rows[7]["gsv"], "175000.00", "GSV year 8")
    eq(rows[9]["tb_4"], "0", "TB_4")
    eq(rows[9]["tb_8"], "33750", "TB_8")
    eq(rows[9]["arb_8"], "112500", "ARB_10 8%")
    eq(mb[4], "300000.00", "MB_4")
    eq(mb[8], "396250.00", "MB_8")
    eq(ref.irr(p.ap, p.ppt, p.pt, mb[4]), "0.0230", "irr_4")
    eq(ref.irr(p.ap, p.ppt, p.pt, mb[8]), "0.0588", "irr_8")
    table = {  # t: TPP, GSV, DB_4, SV_4, DB_8, SV_8
        1: ("50000", "0.00", "500000.00", "28258.38", "500000.00", "31469.56"),
        2: ("100000", "30000.00", "505000.00", "60857.25", "511250.00", "67772.84"),
        3: ("150000", "52500.00", "510000.00", "98296.63", "522500.00", "109466.70"),
        4: ("200000", "100000.00", "515000.00", "141127.74", "533750.00", "157164.99"),
        5: ("250000", "125000.00", "520000.00", "189957.94", "545000.00", "211544.07"),
        8: ("250000", "175000.00", "535000.00", "250108.18", "578750.00", "293230.29"),
        9: ("250000", "225000.00", "540000.00", "273959.88", "590000.00", "326197.99"),
        10: ("250000", "0.00", "545000.00", "0.00", "601250.00", "0.00"),
    }
    for t, (tpp, gsv, db4, sv4, db8, sv8) in table.items():
        r = rows[t - 1]
        eq(r["tpp"], tpp, "TPP %d" % t)
        eq(r["gsv"], gsv, "GSV %d" % t)
        eq(r["db_4"], db4, "DB_4 %d" % t)
        eq(r["sv_4"], sv4, "SV_4 %d" % t)
        eq(r["db_8"], db8, "DB_8 %d" % t)
        eq(r["sv_8"], sv8, "SV_8 %d" % t)
    eq(rows[9]["mb_4"], "300000.00", "MB_4 at PT")
    eq(rows[9]["mb_8"], "396250.00", "MB_8 at PT")
    for r in rows[:9]:
        eq(r["mb_4"], "0", "MB_4 before PT")
        eq(r["mb_8"], "0", "MB_8 before PT")


def test_example_2_ulip():
    p = policy("ULIP", "500000", "50000", "YEARLY", 15, 10)
    assert p.x == 35
    trace8 = []
    y8 = ref.ulip_roll(p, 8, MORT, trace8)
    m1 = trace8[0]
    eq(m1["q"], "0.00141", "q year 1")
    eq(m1["premium"], "50000", "P month 1")
    eq(m1["pac"], "2500", "PAC")
    eq(m1["pac_gst"], "450", "GST on PAC")
    eq(m1["after_alloc"], "47050.00", "after allocation")
    eq(m1["admin_gst"], "18", "GST on admin")
    eq(m1["after_admin"], "46932.00", "after admin")
    eq(m1["sar"], "453068.00", "SAR")
    eq(m1["mc"], "53.24", "MC")
    eq(m1["mc_gst"], "9.58", "GST on MC")
    eq(m1["after_mc"], "46869.18", "after MC")
    eq(m1["growth"], "301.56", "G")
    eq(m1["after_growth"], "47170.74", "after growth")
    eq(m1["fmc"], "53.07", "FMC")
    eq(m1["fmc_gst"], "9.55", "GST on FMC")
    eq(m1["fv"], "47108.12", "FV month 1")
    # premiums only in months 1, 13, ... while t <= PPT
    assert [x["m"] for x in trace8 if x["premium"] > 0] == [1 + 12 * k for k in range(10)]

    y4 = ref.ulip_roll(p, 4, MORT)
    eq(y4[0]["fv"], "45959.93", "FV_4 year 1")
    eq(y4[0]["dc"], "2757.60", "DC year 1 at 4%")
    eq(y4[0]["sv"], "43202.33", "SV_4 year 1")
    table = {  # t: FV_4, SV_4, FV_8, SV_8, DB_8
        1: ("45959.93", "43202.33", "47767.92", "44901.84", "500000.00"),
        3: ("143657.53", "142157.53", "155180.70", "153680.70", "500000.00"),
        5: ("246204.34", "246204.34", "276807.03", "276807.03", "500000.00"),
        10: ("535967.04", "535967.04", "667680.08", "667680.08", "667680.08"),
        15: ("594614.09", "594614.09", "897584.23", "897584.23", "897584.23"),
    }
    for t, (fv4, sv4, fv8, sv8, db8) in table.items():
        eq(y4[t - 1]["fv"], fv4, "FV_4 %d" % t)
        eq(y4[t - 1]["sv"], sv4, "SV_4 %d" % t)
        eq(y8[t - 1]["fv"], fv8, "FV_8 %d" % t)
        eq(y8[t - 1]["sv"], sv8, "SV_8 %d" % t)
        eq(y8[t - 1]["db"], db8, "DB_8 %d" % t)
    eq(y4[14]["mb"], "594614.09", "MB_4")
    eq(y8[14]["mb"], "897584.23", "MB_8")
    for y in y4[:14] + y8[:14]:
        eq(y["mb"], "0", "MB before PT")


def run_batch(text):
    d = tempfile.mkdtemp(prefix="illref-")
    inp = os.path.join(d, "policies.csv")
    with open(inp, "w", newline="", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(d, "out")
    ref.run(inp, out, MORT)
    res = {}
    for name in ("illustrations", "summary", "rejects"):
        with open(os.path.join(out, name + ".csv"), newline="", encoding="utf-8") as f:
            res[name] = list(csv.reader(f))
    return res


def test_examples_end_to_end():
    text = HEADER + "\n" + \
        "20,ULIP,Asha Rao,9000000000,1990-01-01,M,2025-06-01,500000,50000,YEARLY,15,10\n" + \
        "10,ENDOWMENT_PAR,Ravi K,9000000001,1990-01-01,M,2025-06-01,250000.00,50000,YEARLY,10,5\n"
    res = run_batch(text)
    ill, summ = res["illustrations"], res["summary"]
    assert ill[0] == ref.ILLUSTRATION_HEADER
    assert summ[0] == ref.SUMMARY_HEADER
    assert res["rejects"] == [ref.REJECT_HEADER]
    assert [r[0] for r in ill[1:]] == ["10"] * 10 + ["20"] * 15          # sorted by policy_id
    assert ill[1] == ["10", "ENDOWMENT_PAR", "1", "35", "50000.00", "50000.00", "500000.00", "0.00",
                      "500000.00", "28258.38", "0.00", "5000.00", "",
                      "500000.00", "31469.56", "0.00", "11250.00", ""]
    assert ill[10] == ["10", "ENDOWMENT_PAR", "10", "44", "0.00", "250000.00", "500000.00", "0.00",
                       "545000.00", "0.00", "300000.00", "50000.00", "",
                       "601250.00", "0.00", "396250.00", "112500.00", ""]
    assert ill[11] == ["20", "ULIP", "1", "35", "50000.00", "50000.00", "", "",
                       "500000.00", "43202.33", "0.00", "", "45959.93",
                       "500000.00", "44901.84", "0.00", "", "47767.92"]
    assert ill[25] == ["20", "ULIP", "15", "49", "0.00", "500000.00", "", "",
                       "594614.09", "594614.09", "594614.09", "", "594614.09",
                       "897584.23", "897584.23", "897584.23", "", "897584.23"]
    assert summ[1] == ["10", "ENDOWMENT_PAR", "50000.00", "300000.00", "396250.00", "0.0230", "0.0588",
                       "OK", "basis-2026.1"]
    assert summ[2][:5] == ["20", "ULIP", "50000.00", "594614.09", "897584.23"]
    assert summ[2][7:] == ["OK", "basis-2026.1"]


def test_term_columns():
    text = HEADER + "\n3,TERM,X,1,1990-01-01,F,2025-06-01,100000,3000,YEARLY,5,1\n"
    res = run_batch(text)
    row1 = res["illustrations"][1]
    # GDB = max(10 x 3000, 100000, r2(1.05 x 3000)) = 100000; no bonus, SV or MB
    assert row1 == ["3", "TERM", "1", "35", "3000.00", "3000.00", "100000.00", "0.00",
                    "100000.00", "0.00", "0.00", "0.00", "", "100000.00", "0.00", "0.00", "0.00", ""]
    assert res["illustrations"][2][4] == "0.00"
    assert res["summary"][1] == ["3", "TERM", "3000.00", "0.00", "0.00", "", "", "OK", "basis-2026.1"]


def test_validation_and_line_numbers():
    good = "1990-01-01,M,2025-06-01,250000,50000,YEARLY,10,5"
    lines = [
        HEADER,                                                            # 1
        "1,ENDOWMENT_PAR,\"Multi\nLine\",9," + good,                       # 2-3 accepted
        "1,ENDOWMENT_PAR,N,9," + good,                                     # 4 duplicate
        "2,ENDOWMENT_PAR,N,9,1990-01-01,M,2025-06-01,250000.001,50000,YEARLY,10,5",  # 5 malformed
        "3,ENDOWMENT_PAR,N,,1990-01-01,M,2025-06-01,250000,50000,YEARLY,10,5",      # 6 missing
        "4,ENDOWMENT_PAR,N,9,1990-02-30,M,2025-06-01,250000,50000,YEARLY,10,5",     # 7 bad date
        "5,PENSION,N,9," + good,                                           # 8 unknown product
        "6,ENDOWMENT_PAR,N,9",                                             # 9 wrong columns
        "",                                                                # 10 blank line
        "7,ENDOWMENT_PAR,N,9,1990-01-01,M,2025-06-01,-5,50000,YEARLY,10,5",          # 11 SA range
        "0,ENDOWMENT_PAR,N,9," + good,                                     # 12 id 0
        "8,ENDOWMENT_PAR,N,9,1990-01-01,M,2025-06-01,250000,50000,YEARLY,10,10",     # 13 PPT
        "9,ULIP,N,9,1960-01-01,M,2025-06-01,500000,50000,YEARLY,15,10",             # 14 age 65
        "10,ULIP,\"bad\"x,9," + good,                                      # 15 unparseable
        "11,ENDOWMENT_PAR,N,9,2025-06-01,M,2025-06-01,250000,50000,YEARLY,10,5",    # 16 dob
        " 12 ,ENDOWMENT_PAR,N,9, 1990-01-01 ,M,2025-06-01,+250000.5,50000,YEARLY,10,5",  # 17 ok
    ]
    res = run_batch("\r\n".join(lines) + "\r\n")
    got = [(r[0], r[1], r[2]) for r in res["rejects"][1:]]
    assert got == [
        ("4", "1", "DUPLICATE_POLICY_ID"),
        ("5", "2", "MALFORMED_NUMBER"),
        ("6", "3", "MISSING_FIELD"),
        ("7", "4", "MALFORMED_DATE"),
        ("8", "5", "UNKNOWN_PRODUCT"),
        ("9", "", "MALFORMED_ROW"),
        ("10", "", "MALFORMED_ROW"),
        ("11", "7", "SUM_ASSURED_OUT_OF_RANGE"),
        ("12", "0", "MALFORMED_NUMBER"),
        ("13", "8", "PPT_OUT_OF_RANGE"),
        ("14", "9", "AGE_OUT_OF_RANGE"),
        ("15", "", "MALFORMED_ROW"),
        ("16", "11", "DOB_NOT_BEFORE_COMMENCEMENT"),
    ], got
    assert [r[0] for r in res["summary"][1:]] == ["1", "12"]


def test_age_last_birthday_like_java_period():
    f = ref.age_last_birthday
    assert f(datetime.date(2000, 2, 29), datetime.date(2018, 2, 28)) == 17
    assert f(datetime.date(2000, 2, 29), datetime.date(2018, 3, 1)) == 18
    assert f(datetime.date(2000, 6, 1), datetime.date(2018, 6, 1)) == 18
    assert f(datetime.date(2000, 6, 2), datetime.date(2018, 6, 1)) == 17


def test_irr_edges():
    assert ref.irr(D("50000"), 5, 10, D("0")) is None
    assert ref.irr(D("50000"), 5, 10, D("-1")) is None
    # MB exactly equal to premiums paid -> r = 0
    eq(ref.irr(D("50000"), 5, 10, D("250000")), "0.0000", "irr zero")


if __name__ == "__main__":
    tests = [v for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]
    for t in tests:
        t()
        print("ok", t.__name__)
    print("all %d tests passed" % len(tests))
