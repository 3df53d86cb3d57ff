#!/usr/bin/env python3
"""Independent reference implementation of docs/specs/illustration.md (basis-2026.1).

Usage: python3 illustration_ref.py POLICIES.csv OUTDIR

Standard library only. Money is decimal.Decimal, never float. Every rounding is HALF_UP
(away from zero on ties, like Java's RoundingMode.HALF_UP) at exactly the step the spec names.
See NOTES.md for every decision where the spec is silent or ambiguous.
"""
import csv
import datetime
import os
import re
import sys
from decimal import Decimal, Context, ROUND_HALF_UP, localcontext

# ---------------------------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------------------------
PREC = 50                               # >= 34 significant digits for quotients and powers
CTX = Context(prec=PREC, rounding=ROUND_HALF_UP)
D = Decimal
ZERO = D(0)
Q2, Q4, Q10 = D("0.01"), D("0.0001"), D("0.0000000001")


def r2(x):
    return x.quantize(Q2, rounding=ROUND_HALF_UP, context=CTX)


def r4(x):
    return x.quantize(Q4, rounding=ROUND_HALF_UP, context=CTX)


def r10(x):
    return x.quantize(Q10, rounding=ROUND_HALF_UP, context=CTX)


def mul(*xs):
    out = D(1)
    for x in xs:
        out = CTX.multiply(out, x)
    return out


def div(a, b):
    return CTX.divide(a, b)


def fmt_money(x):
    """Exactly 2 decimals, plain digits, no '-0.00'."""
    x = r2(x)
    if x == 0:
        x = D("0.00")
    return format(x, "f")


def fmt_rate(x):
    x = r4(x)
    if x == 0:
        x = D("0.0000")
    return format(x, "f")


# ---------------------------------------------------------------------------------------------
# Basis basis-2026.1
# ---------------------------------------------------------------------------------------------
BASIS_VERSION = "basis-2026.1"
SCENARIOS = (4, 8)
RB = {4: D("0.020"), 8: D("0.045")}
TB = {4: D("0"), 8: D("0.30")}
SSV_J = D("0.0768")
ULIP_ADMIN = D("100.00")
ULIP_FMC = D("0.001125")
GST = D("0.18")
ULIP_IM = {4: D("0.0032737398"), 8: D("0.0064340301")}
DC_SMALL = ((D("0.20"), D("3000")), (D("0.15"), D("2000")), (D("0.10"), D("1500")), (D("0.05"), D("1000")))
DC_LARGE = ((D("0.06"), D("6000")), (D("0.04"), D("5000")), (D("0.03"), D("4000")), (D("0.02"), D("2000")))
DC_THRESHOLD = D("25000")

MORTALITY_FILE = os.environ.get(
    "ILLUSTRATION_MORTALITY",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "main", "resources", "basis",
                 "mortality-cso2017-loaded-composite-alb-ultimate.csv"))

FREQ_K = {"YEARLY": 1, "HALF_YEARLY": 2, "MONTHLY": 12}

# product: (age min, age max, PT min, PT max, AP minimum, max age at maturity)
PRODUCTS = {
    "ENDOWMENT_PAR": (18, 60, 10, 30, D("12000"), 75),
    "TERM": (18, 65, 5, 40, D("3000"), 80),
    "ULIP": (18, 60, 10, 30, D("24000"), 75),
}
SA_MAX = D("1000000000.00")
MODAL_MAX = D("100000000.00")
COMMENCEMENT_MIN = datetime.date(1990, 1, 1)
COMMENCEMENT_MAX = datetime.date(2100, 12, 31)
INT64_MAX = 2 ** 63 - 1

HEADER = ["policy_id", "product_code", "holder_name", "mobile", "dob", "gender", "commencement_date",
          "sum_assured", "modal_premium", "premium_frequency", "policy_term", "premium_paying_term"]
ILLUSTRATION_HEADER = [
    "policy_id", "product_code", "policy_year", "age", "premium", "total_premiums_paid",
    "guaranteed_death_benefit", "guaranteed_surrender_value",
    "death_benefit_4", "surrender_value_4", "maturity_benefit_4", "accrued_bonus_4", "fund_value_4",
    "death_benefit_8", "surrender_value_8", "maturity_benefit_8", "accrued_bonus_8", "fund_value_8"]
SUMMARY_HEADER = ["policy_id", "product_code", "annual_premium", "maturity_benefit_4",
                  "maturity_benefit_8", "irr_4", "irr_8", "status", "basis_version"]
REJECT_HEADER = ["line_number", "policy_id", "reason_code", "message"]


