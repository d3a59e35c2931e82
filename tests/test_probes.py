"""The probe sets (corpus/probes/): notices the project wrote to find the forms its rules miss. Floors a little
under the 2026-12-06 figures keep a rule change from quietly losing a form they exercise."""
import json
from pathlib import Path

import pytest

from tongbao import extract_file
from tongbao.evaluation import descriptions_match

PROBES = Path(__file__).resolve().parent.parent / "corpus" / "probes"
# set: (units F1, problems F1) floors; measured 2026-12-06 (eighth session): lists 0.918/0.856, styles
# 0.946/0.840, pages 0.881/0.836; ninth session: pages 0.894/0.854, layouts 0.937/0.816 (0.939/0.626 when
# written), genres 1.000/1.000 (0.889/0.989 when written), paraphrases 0.905/0.840 (0.878/0.814 when
# written), paraphrases_t 0.916/0.887 (0.862/0.800 when written); tenth session: rosters 0.896/0.657
# (0.830/0.530 at the session's start), structure units 0.940 (0.888), assessments 0.933/0.840 (0.877/0.706),
# older 0.914/0.816 (0.890/0.739), roles 0.888/0.917 (0.698/0.875), statistics 0.996/0.914 (0.984/0.812),
# errors 0.897/0.858 (0.858/0.652); eleventh session: directives 0.945/0.957 (0.929/0.861 when written),
# inspections 0.873/0.754 (0.800/0.655), rankings 0.848/0.703 (0.810/0.661), mirrors 0.873/0.818
# (0.804/0.752), headings 0.907/0.909 (0.890/0.899); twelfth session: shorts 0.912/0.787 when written,
# tasks 0.881/0.812 (0.778/0.719), recheck 0.875/0.868 (0.855/0.843), bodies 0.853/0.771 (0.817/0.737),
# outlines 0.901/0.941, accounts 0.682/0.613 (0.660/0.553), scripts 0.859/0.839 (0.848/0.825), monitoring
# 0.739/0.667 (0.721/0.654), followups 0.921/0.749 (0.895/0.687), grassroots 0.871/0.797 (0.826/0.684),
# upper 0.911/0.706 (0.877/0.706), owners 0.679/0.695 (0.672/0.695), plain 0.991/0.909 (0.984/0.890);
# fourteenth session (realistic mixes, at the session's end): mix7 0.987/0.941, mix8 0.986/0.939, mix9
# 0.993/0.953, mix10 0.948/0.826, mix11 0.952/0.880; written after those rules, as estimates: mix12 0.963/0.863,
# mix13 0.954/0.896; precision where few are assessed: reports3 0.957/0.800, tasks2 0.765/0.788; mix14, written
# after every rule of the session (short notices; four expected outputs corrected after the run): 0.983/0.990.
# fifteenth session (precision: quoted parts and values, roles in the preamble, lists of things; sections of
# enclosed rules and unheaded next steps), raised: inspections 0.927/0.801, roles 0.911/0.927, shorts 0.976/0.930,
# mix12 0.970/0.879, mix10 0.957/0.878, structure units 0.948, headings 0.942/0.948.
# sixteenth session: mix15 (simplified inspections, rectifications, assessments, reports) 0.958/0.817 when written,
# 0.965/0.843 after the session's rules; mix16 (task notices, traditional mirrors, unusual headings) 0.917/0.796
# when written, 0.937/0.856 after; written during the session's rules: mix17 (a draw-like mix from the less-used
# provinces) 0.949/0.903 when written, 0.952/0.929 after; mix18 (many bodies in roles) 0.917/0.898, 0.960/0.910 after.
# Raised after the sixteenth session's rules (accounts after owners, handles, owner columns, roles, abbreviations):
# monitoring 0.888/0.793, owners 0.877/0.877, errors 0.973/0.914, mirrors 0.969/0.955, upper 0.932/0.776, scripts
# 0.906/0.873, roles 0.917/0.927, accounts 0.743/0.651. mix19 (whole notices) 0.912/0.813 by the session's starting
# code, 0.948/0.857 after; mix20 (traditional mirrors) 0.952/0.862, 0.974/0.894 after (a few rules drawn from both).
# seventeenth session, eight sets written blind by helpers (mix21 assessments, mix22 task notices and reports, mix23
# inspections, mix24 county inspections with real place names, mix25 traditional mirrors by s2t/s2hk/s2tw with damage,
# mix26 page layouts; mix27 first screens, mix28 a draw-like mix), by the session's starting code → its end: mix21
# 0.947/0.726 → 0.971/0.809, mix22 0.957/0.786 → 1.000/0.909, mix23 0.976/0.980 → 0.982/0.992, mix24 0.922/0.829 →
# 0.937/0.864, mix25 0.943/0.768 → 0.966/0.822, mix26 0.950/0.939 → 0.950/0.939, mix27 0.938/0.857 → 0.958/0.907,
# mix28 0.959/0.888 → 0.969/0.893.
# eighteenth session, eight sets written blind by helpers, by the session's starting code → its end: mix29 (task
# notices) 0.870/0.719 → 0.909/0.764, mix30 (inspections in issue 17's forms) 0.959/0.880 → 0.978/0.899, mix31
# (traditional mirrors) 0.990/0.922 → 0.995/0.956, mix32 (assessments) 0.972/0.900 → 0.980/0.915; four draw-like
# sets of first screens from every region, written while the session's rules were drawn from the first four:
# mix33 0.945/0.783 → 0.973/0.875, mix34 0.960/0.920 → 0.993/0.957, mix35 0.987/0.873 → 0.993/0.885, mix36
# 0.955/0.842 → 0.955/0.842.
# nineteenth session, five sets written blind by helpers, by the session's starting code → its end: mix37 (task
# notices) 0.939/0.845 → 0.939/0.948, mix38 (annual reports and reviews of them) 0.864/0.800 → 0.985/0.954, mix39
# (assessments) 0.980/0.875 → 0.982/0.877, mix40 (damaged sections) 0.983/0.956 → 0.985/0.959, mix41 (rectification
# and supervision) 0.963/0.842 → 0.963/0.846; then three draw-like sets written after the session's rules, scored by
# the starting code and the end (no rule drawn from them but a crash fix and a township rule from mix44/03): mix42
# 0.962/0.924 → 0.981/0.953, mix43 0.989/0.926 → 0.989/0.926, mix44 0.957/0.882 → 0.990/0.922.
# twentieth session, ten sets written blind by helpers, by the session's starting code → its end: mix45 (section
# headings of inspections) 0.972/0.939 → 0.996/0.978, mix46 (task notices) 0.968/0.841 → 0.968/0.889, mix47 (the
# unit list forms of issue 17) 0.978/0.964 → 0.996/0.988, mix50 (realistic, bodies in roles) 0.913/0.889 →
# 0.970/0.936, mix51 (realistic annual reports) 0.996/0.922 → 1.000/0.922, mix52 (realistic, hard sections)
# 0.968/0.923 → 0.993/0.956, mix53 (realistic inspections) 0.953/0.880 → 0.983/0.918, mix54 (realistic
# assessments and task notices) 0.988/0.952 → 0.996/0.960; two draw-like sets sealed until the end, no rule drawn
# from them: mix48 0.969/0.855 → 0.969/0.867, mix49 0.981/0.923 → 0.988/0.933.
# Figures before and after each session's rules:
# docs/evaluation.md.
# None: the set's expected outputs hold no problems (structure).
FLOORS = {"lists": (0.89, 0.84), "styles": (0.93, 0.82), "pages": (0.89, 0.84), "layouts": (0.93, 0.86),
          "genres": (0.97, 0.97), "paraphrases": (0.89, 0.82), "paraphrases_t": (0.89, 0.86),
          "rosters": (0.87, 0.61), "structure": (0.92, None), "assessments": (0.90, 0.79),
          "older": (0.88, 0.77), "roles": (0.9, 0.91), "statistics": (0.97, 0.89), "errors": (0.96, 0.9),
          "directives": (0.92, 0.93), "inspections": (0.90, 0.77), "rankings": (0.81, 0.68),
          "mirrors": (0.95, 0.94), "headings": (0.91, 0.92), "shorts": (0.94, 0.90), "tasks": (0.86, 0.79),
          "recheck": (0.85, 0.84), "bodies": (0.83, 0.75), "outlines": (0.88, 0.92), "accounts": (0.86, 0.72),
          "scripts": (0.89, 0.86), "monitoring": (0.87, 0.77), "followups": (0.90, 0.72), "grassroots": (0.85, 0.77),
          "upper": (0.92, 0.76), "owners": (0.86, 0.86), "plain": (0.97, 0.89),
          "mix1": (0.93, 0.89), "mix2": (0.97, 0.88), "mix3": (0.94, 0.92), "mix4": (0.95, 0.91),
          "mix5": (0.89, 0.82), "mix6": (0.93, 0.83),
          "mix7": (0.96, 0.92), "mix8": (0.96, 0.91), "mix9": (0.97, 0.93), "mix10": (0.93, 0.85),
          "mix11": (0.93, 0.86), "mix12": (0.94, 0.85), "mix13": (0.93, 0.87), "reports3": (0.93, 0.78),
          "tasks2": (0.74, 0.76), "mix14": (0.95, 0.96), "mix15": (0.95, 0.84), "mix16": (0.92, 0.84),
          "mix17": (0.94, 0.91), "mix18": (0.94, 0.89), "mix19": (0.93, 0.84), "mix20": (0.96, 0.88),
          "mix21": (0.96, 0.80), "mix22": (0.97, 0.90), "mix23": (0.97, 0.98), "mix24": (0.93, 0.85),
          "mix25": (0.95, 0.81), "mix26": (0.94, 0.93), "mix27": (0.95, 0.90), "mix28": (0.96, 0.88),
          "mix29": (0.90, 0.75), "mix30": (0.97, 0.89), "mix31": (0.98, 0.94), "mix32": (0.97, 0.90),
          "mix33": (0.96, 0.86), "mix34": (0.98, 0.94), "mix35": (0.98, 0.87), "mix36": (0.94, 0.83),
          "mix37": (0.93, 0.93), "mix38": (0.97, 0.94), "mix39": (0.97, 0.86), "mix40": (0.97, 0.94),
          "mix41": (0.95, 0.83), "mix42": (0.97, 0.94), "mix43": (0.98, 0.91), "mix44": (0.98, 0.91),
          "mix45": (0.98, 0.96), "mix46": (0.95, 0.87), "mix47": (0.98, 0.97), "mix48": (0.95, 0.85),
          "mix49": (0.97, 0.92), "mix50": (0.96, 0.92), "mix51": (0.98, 0.91), "mix52": (0.98, 0.94),
          "mix53": (0.97, 0.91), "mix54": (0.98, 0.95), "mix55": (0.98, 0.97), "mix56": (0.95, 0.88),
          "mix57": (0.98, 0.96), "mix58": (0.96, 0.92), "mix59": (0.97, 0.89), "mix60": (0.96, 0.83),
          "mix61": (0.96, 0.82), "mix62": (0.95, 0.94), "mix63": (0.97, 0.94), "mix64": (0.96, 0.92),
          "mix65": (0.97, 0.87), "mix66": (0.97, 0.90),
          "mix67": (0.88, 0.84), "mix68": (0.99, 0.93), "mix69": (0.99, 0.96), "mix70": (0.97, 0.92),
          "mix71": (0.97, 0.88), "mix72": (0.99, 0.96), "mix73": (0.99, 0.85), "mix74": (0.97, 0.93),
          "mix75": (0.90, 0.89), "mix76": (0.97, 0.93), "mix77": (0.98, 0.93), "mix78": (0.99, 0.95),
          "mix79": (0.97, 0.92)}
