#!/usr/bin/env python3
"""A ledger export for bench/finance.sh: ROWS postings for the synthetic portfolio's first PROJECTS
projects (SYN-PRJ-000001 ...), in one past month, across four spending categories, amounts written the
way finance systems write them (thousands separators, credits in brackets)."""
import random
import sys

rows, projects, period, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
categories = ["RDEL administration", "RDEL programme", "CDEL", "Non-government"]
rng = random.Random(7)
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("Cost centre,Period,Account,Amount\r\n")
    for i in range(rows):
        pence = rng.randint(100, 5_000_000)
        amount = f"{pence // 100:,}.{pence % 100:02d}"
        if rng.random() < 0.05:
            amount = f"({amount})"
        f.write(f'SYN-PRJ-{rng.randint(1, projects):06d},{period},{categories[i % 4]},"{amount}"\r\n')