def load_mortality(path=MORTALITY_FILE):
    table = {"M": {}, "F": {}}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            age = int(row["age"])
            table["M"][age] = D(row["male"].strip())
            table["F"][age] = D(row["female"].strip())
    return table


# ---------------------------------------------------------------------------------------------
# Policy and age
# ---------------------------------------------------------------------------------------------
class Policy:
    def __init__(self, policy_id, product, gender, dob, commencement, sa, modal, frequency, pt, ppt):
        self.policy_id = policy_id
        self.product = product
        self.gender = gender
        self.dob = dob
        self.commencement = commencement
        self.sa = sa
        self.modal = modal
        self.frequency = frequency
        self.k = FREQ_K[frequency]
        self.ap = modal * self.k                       # exact: modal has <= 2 decimals
        self.pt = pt
        self.ppt = ppt
        self.x = age_last_birthday(dob, commencement)

    def tpp(self, t):
        return self.ap * min(t, self.ppt)


def age_last_birthday(dob, on):
    """java.time.Period.between(dob, on).getYears() for dob < on."""
    years = on.year - dob.year
    if (on.month, on.day) < (dob.month, dob.day):
        years -= 1
    return years


# ---------------------------------------------------------------------------------------------
# (a) ENDOWMENT_PAR and TERM
# ---------------------------------------------------------------------------------------------
def discount_factor(n):
    """DF_n = r10(1 / (1 + j)^n). The power is exact; the quotient is rounded at PREC digits."""
    with localcontext() as c:
        c.prec = 1000
        c.rounding = ROUND_HALF_UP
        power = (1 + SSV_J) ** n                       # exact (4n+1 digits)
    return r10(div(D(1), power))


def gsv_factor(t, pt):
    if t == 1:
        return D("0")
    if t == 2:
        return D("0.30")
    if t == 3:
        return D("0.35")
    if 4 <= t <= 7:
        return D("0.50")
    if t >= pt - 1:
        return D("0.90")
    return min(D("0.90"), r4(D("0.50") + div(D("0.40") * (t - 7), D(pt - 8))))


def death_multiple(x):
    return 10 if x < 45 else 7


def traditional(p):
    """Year rows for ENDOWMENT_PAR and TERM, plus MB_s. Returns (rows, mb)."""
    term = p.product == "TERM"
    arb = {s: ZERO for s in SCENARIOS}
    rows = []
    mb = {s: ZERO for s in SCENARIOS}
    for t in range(1, p.pt + 1):
        prem = p.ap if t <= p.ppt else ZERO
        tpp = p.tpp(t)
        gdb = max(death_multiple(p.x) * p.ap, p.sa, r2(D("1.05") * tpp))
        if term or t == p.pt:
            gsv = ZERO
        else:
            gsv = r2(gsv_factor(t, p.pt) * tpp)
        pusa = r2(div(p.sa * min(t, p.ppt), D(p.ppt)))
        df = discount_factor(p.pt - t)
        row = {"t": t, "age": p.x + t - 1, "premium": prem, "tpp": tpp, "gdb": gdb, "gsv": gsv,
               "pusa": pusa, "df": df}
        for s in SCENARIOS:
            rb = ZERO if term else r2(RB[s] * p.sa)
            arb_prev = arb[s]
            arb[s] = arb_prev + rb
            db = gdb + arb_prev
            if term:
                ssv = ZERO
                sv = ZERO
            else:
                ssv = r2((pusa + arb[s]) * df)
                sv = max(gsv, ssv) if t < p.pt else ZERO
            m = ZERO
            if t == p.pt and not term:
                tb = r2((TB[s]) * arb[s])
                m = p.sa + arb[s] + tb
                mb[s] = m
                row["tb_%d" % s] = tb
            row.update({"rb_%d" % s: rb, "arb_%d" % s: arb[s], "db_%d" % s: db,
                        "ssv_%d" % s: ssv, "sv_%d" % s: sv, "mb_%d" % s: m})
        rows.append(row)
    return rows, mb


# ---------------------------------------------------------------------------------------------
# (b) ULIP
# ---------------------------------------------------------------------------------------------
def pac_rate(t):
    if t == 1:
        return D("0.05")
    if t <= 5:
        return D("0.03")
    return D("0")


def discontinuance_charge(ap, t, fv):
    if t > 4:
        return ZERO
    pct, cap = (DC_SMALL if ap <= DC_THRESHOLD else DC_LARGE)[t - 1]
    return min(r2(pct * min(ap, fv)), cap)


