"""A test corpus written for newstrace (not the seeds): 14 invented news articles in the shapes
scraped pages really take, each with the chrome a different kind of site adds.

``python benchmarks/data/own_corpus_spec.py OUT`` writes the files to OUT (txt in several
encodings, a flattened one-line page, markdown, HTML, CSV and JSONL) and OUT/gold.json: for
every article its headline, outlet, author, cites, page date, body paragraphs and chrome lines.
The stories, people and outlets are fictional.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

ARTICLES = [
    {
        "id": "harbour-strike", "file": "harbour-strike.txt", "encoding": "utf-8",
        "header": ["12 May 2024, Sunday, 09:15", "Donate", "Menu", "News", "Opinion", "Search"],
        "title": "Dock workers extend strike at Port Alder", "title_twice": True,
        "outlet": "Northshore Daily", "cites": ["Reuters"], "author": "", "published": "2024-05-12",
        "body": [
            "Dock workers at Port Alder voted on Saturday to extend their strike by another two weeks.",
            "The union said 2,400 members took part in the ballot, and 81% backed the extension.",
            "“We are not going back until the night shifts are safe,” said union secretary Hana Ortiz.",
            "Port managers told Reuters that about 40 ships are waiting offshore.",
            "Talks resume on Monday.",
            "Northshore Daily informs.",
        ],
        "footer": ["Share on Facebook", "Tweet", "Write your comment 3", "Related: Ferry fares rise again",
                   "© 2024 Northshore Daily. All rights reserved."],
    },
    {
        "id": "flood-relief", "file": "flood-relief.txt", "encoding": "cp1251", "flatten": True,
        "header": [], "title": "Flood relief payments reach river villages",
        "author_line": "Oksana Melnyk", "author": "Oksana Melnyk",
        "outlet": "Riverside Post", "cites": ["Ukrinform"], "published": "",
        "body": [
            "After the spring floods, the regional council began paying relief to families in 14 villages.",
            "Each household receives 8,000 hryvnias, about $200, the council said on Tuesday.",
            "This was reported by Riverside Post with reference to Ukrinform.",
            "Officials estimate that roughly 3,000 homes were damaged.",
            "Villagers say the money is welcome but late: «Допомога прийшла, але пізно», said Halyna Kravets.",
        ],
        "glued": "How the payments work",
        "footer": ["Who qualifies for help", "Flood Relief Payments Reach River Villages", "27", "next post"],
    },
    {
        "id": "rail-tender", "file": "rail-tender.txt", "encoding": "latin-1",
        "header": ["Home", "Economy", "Rail tender draws six bidders - Financial Times"],
        "title": "Rail tender draws six bidders - Financial Times", "title_dedupe": True,
        "outlet": "", "cites": ["Financial Times"], "author": "", "published": "",
        "body": [
            "Six consortia have bid for the contract to build the northern rail link, the Financial Times writes.",
            "The project, valued at 3.2 billion francs, would cut the journey from Bréval to the coast to under an hour.",
            "A ministry spokesman, René Aubert, declined to name the bidders.",
            "Construction could start in 2026.",
        ],
        "footer": ["Tags: rail, tenders, infrastructure", "Read also: Airport expansion delayed again"],
    },
    {
        "id": "heatwave", "file": "heatwave.txt", "encoding": "utf-16",
        "header": ["3 201 visitors online", "Weather"],
        "title": "Heatwave warning issued for the capital",
        "outlet": "", "cites": ["Associated Press"], "author": "", "published": "",
        "body": [
            "Forecasters issued a heatwave warning for the capital on Wednesday, with highs of 39C expected.",
            "According to the Associated Press, hospitals have cancelled non-urgent operations.",
            "The city will open 25 cooling centres.",
            "“Drink water, stay inside at noon,” the health department said.",
        ],
        "footer": ["Advertisement", "Follow us on Telegram and Facebook", "previous post"],
    },
    {
        "id": "mayor-resigns", "file": "mayor-resigns.txt", "encoding": "utf-8-sig",
        "header": ["Categories", "Politics"], "title": "Mayor of Lindqvist resigns after audit",
        "byline": "By Peter Hallam", "author": "Peter Hallam",
        "outlet": "", "cites": ["The New York Times"], "author2": "", "published": "",
        "body": [
            "The mayor of Lindqvist resigned on Friday, two days after an audit found gaps in the city budget.",
            "The audit, first reported by The New York Times, found that 1.2 million dollars could not be traced.",
            "Deputy mayor Clara Beck will lead the city until an election in the autumn.",
            "No charges have been filed.",
        ],
        "footer": ["Comments (12)", "Show comments", "Most read"],
    },
    {
        "id": "vaccine-trial", "file": "vaccine-trial.md", "encoding": "utf-8", "markdown": True,
        "header": [], "title": "Malaria vaccine trial enrols first children",
        "outlet": "", "cites": ["BBC"], "author": "", "published": "",
        "body": [
            "A malaria vaccine trial enrolled its first 300 children this week in three coastal districts.",
            "The researchers told the BBC that results are expected within 18 months.",
            "Dr. Amara Nwosu, who leads the trial, said the doses are stored at 2-8 degrees.",
            "Parents can withdraw at any time.",
        ],
        "footer": ["Read more: How malaria vaccines work", "Subscribe to our newsletter"],
    },
    {
        "id": "bridge-collapse", "file": "bridge-collapse.html", "encoding": "utf-8", "html": True,
        "title": "Old bridge collapses after storm, no one hurt", "outlet": "Valley Courier",
        "cites": [], "author": "Jonas Berg", "published": "2023-11-04",
        "body": [
            "An old stone bridge over the Mirna river collapsed on Saturday night after a storm.",
            "Police said nobody was on the bridge at the time.",
            "Engineers had warned in 2021 that the structure needed repairs costing about 600,000 euros.",
            "A temporary crossing will open next week.",
        ],
        "nav": ["Home", "Local", "Sport", "Weather"], "aside": ["Most read: Council approves budget"],
        "footer": ["Contact us", "© 2023 Valley Courier"],
    },
    {
        "id": "wildfire", "file": "wildfire.htm", "encoding": "cp1252", "html": True,
        "title": "Wildfire forces evacuation of 1,500 residents", "outlet": "",
        "cites": ["AFP"], "author": "", "published": "",
        "body": [
            "A wildfire forced the evacuation of 1,500 residents from hillside villages near Sainte-Anne on Sunday.",
            "Firefighters told AFP that strong winds were pushing the flames south.",
            "About 900 hectares have burned so far, the prefecture’s spokesman said.",
            "Evacuees are staying in school gyms.",
        ],
        "nav": ["Accueil", "News"], "aside": ["Share this article"],
        "footer": ["Privacy policy", "Cookie settings"],
    },
    {
        "id": "grain-deal", "file": "grain-deal.txt", "encoding": "koi8-r",
        "header": ["Monday, 7 October 2024", "Main menu", "Support us"],
        "title": "Grain corridor deal extended for 120 days",
        "outlet": "Steppe Wire", "cites": ["Interfax"], "author": "", "published": "2024-10-07",
        "body": [
            "The grain corridor agreement was extended for another 120 days, Interfax reports.",
            "About 30 million tonnes have been shipped since the deal began.",
            "Steppe Wire reports, citing port data, that insurance costs fell by a third.",
            "Grain traders welcomed the news, calling it 'хорошая новость для всех'.",
            "Prices on the Odesa exchange dropped 2%.",
        ],
        "footer": ["Join our Telegram channel", "Back to top"],
    },
    {
        "id": "museum-theft", "file": "museum-theft.txt", "encoding": "utf-8",
        "header": ["Culture", "Photo: City Museum press office"], "title": "Two paintings stolen from City Museum",
        "outlet": "", "cites": ["The Guardian"], "author": "", "published": "",
        "body": [
            "Two paintings were stolen from the City Museum overnight, police said.",
            "The works, by the 19th-century painter Ilse Vang, are insured for £4m.",
            "A museum guard told The Guardian that the alarm did not sound.",
            "Police have asked for witnesses.",
            "“It was over in four minutes,” said inspector Dan Reyes.",
        ],
        "footer": ["1 245 views", "Share", "Email", "Print"],
    },
    {
        "id": "csv-rows", "file": "wires.csv", "encoding": "utf-8", "table": "csv",
        "rows": [
            {
                "id": "wire-1", "title": "Central bank holds rates at 4.5%", "outlet": "Metro Business",
                "published": "2025-01-30", "cites": ["Bloomberg"], "author": "",
                "body": [
                    "The central bank kept its key rate at 4.5% on Thursday, as expected.",
                    "Bloomberg writes that two of the nine board members voted for a cut.",
                    "Inflation slowed to 3.1% in December.",
                ],
                "footer": ["Read also: Mortgage demand rises"],
            },
            {
                "id": "wire-2", "title": "Airline cancels 200 flights over pilot strike", "outlet": "Metro Business",
                "published": "2025-02-03", "cites": ["Reuters"], "author": "",
                "body": [
                    "The airline cancelled 200 flights on Monday as pilots began a 48-hour strike.",
                    "According to Reuters, about 30,000 passengers were affected.",
                    "The pilots' union wants a 12% pay rise.",
                ],
                "footer": ["Advertisement"],
            },
        ],
    },
    {
        "id": "jsonl-rows", "file": "feed.jsonl", "encoding": "utf-8", "table": "jsonl",
        "rows": [
            {
                "id": "feed-1", "title": "Border crossing reopens after three weeks", "outlet": "",
                "published": "", "cites": ["Reuters"], "author": "",
                "body": [
                    "The border crossing at Kessel reopened on Tuesday after a three-week closure.",
                    "Trucks queued for up to 12 kilometres, Reuters reported.",
                    "Customs officers said checks would take longer than usual.",
                ],
                "footer": ["Share this article", "Most popular"],
            },
            {
                "id": "feed-2", "title": "Power cuts hit eastern districts", "outlet": "",
                "published": "", "cites": [], "author": "",
                "body": [
                    "Power cuts hit four eastern districts on Wednesday evening.",
                    "The grid operator said repairs would take until morning.",
                    "Hospitals switched to generators.",
                ],
                "footer": ["Comments (0)"],
            },
        ],
    },
]


def _page(a: dict) -> str:
    """The text file of an article: header, headline, byline, body, footer."""
    lines = list(a.get("header", []))
    if not a.get("title_dedupe"):
        lines.append(a["title"])
    if a.get("title_twice"):
        lines += ["", a["title"], "5"]
    if a.get("byline"):
        lines.append(a["byline"])
    lines.append("")
    if a.get("flatten"):
        body = " ".join([a["title"], a.get("author_line", ""), *a["body"]]).replace("  ", " ")
        body += a.get("glued", "")
        lines = [body, *a["footer"]]
        return "\n".join(lines) + "\n"
    for para in a["body"]:
        lines += [para, ""]
    lines += a["footer"]
    return "\n".join(lines) + "\n"


def _markdown(a: dict) -> str:
    body = "\n\n".join(a["body"])
    body = body.replace("malaria vaccine trial", "*malaria vaccine trial*", 1)
    footer = "\n\n".join(f"**{a['footer'][0]}**" if i == 0 else line for i, line in enumerate(a["footer"]))
    return f"# {a['title']}\n\n![photo](img.jpg)\n\n{body}\n\n{footer}\n"


def _html(a: dict) -> str:
    esc = html.escape
    nav = "".join(f'<li><a href="/{esc(x.lower())}">{esc(x)}</a></li>' for x in a["nav"])
    paras = "".join(f"<p>{esc(p)}</p>\n" for p in a["body"])
    aside = "".join(f"<p>{esc(x)}</p>" for x in a["aside"])
    footer = " | ".join(esc(x) for x in a["footer"])
    meta = ""
    if a["outlet"]:
        meta += f'<meta property="og:site_name" content="{esc(a["outlet"])}">\n'
    if a["author"]:
        meta += f'<meta name="author" content="{esc(a["author"])}">\n'
    if a["published"]:
        meta += f'<meta property="article:published_time" content="{a["published"]}T08:30:00+02:00">\n'
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset=\"{a['encoding']}\"><title>{esc(a['title'])} | Site</title>\n{meta}"
        "<script>window.dataLayer=[];function track(){return 1}</script><style>body{font:14px serif}</style></head>\n"
        f"<body><header><div class=\"logo\">Site</div><nav><ul>{nav}</ul></nav></header>\n"
        f"<main><article><h1>{esc(a['title'])}</h1>\n<div class=\"share-buttons\">Share Tweet</div>\n{paras}"
        f"<aside>{aside}</aside></article></main>\n<footer>{footer}</footer>\n"
        "<script>track()</script></body></html>\n"
    )


def _gold(a: dict) -> dict:
    return {
        "doc_id": a["id"], "file": a["file"], "encoding": a["encoding"], "title": a["title"],
        "outlet": a.get("outlet", ""), "author": a.get("author", ""), "cites": a.get("cites", []),
        "published": a.get("published", ""), "body": a["body"],
        "chrome": [x for x in a.get("header", []) if x != a["title"]] + a.get("footer", [])
        + a.get("nav", []) + a.get("aside", []) + ([a["glued"]] if a.get("glued") else [])
        + ([a["byline"]] if a.get("byline") else []),
    }


def write(out: Path) -> list[dict]:
    """Write every article file of the corpus and gold.json to ``out``; return the gold records."""
    out.mkdir(parents=True, exist_ok=True)
    gold = []
    for a in ARTICLES:
        path = out / a["file"]
        if a.get("table") == "csv":
            import csv
            import io

            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=["id", "title", "outlet", "published", "text"], lineterminator="\n")
            w.writeheader()
            for r in a["rows"]:
                text = "\n\n".join(r["body"] + r["footer"])
                w.writerow({"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                            "published": r["published"], "text": text})
                gold.append(_gold({**r, "file": a["file"], "encoding": a["encoding"], "header": []}))
            path.write_bytes(buf.getvalue().encode(a["encoding"]))
            continue
        if a.get("table") == "jsonl":
            lines = []
            for r in a["rows"]:
                text = "\n\n".join(r["body"] + r["footer"])
                lines.append(json.dumps({"id": r["id"], "title": r["title"], "text": text}, ensure_ascii=False))
                gold.append(_gold({**r, "file": a["file"], "encoding": a["encoding"], "header": []}))
            path.write_bytes(("\n".join(lines) + "\n").encode(a["encoding"]))
            continue
        if a.get("markdown"):
            content = _markdown(a)
        elif a.get("html"):
            content = _html(a)
        else:
            content = _page(a)
        path.write_bytes(content.encode(a["encoding"]))
        gold.append(_gold(a))
    (out / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "own_corpus")
    records = write(target)
    print(f"wrote {len(records)} articles to {target}")