# Sets that also hold each notice's title, date, issuer, top-level section kinds and deadlines:
# (fields right, section kinds right, deadlines F1) floors; measured genres 0.991/0.991/0.979, structure
# 0.967/0.974/0.993 (0.920/0.939/0.993 at the session's start), assessments 0.973/0.951/1.000
# (0.960/0.765/1.000), older 1.000/0.895/0.989 (1.000/0.882/0.977); eleventh session: directives
# 1.000/1.000/0.991, reports 0.987/0.967/1.000 (section kinds 0.48 of notices when written), inspections
# 0.973/0.933/1.000, rankings 0.973/0.864/1.000, mirrors 0.960/0.961/0.933, headings 0.920/0.925/0.900;
# twelfth session: shorts 0.973/1.000/1.000, tasks 0.973/0.962/0.948 (section kinds 0.80 of notices and
# deadlines 0.937 when written), recheck 1.000/0.986/0.969, bodies 1.000/1.000/0.983, outlines
# 0.960/0.980/1.000 (section kinds 0.64 of notices when written), accounts 0.960/0.958/1.000, scripts
# 0.960/0.970/0.944, monitoring 0.947/0.895/0.983, quiet 0.973/0.966/1.000, followups 0.960/0.886/0.904,
# grassroots 0.960/0.964/1.000, upper 0.973/0.944/1.000, owners and plain 1.000/1.000/1.000; thirteenth
# session, realistic mixes: mix1 1.000/1.000/0.982, mix2 0.973/1.000/1.000, mix3 1.000/1.000/1.000,
# mix4 0.973/0.984/0.982, mix5 0.987/1.000/1.000, mix6 0.987/1.000/0.943; fourteenth session: mix7
# 0.973/0.985/0.929, mix8 0.987/1.000/0.945, mix9 1.000/1.000/1.000, mix10 0.987/0.940/0.978, mix11
# 0.947/1.000/1.000; mix12 1.000/0.984/1.000, mix13 1.000/0.938/0.980, reports3 0.960/0.950/1.000, tasks2
# 0.960/0.911/0.953; fifteenth session, section kinds raised: reports 1.000, reports3 0.983, tasks2 1.000, mix10 0.985.
# sixteenth session: mix15 1.000/1.000/1.000 when written; mix16 0.973/0.926/0.962 when written, 1.000/0.985/0.971 after;
# mix17 1.000/1.000/0.938 when written, 1.000/1.000/0.970 after; mix18 1.000/1.000/1.000.
# seventeenth session, at its end: mix21 0.987/0.946/1.000, mix22 1.000/1.000/0.976, mix23 1.000/1.000/1.000,
# mix24 0.987/0.951/0.986, mix25 0.973/0.875/0.923, mix26 0.960/0.972/0.986, mix27 0.987/1.000/1.000,
# mix28 0.987/0.941/0.957.
# eighteenth session, at its end: mix29 0.973/1.000/0.962, mix30 1.000/1.000/1.000, mix31 0.987/0.938/0.970,
# mix32 1.000/0.971/1.000, mix33 1.000/1.000/0.889, mix34 0.987/1.000/1.000, mix35 0.987/0.982/1.000,
# mix36 0.987/0.926/0.870.
# nineteenth session, start → end: mix37 0.920/0.933/0.977 → 0.960/0.989/1.000, mix38 0.987/1.000/1.000,
# mix39 0.973/0.985/0.980 → 0.973/1.000/0.980, mix40 1.000/0.802/1.000 → 1.000/0.889/1.000, mix41
# 0.973/0.838/0.976 → 1.000/0.973/0.988;
# mix42 1.000/0.983/1.000, mix43 0.947/1.000/0.985, mix44 0.960/0.933/0.966 → 1.000/0.987/1.000.
# twentieth session, at its end (title+date+issuer, section kinds, deadlines): mix45 1.000/0.947/1.000 (section
# kinds 0.880 at the start), mix46 1.000/1.000/0.973, mix47 1.000/0.957/1.000, mix48 1.000/0.967/0.978, mix49
# 1.000/0.972/1.000, mix50 1.000/1.000/0.980, mix51 1.000/1.000/1.000, mix52 1.000/0.976/1.000 (0.878 at the
# start), mix53 1.000/1.000/0.986, mix54 1.000/0.958/0.955.
# twenty-first session, nine sets written blind by helpers, (units, problems) by the session's starting code → its
# end: mix55 (annual reports) 0.714/0.762 → 1.000/1.000, mix56 (task notices) 0.860/0.736 → 0.964/0.902, mix57
# (top-level structure) 0.993/0.977 → 0.994/0.977, mix60 (assessments) 0.978/0.852 → 0.979/0.852, mix61 (基层 and
# 村务公开) 0.922/0.810 → 0.974/0.836, mix62 (accounts) 0.967/0.950 → 0.970/0.955, mix63 (headings and metadata)
# 0.986/0.956 → 0.989/0.956; sealed until the end: mix58 0.971/0.940 → 0.971/0.940, mix59 0.984/0.894 → 0.986/0.904.
# Structure at the end (title+date+issuer, section kinds by number and kind, deadlines): mix55 1/1/1, mix56 1/1/1,
# mix57 0.987/0.911/1 (section kinds 0.810 at the start), mix58 1/1/1 (0.986), mix59 1/1/1, mix60
# 0.973/0.933/0.980, mix61 1/1/1, mix62 1/0.971/1, mix63 1/1/1 (0.947/0.883 at the start). accounts raised:
# 0.757/0.651 → 0.879/0.742. Written after most of the session's rules: mix64 (websites) 0.964/0.930 → 0.972/0.937,
# mix65 (rectification follow-ups) 0.982/0.870 → 0.986/0.888, mix66 (draw-like, sealed until the end) 0.975/0.910 →
# 0.981/0.918; structure at the end 1/1/0.979, 1/0.969/1, 1/1/0.983.
# twenty-second session, thirteen realistic sets written blind by helpers, by the session's starting code → its end
# (units/problems; structure at the end in the floors): mix67 (task notices) 0.750/0.900 → 0.895/0.850, mix69
# (structure) 0.977/0.947 → 0.996/0.974, mix70 (roles beside units) 0.975/0.921 → 0.984/0.933, mix71 (annual
# reports) 0.792/0.889 → 0.984/0.889, mix72 (inspections by channel, field, group or result; section kinds 0.688
# → 0.917) 0.990/0.935 → 0.996/0.973, mix73 (assessments) 0.996/0.844 → 0.996/0.856, mix74 (rectification letters)
# 0.955/0.929 → 0.982/0.938, mix75 (task notices) 0.911/0.896 → 0.911/0.896, mix76 (older styles) 0.979/0.943 →
# 0.983/0.943, mix77 (first screens) 0.991/0.932 → 0.994/0.940, mix79 (基层 and 依申请公开, written after most
# rules) 0.936/0.853 → 0.982/0.926; sealed until the end, no rule drawn from them: mix68 1.000/0.943 → 1.000/0.943,
# mix78 (written after most rules) 1.000/0.962 → 1.000/0.962.
STRUCTURE_FLOORS = {"genres": (0.97, 0.97, 0.95), "structure": (0.95, 0.95, 0.97),
                    "assessments": (0.95, 0.93, 0.97), "older": (0.97, 0.87, 0.96),
                    "directives": (0.97, 0.97, 0.96), "reports": (0.96, 0.97, 0.97), "inspections": (0.95, 0.90, 0.97),
                    "rankings": (0.95, 0.84, 0.97), "mirrors": (0.94, 0.94, 0.91), "headings": (0.90, 0.90, 0.87),
                    "shorts": (0.95, 0.97, 0.97), "tasks": (0.95, 0.94, 0.92), "recheck": (0.97, 0.96, 0.94),
                    "bodies": (0.97, 0.97, 0.96), "outlines": (0.94, 0.96, 0.97), "accounts": (0.94, 0.94, 0.97),
                    "scripts": (0.94, 0.95, 0.92), "monitoring": (0.93, 0.87, 0.96), "quiet": (0.95, 0.94, 0.97),
                    "followups": (0.94, 0.86, 0.90), "grassroots": (0.94, 0.94, 0.97), "upper": (0.95, 0.92, 0.97),
                    "owners": (0.97, 0.97, 0.97), "plain": (0.97, 0.97, 0.97),
                    "mix1": (0.97, 0.97, 0.96), "mix2": (0.95, 0.97, 0.97), "mix3": (0.97, 0.97, 0.97),
                    "mix4": (0.95, 0.96, 0.96), "mix5": (0.96, 0.97, 0.97), "mix6": (0.96, 0.97, 0.92),
                    "mix7": (0.95, 0.96, 0.90), "mix8": (0.96, 0.97, 0.92), "mix9": (0.97, 0.97, 0.97),
                    "mix10": (0.96, 0.96, 0.95), "mix11": (0.92, 0.97, 0.97), "mix12": (0.97, 0.96, 0.97),
                    "mix13": (0.97, 0.91, 0.96), "reports3": (0.94, 0.95, 0.97), "tasks2": (0.94, 0.97, 0.93),
                    "mix14": (0.97, 0.94, 0.97), "mix15": (0.97, 0.97, 0.97), "mix16": (0.97, 0.96, 0.95),
                    "mix17": (0.97, 0.97, 0.95), "mix18": (0.97, 0.97, 0.97), "mix19": (0.97, 0.97, 0.96),
                    "mix20": (0.97, 0.94, 0.97), "mix21": (0.97, 0.94, 0.97), "mix22": (0.97, 0.97, 0.97),
                    "mix23": (0.97, 0.97, 0.97), "mix24": (0.97, 0.94, 0.97), "mix25": (0.96, 0.86, 0.91),
                    "mix26": (0.95, 0.96, 0.97), "mix27": (0.97, 0.97, 0.97), "mix28": (0.97, 0.93, 0.95),
                    "mix29": (0.96, 0.97, 0.95), "mix30": (0.97, 0.97, 0.97), "mix31": (0.97, 0.93, 0.96),
                    "mix32": (0.97, 0.96, 0.97), "mix33": (0.97, 0.97, 0.88), "mix34": (0.97, 0.97, 0.97),
                    "mix35": (0.97, 0.97, 0.97), "mix36": (0.97, 0.92, 0.86), "mix37": (0.95, 0.97, 0.98),
                    "mix38": (0.97, 0.97, 0.97), "mix39": (0.96, 0.97, 0.97), "mix40": (0.97, 0.87, 0.97),
                    "mix41": (0.97, 0.96, 0.97), "mix42": (0.97, 0.97, 0.97), "mix43": (0.93, 0.97, 0.97),
                    "mix44": (0.97, 0.97, 0.97), "mix45": (0.97, 0.93, 0.97), "mix46": (0.97, 0.97, 0.95),
                    "mix47": (0.97, 0.94, 0.97), "mix48": (0.97, 0.95, 0.95), "mix49": (0.97, 0.95, 0.97),
                    "mix50": (0.97, 0.97, 0.96), "mix51": (0.97, 0.97, 0.97), "mix52": (0.97, 0.95, 0.97),
                    "mix53": (0.97, 0.97, 0.96), "mix54": (0.97, 0.94, 0.93), "mix55": (0.97, 0.97, 0.97),
                    "mix56": (0.97, 0.97, 0.97), "mix57": (0.97, 0.89, 0.97), "mix58": (0.97, 0.97, 0.97),
                    "mix59": (0.97, 0.97, 0.97), "mix60": (0.95, 0.91, 0.96), "mix61": (0.97, 0.97, 0.97),
                    "mix62": (0.97, 0.95, 0.97), "mix63": (0.97, 0.97, 0.97), "mix64": (0.97, 0.97, 0.96),
                    "mix65": (0.97, 0.95, 0.97), "mix66": (0.97, 0.97, 0.96),
                    "mix67": (0.99, 0.99, 0.99), "mix68": (0.99, 0.95, 0.97), "mix69": (0.99, 0.95, 0.99),
                    "mix70": (0.99, 0.99, 0.97), "mix71": (0.99, 0.99, 0.99), "mix72": (0.98, 0.91, 0.99),
                    "mix73": (0.99, 0.99, 0.99), "mix74": (0.99, 0.99, 0.94), "mix75": (0.98, 0.91, 0.99),
                    "mix76": (0.99, 0.99, 0.99), "mix77": (0.96, 0.99, 0.93), "mix78": (0.99, 0.98, 0.97),
                    "mix79": (0.96, 0.96, 0.98)}