def ulip_roll(p, s, mortality, trace=None):
    """Monthly fund roll for scenario s. Returns a list of year-end dicts.
    If trace is a list, one dict per month with the intermediate figures is appended."""
    i_m = ULIP_IM[s]
    q_by_sex = mortality[p.gender]
    fv = ZERO
    tpp = ZERO
    years = []
    prem_year = ZERO
    step = 12 // p.k
    for m in range(1, 12 * p.pt + 1):
        t = (m - 1) // 12 + 1
        q = q_by_sex[p.x + t - 1]
        prem = p.modal if (t <= p.ppt and (m - 1) % step == 0) else ZERO
        tpp += prem
        prem_year += prem
        pac = r2(pac_rate(t) * prem)
        pac_gst = r2(GST * pac)
        fv = fv + prem - pac - pac_gst
        after_alloc = fv
        admin_gst = r2(GST * ULIP_ADMIN)
        fv = fv - (ULIP_ADMIN + admin_gst)
        after_admin = fv
        sar = max(ZERO, max(p.sa, r2(D("1.05") * tpp)) - fv)
        mc = r2(div(sar * q, D(12)))
        mc_gst = r2(GST * mc)
        fv = fv - (mc + mc_gst)
        after_mc = fv
        growth = r2(fv * i_m)
        fv = fv + growth
        after_growth = fv
        fmc = r2(fv * ULIP_FMC)
        fmc_gst = r2(GST * fmc)
        fv = fv - (fmc + fmc_gst)
        if trace is not None:
            trace.append({"m": m, "t": t, "q": q, "premium": prem, "tpp": tpp, "pac": pac,
                          "pac_gst": pac_gst, "after_alloc": after_alloc, "admin_gst": admin_gst,
                          "after_admin": after_admin, "sar": sar, "mc": mc, "mc_gst": mc_gst,
                          "after_mc": after_mc, "growth": growth, "after_growth": after_growth,
                          "fmc": fmc, "fmc_gst": fmc_gst, "fv": fv})
        if m % 12 == 0:
            dc = discontinuance_charge(p.ap, t, fv)
            years.append({"t": t, "premium": prem_year, "tpp": tpp, "fv": fv, "dc": dc,
                          "sv": fv - dc, "db": max(p.sa, fv, r2(D("1.05") * tpp)),
                          "mb": fv if t == p.pt else ZERO})
            prem_year = ZERO
    return years


# ---------------------------------------------------------------------------------------------
# IRR
# ---------------------------------------------------------------------------------------------
IRR_LO = D("-0.99")
IRR_HI = D("1.0")
IRR_TOL = D("1e-15")


def irr(ap, ppt, pt, mb):
    """r solving sum_{t=1..PPT} AP (1+r)^-(t-1) = MB (1+r)^-PT, by bisection on [-0.99, 1.0].
    Evaluated as h(r) = sum AP (1+r)^(PT-t+1) - MB (the equation times (1+r)^PT > 0), which is
    strictly increasing in r, so the root is unique. Returns r4(r), or None when MB <= 0 or the
    root is not inside the bracket."""
    if mb <= 0:
        return None

    def h(r):
        g = CTX.add(D(1), r)
        total = ZERO
        for t in range(1, ppt + 1):
            total = CTX.add(total, CTX.multiply(ap, CTX.power(g, pt - t + 1)))
        return CTX.subtract(total, mb)

    lo, hi = IRR_LO, IRR_HI
    h_lo, h_hi = h(lo), h(hi)
    if h_lo == 0:
        return r4(lo)
    if h_hi == 0:
        return r4(hi)
    if h_lo > 0 or h_hi < 0:
        return None
    while CTX.subtract(hi, lo) > IRR_TOL:
        mid = CTX.divide(CTX.add(lo, hi), D(2))
        v = h(mid)
        if v == 0:
            return r4(mid)
        if v > 0:
            hi = mid
        else:
            lo = mid
    return r4(CTX.divide(CTX.add(lo, hi), D(2)))


