"""Word lists of English news language that the figures extractor reads.

Every list here is a general fact of the language (number words, units, currency names,
hedging phrases, reporting verbs), not a list of outlets or people.
"""

from __future__ import annotations

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "dozen": 12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

# Fractions spelled out: "half", "a third", "two-thirds", "three quarters".
FRACTION_WORDS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}

# Vague quantities: the implied range (low, high) of "dozens of", "thousands of", ...
# "Xs of" allows X to 10 X (NewsQuant's reading, and the widest honest one: "thousands" next to "at least
# 10,000" is no contradiction).
VAGUE = {
    "dozens": (12, 120), "scores": (40, 200), "tens": (10, 100), "hundreds": (100, 1000),
    "thousands": (1000, 10_000), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
}
# "several", "a few", "a couple of" in front of a multiplier: "several thousand", "a few hundred".
FEW = {"several": (3, 9), "a few": (2, 9), "few": (2, 9), "a couple of": (2, 3), "a couple": (2, 3)}

# hedge -> phrases immediately before the number (lower case).
HEDGE_BEFORE = {
    "approx": [
        "about", "around", "roughly", "some", "approximately", "approx.", "approx", "an estimated",
        "estimated", "circa", "ca.", "c.", "~", "in the region of", "on the order of", "in the order of",
        "give or take", "the best part of", "something in the region of",
        "an approximate", "something like", "round about", "more or less",
    ],
    "over": [
        "at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
        "not less than", "not fewer than", "above", "exceeding", "north of", "just over", "well over",
        "just above", "well above", "a minimum of", "at a minimum", "greater than", "higher than",
        "just more than", "well more than", "some more than", "more than an estimated", "a little over",
        "a little more than", "slightly more than", "slightly over", "slightly above", "a bit more than",
    ],
    "under": [
        "up to", "almost", "nearly", "less than", "fewer than", "under", "below", "just under",
        "just below", "as many as", "as much as", "at most", "no more than", "not more than", "close to",
        "just shy of", "a maximum of", "at a maximum", "just short of", "short of", "upto", "lower than",
        "just less than", "well under", "well below", "barely", "only just under", "a little under",
        "a little less than", "slightly less than", "slightly under", "slightly below", "not quite",
    ],
}
# Verb phrases that hedge the number after them like a preposition would ("could top $1.5 trillion").
# Kept apart from HEDGE_BEFORE: their words ("top", "will") must not count as hedge words elsewhere.
HEDGE_VERB_BEFORE = {
    "over": [f"{modal} {verb}" for modal in ("could", "may", "might", "will", "would", "set to", "expected to",
                                             "likely to", "forecast to", "projected to")
             for verb in ("top", "exceed", "surpass")] + ["upward of"],
}
HEDGE_AFTER = {
    "approx": ["or so", "odd", "more or less", "give or take"],
    "over": ["or more", "plus", "+", "and more", "and up", "or higher", "and counting"],
    "under": ["or fewer", "or less", "at most", "or under", "at the most"],
}

# unit lexicon: surface (lower case) -> (canonical unit name for pint or our own, quantity)
AREA = {
    "square kilometres": "km**2", "square kilometers": "km**2", "square kilometre": "km**2",
    "square kilometer": "km**2", "sq km": "km**2", "sq. km": "km**2", "sq. km.": "km**2", "km2": "km**2",
    "km²": "km**2", "sq kilometres": "km**2", "sq kilometers": "km**2", "square km": "km**2",
    "square miles": "mile**2", "square mile": "mile**2", "sq miles": "mile**2", "sq mi": "mile**2",
    "sq. miles": "mile**2", "sq. mi.": "mile**2", "mi2": "mile**2", "mi²": "mile**2",
    "square metres": "m**2", "square meters": "m**2", "square metre": "m**2", "square meter": "m**2",
    "square-mile": "mile**2", "square-kilometre": "km**2", "square-kilometer": "km**2", "square-metre": "m**2",
    "square-meter": "m**2", "square-foot": "ft**2",
    "sq m": "m**2", "m2": "m**2", "m²": "m**2", "square feet": "ft**2", "sq ft": "ft**2",
    "square foot": "ft**2", "hectares": "hectare", "hectare": "hectare", "ha": "hectare",
    "acres": "acre", "acre": "acre",
}
LENGTH = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km", "kms": "km",
    "miles": "mile", "mile": "mile", "mi": "mile", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "feet": "ft", "foot": "ft", "ft": "ft", "yards": "yard", "yard": "yard",
    "nautical miles": "nautical_mile", "nautical mile": "nautical_mile",
    "centimetres": "cm", "centimeters": "cm", "cm": "cm", "inches": "inch", "inch": "inch",
    "millimetres": "mm", "millimeters": "mm", "mm": "mm",
}
MASS = {
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t", "metric tonnes": "t",
    "kilograms": "kg", "kilogram": "kg", "kg": "kg", "kilos": "kg", "pounds of": "lb", "lbs": "lb",
    "grams": "g", "gram": "g",
}
VOLUME = {
    "cubic metres": "m**3", "cubic meters": "m**3", "cubic metre": "m**3", "cubic meter": "m**3",
    "m3": "m**3", "m³": "m**3", "cubic kilometres": "km**3", "cubic kilometers": "km**3", "km3": "km**3",
    "km³": "km**3", "cubic feet": "ft**3", "cubic foot": "ft**3", "litres": "l", "liters": "l", "litre": "l",
    "liter": "l", "millilitres": "ml", "milliliters": "ml",
}
DURATION = {
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "hrs": "hour", "minutes": "minute", "minute": "minute", "mins": "minute", "decades": "decade",
    "decade": "decade", "centuries": "century", "century": "century", "seconds": "second",
    "second": "second",
}
TEMPERATURE = {"degrees celsius": "degC", "degrees centigrade": "degC", "°c": "degC", "degrees c": "degC",
               "degrees fahrenheit": "degF", "°f": "degF", "degrees f": "degF"}