# Sets of texts that assess almost nobody (annual reports and summaries): at most this many units named
# that the expected outputs do not hold.
SPURIOUS_CEILINGS = {"reports": 1, "quiet": 17, "reports3": 3, "tasks2": 5}  # quiet: 64 false units when written;
# reports3 and tasks2 (fourteenth session): 10 and 8 when written; quiet 16 -> 17 in the twenty-first session, when
# an annual report's praised units became units (three found in quiet, one false: the report's own account ranked)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _score(name: str) -> tuple[float, float]:
    units, problems = [0, 0, 0], [0, 0, 0]
    for gold_path in sorted((PROBES / name / "golden").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        doc = extract_file(PROBES / name / "notices" / f"{gold_path.stem}.txt")
        want, got = {u["name"] for u in gold["units"]}, {u["name"] for u in doc["units"]}
        units[0] += len(want & got)
        units[1] += len(got - want)
        units[2] += len(want - got)
        remaining = [(u, p["description"]) for p in doc["problems"] for u in p["units"]]
        for unit, description in ((u, p["description"]) for p in gold["problems"] for u in p["units"]):
            hit = next((r for r in remaining if r[0] == unit and descriptions_match(description, r[1])), None)
            if hit is None:
                problems[2] += 1
            else:
                remaining.remove(hit)
                problems[0] += 1
        problems[1] += len(remaining)
    return _f1(*units), _f1(*problems)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set_holds_its_floors(name):
    units, problems = _score(name)
    floor_units, floor_problems = FLOORS[name]
    assert units >= floor_units and (floor_problems is None or problems >= floor_problems), (
        name, round(units, 3), round(problems, 3))


def _deadline_key(item: dict) -> tuple:
    within = item.get("within") or {}
    return item.get("date"), item.get("month_day"), within.get("amount"), within.get("unit")


def _structure_scores(name: str) -> tuple[float, float, float]:
    """Title, date and issuer right, top-level section kinds right (by number and kind), deadlines F1."""
    fields = kinds = 0
    fields_total = kinds_total = 0
    deadlines = [0, 0, 0]
    for gold_path in sorted((PROBES / name / "golden").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        doc = extract_file(PROBES / name / "notices" / f"{gold_path.stem}.txt")
        for key in ("title", "date", "issuer"):
            fields_total += 1
            fields += doc[key] == gold["metadata"][key]
        want = [(s["number"], s["kind"]) for s in gold["sections"]]
        got = [(s["number"], s["kind"]) for s in doc["sections"]]
        kinds_total += len(want)
        kinds += sum(1 for pair in want if pair in got)
        want_d = [_deadline_key(d) for d in gold["deadlines"]]
        got_d = [_deadline_key(d) for d in doc["deadlines"]]
        hits = sum(min(want_d.count(k), got_d.count(k)) for k in set(want_d))
        deadlines[0] += hits
        deadlines[1] += len(got_d) - hits
        deadlines[2] += len(want_d) - hits
    return fields / fields_total, kinds / kinds_total, _f1(*deadlines)


@pytest.mark.parametrize("name", sorted(STRUCTURE_FLOORS))
def test_probe_set_holds_its_structure_floors(name):
    scores = _structure_scores(name)
    assert all(score >= floor for score, floor in zip(scores, STRUCTURE_FLOORS[name])), (
        name, [round(x, 3) for x in scores])


def _spurious_units(name: str) -> int:
    spurious = 0
    for gold_path in sorted((PROBES / name / "golden").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        doc = extract_file(PROBES / name / "notices" / f"{gold_path.stem}.txt")
        spurious += len({u["name"] for u in doc["units"]} - {u["name"] for u in gold["units"]})
    return spurious


@pytest.mark.parametrize("name", sorted(SPURIOUS_CEILINGS))
def test_probe_set_names_few_units_it_should_not(name):
    assert _spurious_units(name) <= SPURIOUS_CEILINGS[name]