# ---------------------------------------------------------------------------------------------
# Illustration of one policy -> output rows
# ---------------------------------------------------------------------------------------------
def illustrate(p, mortality):
    """Returns (list of illustration rows as lists of str, summary row as list of str)."""
    out = []
    if p.product in ("ENDOWMENT_PAR", "TERM"):
        term = p.product == "TERM"
        rows, mb = traditional(p)
        for r in rows:
            line = [str(p.policy_id), p.product, str(r["t"]), str(r["age"]), fmt_money(r["premium"]),
                    fmt_money(r["tpp"]), fmt_money(r["gdb"]), fmt_money(r["gsv"])]
            for s in SCENARIOS:
                line += [fmt_money(r["gdb"] if term else r["db_%d" % s]),
                         fmt_money(r["sv_%d" % s]),
                         fmt_money(r["mb_%d" % s]),
                         fmt_money(r["arb_%d" % s]),
                         ""]
            out.append(line)
        status = "OK"
    else:
        mb = {}
        lapsed = False
        per_s = {}
        for s in SCENARIOS:
            per_s[s] = ulip_roll(p, s, mortality)
            mb[s] = per_s[s][-1]["mb"]
            lapsed = lapsed or any(y["fv"] < 0 for y in per_s[s])
        for i in range(p.pt):
            y4 = per_s[4][i]
            line = [str(p.policy_id), p.product, str(i + 1), str(p.x + i), fmt_money(y4["premium"]),
                    fmt_money(y4["tpp"]), "", ""]
            for s in SCENARIOS:
                y = per_s[s][i]
                line += [fmt_money(y["db"]), fmt_money(y["sv"]), fmt_money(y["mb"]), "",
                         fmt_money(y["fv"])]
            out.append(line)
        status = "LAPSED" if lapsed else "OK"
    irrs = {s: irr(p.ap, p.ppt, p.pt, mb[s]) for s in SCENARIOS}
    summary = [str(p.policy_id), p.product, fmt_money(p.ap), fmt_money(mb[4]), fmt_money(mb[8]),
               "" if irrs[4] is None else fmt_rate(irrs[4]),
               "" if irrs[8] is None else fmt_rate(irrs[8]),
               status, BASIS_VERSION]
    return out, summary


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------
INT_RE = re.compile(r"[+-]?[0-9]+\Z")
DEC_RE = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?\Z")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
TRIM_CHARS = "".join(chr(c) for c in range(0x21))      # like Java String.trim()

MESSAGES = {
    "MALFORMED_ROW": "record has the wrong number of columns or cannot be parsed as CSV",
    "MISSING_FIELD": "a required field is empty",
    "MALFORMED_NUMBER": "a numeric field is not a plain number of the expected form",
    "MALFORMED_DATE": "a date field is not a valid yyyy-MM-dd date",
    "UNKNOWN_PRODUCT": "product_code is not ENDOWMENT_PAR, TERM or ULIP",
    "UNKNOWN_FREQUENCY": "premium_frequency is not YEARLY, HALF_YEARLY or MONTHLY",
    "UNKNOWN_GENDER": "gender is not M or F",
    "DUPLICATE_POLICY_ID": "policy_id already used by an earlier row",
    "DOB_NOT_BEFORE_COMMENCEMENT": "date of birth is not before the commencement date",
    "COMMENCEMENT_OUT_OF_RANGE": "commencement date outside 1990-01-01..2100-12-31",
    "AGE_OUT_OF_RANGE": "entry age outside the product's range",
    "TERM_OUT_OF_RANGE": "policy term outside the product's range",
    "PPT_OUT_OF_RANGE": "premium paying term outside the product's range",
    "PREMIUM_OUT_OF_RANGE": "premium outside the allowed range",
    "SUM_ASSURED_OUT_OF_RANGE": "sum assured outside the allowed range",
    "MATURITY_AGE_EXCEEDED": "age at maturity above the product's maximum",
}


