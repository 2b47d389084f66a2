"""Check the matching pairs: python tests/data/matching/check_pairs.py"""

import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
CORPUS = HERE.parent / "reports" / "corpus"
TARGETS = set(
    [
        "police_paramilitary",
        "military",
        "government",
        "civilians_public",
        "transport",
        "infrastructure",
        "business",
        "education",
        "health",
        "religious",
        "telecom",
        "unknown",
    ]
)
ATTACKS = set(
    [
        "armed_assault",
        "bombing",
        "suicide_bombing",
        "ied",
        "rocket",
        "hostage_taking",
        "hijacking",
        "arson",
        "targeted_killing",
        "unknown",
    ]
)
SIDES = {"civilians", "security", "attackers", "unspecified"}
KEY = {
    "date",
    "places",
    "district",
    "target_types",
    "attack_types",
    "killed",
    "injured",
}


def iso(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def side_errors(x):
    if set(x) == {"corpus"}:
        return [] if (CORPUS / x["corpus"]).is_file() else ["corpus file missing"]
    e = [
        f"lacks {k}"
        for k in ("url", "outlet", "published", "text", "key")
        if k not in x
    ]
    if e:
        return e
    k = x["key"]
    e += [] if x["url"].startswith("http") else ["url"]
    e += [] if iso(x["published"]) else ["published not ISO"]
    e += [] if 400 <= len(x["text"]) <= 1500 else [f"text length {len(x['text'])}"]
    e += [] if set(k) == KEY else [f"key fields {sorted(k)}"]
    e += [] if iso(k.get("date")) else ["key date not ISO"]
    e += [f"place {p!r} not in text" for p in k.get("places", []) if p not in x["text"]]
    e += [] if k.get("places") else ["no places"]
    e += (
        []
        if k.get("target_types") and set(k["target_types"]) <= TARGETS
        else ["target_types"]
    )
    e += (
        []
        if k.get("attack_types") and set(k["attack_types"]) <= ATTACKS
        else ["attack_types"]
    )
    for what in ("killed", "injured"):
        v = k.get(what, {})
        if set(v) != SIDES or any(
            n is not None and (not isinstance(n, int) or n < 0) for n in v.values()
        ):
            e.append(what)
    return e


errors, counts = 0, {True: 0, False: 0}
for f in sorted(HERE.glob("*.json")):
    problems = [] if re.fullmatch(r"\d{3}-[a-z0-9-]+\.json", f.name) else ["file name"]
    d = json.loads(f.read_text())
    if set(d) != {"same", "why", "a", "b", "notes"} or not isinstance(
        d.get("same"), bool
    ):
        problems.append("top-level fields or 'same' not a bool")
    else:
        counts[d["same"]] += 1
        for s in ("a", "b"):
            problems += [f"{s}: {p}" for p in side_errors(d[s])]
    for p in problems:
        print(f"{f.name}: {p}")
    errors += len(problems)
print(f"same {counts[True]}, different {counts[False]}, problems {errors}")
sys.exit(1 if errors else 0)
