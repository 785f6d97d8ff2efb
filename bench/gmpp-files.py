#!/usr/bin/env python3
"""Writes a large department's published GMPP history for bench/gmpp.sh: one file a year (the March 2024
layout, UTF-8 with BOM) for the financial years ending March 2016 to March 2025, 200 projects in each (the
same GMPP ids year on year, some DCAs and costs moving), then March 2026 with 250 (50 joining)."""
import csv, random, sys, os

out = sys.argv[1]
random.seed(22)
heading = ["GMPP ID Number", "Project Name", "Department", "Annual Report Category", "Description / Aims",
           "IPA Delivery Confidence Assessment", "SRO Delivery Confidence Assessment",
           "Departmental commentary on actions planned or taken on the IPA RAG rating",
           "Project - Start Date (Latest Approved Start Date)", "Project - End Date (Latest Approved End Date)",
           "Departmental narrative on schedule, including any deviation from planned schedule (if necessary)",
           "Financial Year Baseline (£m) (including Non-Government Costs)", "Financial Year Forecast (£m) (including Non-Government Costs)",
           "Financial Year Variance (%)", None, "TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)",
           "Departmental Narrative on Budgeted Whole Life Costs", "TOTAL Baseline Benefits (£m)", "Departmental Narrative on Budgeted Benefits"]
categories = ["Government Transformation and Service Delivery", "Infrastructure and Construction", "Military Capability", "ICT"]
departments = ["DFT", "MOD", "HO", "MOJ", "DHSC", "DWP", "HMRC", "DEFRA"]
projects = [(f"{departments[i % 8]}_{i + 1:04d}_1516-Q1", f"Major project {i + 1:03d}", departments[i % 8], categories[i % 4], 200 + i * 7.25) for i in range(250)]
for end in range(2016, 2027):
    year = f"{end - 1}/{end % 100:02d}"
    heading[14] = f"Departmental narrative on budget/forecast variance for {year} (if variance is more than 5%)"
    count = 250 if end == 2026 else 200
    with open(os.path.join(out, f"gmpp-{end}.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(heading)
        for gid, name, dept, cat, wlc in projects[:count]:
            dca = random.choice(["Green", "Amber", "Red"] if end >= 2022 else ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"])
            baseline = round(random.uniform(5, 120), 2)
            forecast = round(baseline * random.uniform(0.97, 1.03), 2)
            variance = round((forecast - baseline) / baseline * 100, 2)
            exempt = random.random() < 0.05
            w.writerow([gid, name, dept, cat, f"Deliver {name.lower()} for the department.", dca, dca,
                        "Commentary on the rating.", "01/04/2015", f"31/03/{2030 + (hash(gid) % 5)}",
                        "On the approved schedule.", f"{baseline:.2f}", f"{forecast:.2f}", f"{variance}%", "",
                        "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)" if exempt else f"{wlc * (1 + (end - 2016) * 0.02):.2f}",
                        "Whole-life costs as approved.", f"{wlc * 1.4:.2f}", "Benefits as approved."])