class Reject(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def parse_int(s):
    if not INT_RE.match(s):
        raise Reject("MALFORMED_NUMBER")
    return int(s)


def parse_money(s):
    m = DEC_RE.match(s)
    if not m:
        raise Reject("MALFORMED_NUMBER")
    if m.group(1) is not None and len(m.group(1)) - 1 > 2:
        raise Reject("MALFORMED_NUMBER")
    return D(s)


def parse_date(s):
    if not DATE_RE.match(s):
        raise Reject("MALFORMED_DATE")
    try:
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        raise Reject("MALFORMED_DATE")


def validate(fields, seen_ids):
    """fields: the 12 raw fields. Returns a Policy or raises Reject. seen_ids is updated with the
    policy_id of every row that passes the duplicate check."""
    f = [x.strip(TRIM_CHARS) for x in fields]
    (pid_s, product, _name, _mobile, dob_s, gender, comm_s, sa_s, modal_s, freq, pt_s, ppt_s) = f
    if any(x == "" for x in f):
        raise Reject("MISSING_FIELD")
    pid = parse_int(pid_s)
    if pid < 1 or pid > INT64_MAX:
        raise Reject("MALFORMED_NUMBER")
    sa = parse_money(sa_s)
    modal = parse_money(modal_s)
    pt = parse_int(pt_s)
    ppt = parse_int(ppt_s)
    dob = parse_date(dob_s)
    comm = parse_date(comm_s)
    if product not in PRODUCTS:
        raise Reject("UNKNOWN_PRODUCT")
    if freq not in FREQ_K:
        raise Reject("UNKNOWN_FREQUENCY")
    if gender not in ("M", "F"):
        raise Reject("UNKNOWN_GENDER")
    if pid in seen_ids:
        raise Reject("DUPLICATE_POLICY_ID")
    seen_ids.add(pid)
    if not dob < comm:
        raise Reject("DOB_NOT_BEFORE_COMMENCEMENT")
    if not (COMMENCEMENT_MIN <= comm <= COMMENCEMENT_MAX):
        raise Reject("COMMENCEMENT_OUT_OF_RANGE")
    age_min, age_max, pt_min, pt_max, ap_min, mat_max = PRODUCTS[product]
    x = age_last_birthday(dob, comm)
    if not (age_min <= x <= age_max):
        raise Reject("AGE_OUT_OF_RANGE")
    if not (pt_min <= pt <= pt_max):
        raise Reject("TERM_OUT_OF_RANGE")
    if product == "ENDOWMENT_PAR":
        ppt_ok = 5 <= ppt < pt
    elif product == "TERM":
        ppt_ok = 1 <= ppt <= pt
    else:
        ppt_ok = 5 <= ppt <= pt
    if not ppt_ok:
        raise Reject("PPT_OUT_OF_RANGE")
    ap = modal * FREQ_K[freq]
    if not (ZERO < modal <= MODAL_MAX) or ap < ap_min:
        raise Reject("PREMIUM_OUT_OF_RANGE")
    if product == "ENDOWMENT_PAR":
        sa_min = 5 * ap
    elif product == "TERM":
        sa_min = D("100000")
    else:
        sa_min = 10 * ap
    if not (ZERO < sa <= SA_MAX) or sa < sa_min:
        raise Reject("SUM_ASSURED_OUT_OF_RANGE")
    if x + pt > mat_max:
        raise Reject("MATURITY_AGE_EXCEEDED")
    return Policy(pid, product, gender, dob, comm, sa, modal, freq, pt, ppt)


# ---------------------------------------------------------------------------------------------
# Batch
# ---------------------------------------------------------------------------------------------
class BadInput(Exception):
    pass


def read_records(path):
    """Yields (start_line, fields or None). None means the CSV parser could not read the record.
    The header is consumed and checked here."""
    f = open(path, newline="", encoding="utf-8-sig", errors="surrogateescape")
    with f:
        reader = csv.reader(f, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise BadInput("empty file: header row required")
        except csv.Error:
            raise BadInput("header row cannot be parsed")
        if [h.strip(TRIM_CHARS) for h in header] != HEADER:
            raise BadInput("header row does not match the specification")
        while True:
            start = reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield start, None
                continue
            yield start, fields


def run(input_path, outdir, mortality=None):
    if mortality is None:
        mortality = load_mortality()
    seen = set()
    policies = []
    rejects = []
    for line, fields in read_records(input_path):
        if fields is None or len(fields) != len(HEADER):
            rejects.append((line, "", "MALFORMED_ROW"))
            continue
        try:
            policies.append(validate(fields, seen))
        except Reject as r:
            rejects.append((line, fields[0].strip(TRIM_CHARS), r.code))
    policies.sort(key=lambda p: p.policy_id)
    rejects.sort(key=lambda r: r[0])
    os.makedirs(outdir, exist_ok=True)
    enc = dict(newline="", encoding="utf-8", errors="surrogateescape")
    with open(os.path.join(outdir, "illustrations.csv"), "w", **enc) as fi, \
            open(os.path.join(outdir, "summary.csv"), "w", **enc) as fs:
        wi = csv.writer(fi, lineterminator="\n")
        ws = csv.writer(fs, lineterminator="\n")
        wi.writerow(ILLUSTRATION_HEADER)
        ws.writerow(SUMMARY_HEADER)
        for p in policies:
            rows, summary = illustrate(p, mortality)
            wi.writerows(rows)
            ws.writerow(summary)
    with open(os.path.join(outdir, "rejects.csv"), "w", **enc) as fr:
        wr = csv.writer(fr, lineterminator="\n")
        wr.writerow(REJECT_HEADER)
        for line, pid, code in rejects:
            wr.writerow([str(line), pid, code, MESSAGES[code]])
    return len(policies), len(rejects)


def main(argv):
    if len(argv) != 3:
        print("usage: illustration_ref.py POLICIES.csv OUTDIR", file=sys.stderr)
        return 2
    try:
        ok, bad = run(argv[1], argv[2])
    except (OSError, BadInput) as e:
        print("illustration_ref: %s" % e, file=sys.stderr)
        return 2
    print("accepted %d, rejected %d" % (ok, bad))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