SPEED = {"km/h": "km/h", "kph": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
         "mph": "mile/hour", "miles per hour": "mile/hour", "knots": "knot"}
PERCENT = {"%": "%", "percent": "%", "per cent": "%", "pc": "%", "pct": "%", "percentage points": "pp",
           "percentage point": "pp", "points": "pp",
           "basis points": "bp", "basis point": "bp", "bps": "bp"}

# currency: symbols and codes written before the number, words written after it.
CURRENCY_BEFORE = {
    "us$": "USD", "$": "USD", "usd": "USD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "₴": "UAH", "uah": "UAH",
    "₽": "RUB", "rub": "RUB", "₹": "INR", "inr": "INR", "chf": "CHF", "cny": "CNY", "rmb": "CNY",
    "jpy": "JPY", "pln": "PLN", "try": "TRY", "₺": "TRY", "₩": "KRW", "r$": "BRL", "rs": "INR",
    "rs.": "INR", "cad": "CAD", "aud": "AUD", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "czk": "CZK",
    "huf": "HUF", "byn": "BYN", "kzt": "KZT", "gel": "GEL", "ils": "ILS", "₪": "ILS",
    # the dollar sign with its country, before or after it, spaced or not: US $5, $US5, $A5, HK $5
    "us $": "USD", "$us": "USD", "$a": "AUD", "$c": "CAD", "hk $": "HKD",
    "nz $": "NZD", "$nz": "NZD", "s$": "SGD", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "rm": "MYR",
    "myr": "MYR", "zar": "ZAR", "brl": "BRL", "mxn": "MXN", "krw": "KRW",
    # "Y=" is how wire copy converted to ASCII writes the yen sign
    "y=": "JPY",
}
CURRENCY_AFTER = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "gbp": "GBP",
    "rubles": "RUB", "ruble": "RUB", "roubles": "RUB", "rouble": "RUB", "rub": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "hryvna": "UAH", "hryvnyas": "UAH",
    "hryvnya": "UAH", "uah": "UAH", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR",
    "rupee": "INR", "zlotys": "PLN", "zloty": "PLN", "zlotych": "PLN", "pln": "PLN", "lira": "TRY",
    "liras": "TRY", "lire": "TRY", "won": "KRW", "francs": "CHF", "swiss francs": "CHF",
    "canadian dollars": "CAD", "australian dollars": "AUD", "belarusian rubles": "BYN",
    "belarusian roubles": "BYN", "tenge": "KZT", "lari": "GEL", "shekels": "ILS", "shekel": "ILS",
    "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "czech crowns": "CZK", "czech korunas": "CZK",
    "koruna": "CZK", "kronor": "SEK", "kroner": "NOK", "krona": "SEK", "forints": "HUF", "forint": "HUF",
    "reais": "BRL", "real": "BRL", "pesos": "MXN", "rand": "ZAR", "naira": "NGN", "dinars": "DZD",
    "ringgit": "MYR", "jpy": "JPY", "cny": "CNY", "chf": "CHF", "cad": "CAD", "aud": "AUD", "inr": "INR",
    "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "myr": "MYR", "€": "EUR", "£": "GBP",
}

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# Words of page chrome: counters that survive cleaning ("5491 visitors online", "Comments 12").
CHROME = (
    "visitors online users online online comments comment views view shares share likes like replies more "
    "reply reads read previous post next post subscribers followers votes vote print email tweet"
).split()

# Reporting verbs that attribute a statement to its subject ("officials said", "X estimates").
REPORT_VERBS = (
    "said says say told tells tell estimate estimates estimated reported reports report claimed claims "
    "claim stated states state noted notes wrote writes announced announces believes believe believed "
    "put puts counted counts recorded records confirmed confirms warned warns added adds insisted "
    "insists showed shows show found finds calculated calculates projected projects predicted predicts "
    "forecast forecasts suggested suggests revealed reveals indicated indicates acknowledged "
    "acknowledges admitted admits explained explains assessed assesses reckons reckoned informed "
    "informs emphasized emphasizes emphasised emphasises expect expects promised promises pledged pledges assured assures vowed vows"
).split()

# Words that may not be, or start, a source: pronouns and the like.
PRONOUNS = set("he she it they we i you this that these those who which one someone there".split())

# Nouns of evidence stripped from a source: "according to American intelligence estimates".
EVIDENCE_NOUNS = (
    "estimates estimate data figures figure statistics stats calculations calculation count counts "
    "tally tallies numbers reports report records record assessment assessments "
    "survey surveys poll polls study studies research analysis projections projection"
).split()

# Words that end a noun phrase (the counted thing) after a number.
NP_STOP = set(
    """
    a an the of in on at to for from by with into onto over under about across after before during since
    until than due that which who whom whose where when while as and or but nor so yet if because although
    though is are was were be been being has have had do does did will would shall should can could may
    might must not no per each every this these those its their his her our your my some any all both
    more most less fewer many much such only just also even still already reportedly allegedly
    according said says say told reported estimated including compared against between among amid
    toward towards via like near ago later earlier
    """.split()
)
AUXILIARIES = set(
    "has have had is are was were be been being will would could may might can should must did do does "
    "reportedly allegedly now already also still".split()
)
# Verbs introducing a figure whose subject stands before them: "losses amount to 40,000".
COPULAS = [
    "amount to", "amounts to", "amounted to", "total", "totals", "totalled", "totaled", "stand at",
    "stands at", "stood at", "reached", "reach", "reaches", "rose to", "rise to", "rises to", "fell to",
    "fall to", "falls to", "dropped to", "climbed to", "jumped to", "increased to", "decreased to",
    "is", "was", "are", "were", "of", "numbered", "number", "numbers", "exceeded", "exceeds",
]

# Sub-units of a currency, written after the number: value / 100 in the main currency.
CURRENCY_SUBUNITS = {"pence": "GBP", "cents": "USD", "cent": "USD", "kopecks": "RUB", "kopeks": "RUB",
                     "kopiyok": "UAH", "sen": "MYR", "p": "GBP"}
# the sub-unit's name in the singular (``unit_written``)
SUBUNIT_NAMES = {"pence": "penny", "cents": "cent", "cent": "cent", "kopecks": "kopeck", "kopeks": "kopeck",
                 "kopiyok": "kopiyka", "sen": "sen", "p": "penny"}

# Titles dropped from a source in front of a name: "Mayor Jane Doe" -> "Jane Doe".
TITLES = set(
    """
    mr mrs ms miss dr prof professor sir dame lord lady mayor governor president vice prime minister
    deputy chancellor senator sen rep representative congressman congresswoman judge justice general
    gen lieutenant lt colonel col major maj captain capt sergeant sgt commander admiral chief ambassador
    secretary spokesman spokeswoman spokesperson king queen prince princess pope bishop father rabbi
    imam sheikh mp mep councillor councilor sheriff inspector superintendent detective officer
    director chairman chairwoman chairperson executive ceo cfo coo founder editor commissioner
    """.split()
)

# Words that, in front of a duration, make "over" a preposition ("jobs over five years"), not a hedge,
# unless one of these comes first: "closed for over three weeks", "lasted over a year".
OVER_DURATION_HEDGE_AFTER = set("for lasted last lasts took take takes taking spent spend spends in within".split())

# Plurals without -s and adjectives used as plural nouns: after a number they are what is counted.
IRREGULAR_PLURALS = set(
    "people men women children police personnel staff cattle sheep deer fish feet teeth geese mice "
    "dead injured wounded missing homeless elderly poor unemployed displaced crew militia infantry "
    "livestock clergy faithful youth".split()
)
# Nouns of products that carry a model number: "the 747 jet", "the 486 chip".
PRODUCT_NOUNS = set(
    "chip processor microprocessor computer machine model jet jetliner airliner aircraft plane engine rifle "
    "pistol car series version edition phone handset console tank locomotive".split()
)
