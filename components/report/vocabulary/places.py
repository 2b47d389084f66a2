"""Words about places: titles before names, news agencies in datelines,
capitalised words that are no place, and words that make a name a place."""

from __future__ import annotations

import re

from components.gazetteer import normalize_name
from components.report.vocabulary.text import words

TITLES = frozenset(
    words(
        "mr mrs ms dr minister president general gen commander chief prime "
        "sardar nawab mir senator spokesman spokesperson governor colonel "
        "col major maj captain capt inspector justice judge imam maulana "
        "mullah sheikh sepoy constable naik havildar subedar lieutenant lt "
        "brigadier brig sub sho dsp ssp sp igp dig asi si commissioner "
        "deputy assistant"
    )
)
"""Titles before a person's name: a place name right after one is a name
('Mir Sarfraz', 'Governor Kakar')."""


DATELINE_AGENCIES = words(
    "AP AFP Reuters APP PTI ANI IANS Xinhua dpa MNA IRNA INP NNI PPI Tasnim "
    "Mehr IRNA ISNA Fars"
)
"""News agencies a dateline may name: 'TEHRAN (AFP):'."""


NOT_PLACES = frozenset(
    normalize_name(word)
    for word in words(
        "january february march april may june july august september "
        "october november december monday tuesday wednesday thursday friday "
        "saturday sunday ramadan ramazan muharram shawwal eid pakistan iran "
        "afghanistan india china the police "
        "army security levies frontier corps government province district "
        "city town area express national highway road hospital civil "
        "teaching district headquarters jail mosque market bazaar chief "
        "minister governor president prime interior home inspector general "
        "deputy commissioner north south east west northern southern "
        "eastern western central upper lower new old al islamic state "
        "movement front liberation army party rescue edhi levies bla "
        "tehreek taliban ttp isis daesh bank"
    )
)
"""Capitalised words that the gazetteer may know as some village but that reports
use as ordinary words (months, weekdays, countries, offices, organisations)."""


NOT_PLACE_WORDS = frozenset(
    normalize_name(word)
    for word in words(
        "january february march april may june july august september october "
        "november december monday tuesday wednesday thursday friday saturday "
        "sunday the a an this that these those his her their its our my "
        "police army security forces force state government ministry military "
        "islamic mosque church hospital school university court prison jail "
        "office headquarters camp base cantonment cantt company corps guard reserve "
        "rifles constabulary express "
        "highway road "
        "street bridge station airport port province region "
        "county territory department republic kingdom united national federal "
        "provincial local local government commission commissioner council "
        "committee unit brigade battalion division regiment group front "
        "movement party liberation forum association foundation agency "
        "organisation organization network media news press reuters afp ap "
        "al-shabaab shabaab boko haram taliban isis daesh iswap jnim adf "
        "mr mrs ms dr gen general major colonel captain officer spokesman "
        "minister president governor chief sheikh imam god allah "
        "english arabic urdu friday's saturday's sunday's monday's "
        "spanish french portuguese persian farsi pashto balochi hausa swahili "
        "burmese russian chinese bengali amharic "
        "twitter facebook telegram whatsapp youtube instagram tiktok "
        "years decades months weeks days hours minutes centuries history "
        "muslim muslims christian christians shiite shia sunni hindu "
        "he she they we it there here but and or if when after before while "
        "since as at in on by for with from of to "
        "tv radio television channel masjid coal mine mines hotel restaurant "
        "district tehsil division city town village area areas barangay sitio purok "
        "peshmerga counter terrorism department ministry rangers regiment "
        "jaish shabab al-shabab al-qaeda qaeda hezbollah ansar basij irgc sepah "
        "baluchi "
        "earlier later meanwhile separately elsewhere however moreover besides "
        "also yesterday today tonight overnight additionally furthermore "
        "attack attacks ambush raid blast bombing explosion clash clashes gunfight "
        "firefight outpost killed dead martyred wounded injured line"
    )
)
"""Words that are no place's first or last word: a capitalised name in a place
slot beginning or ending with one is not read as a place ('in Borno State', 'in
Islamic State attacks', 'at Friday prayers', 'near the Line of Control')."""


AREA_WORDS = words(
    "area areas village villages town city locality community district "
    "tehsil sub-division subdivision ward neighbourhood neighborhood suburb "
    "valley bazaar bazar hamlet settlement commune department territory "
    "local\\s+government\\s+area chiefdom sector administrative\\s+post axis "
    "forest jungle trading\\s+centre trading\\s+center market chowk crossing island"
)
"""Words after a name (or before 'of' and a name) that make it a place: 'the
Rarasham area', 'Kayakura village', 'the town of Dibis'. Province, state, region
and county name wider areas, not attack places, and are not here."""


NAME_PREFIXES = frozenset(
    words(
        "north south east west northern southern eastern western central upper "
        "lower new old al el"
    )
)
"""Words of :data:`NOT_PLACES` that begin names of places: 'Upper Dir',
'North Waziristan', and the Arabic article ('Al Mayadeen', 'El Fasher')."""

NAME_PARTICLES = (
    *("da", "de", "do", "dos", "das", "du", "des", "del", "di"),
    *("ki", "ka", "ke"),
)
"""Lower-case particles inside Portuguese, French, Spanish and Italian place names
('Mocímboa da Praia', 'Cabo de Santo Agostinho') and Urdu and Hindi ones ('Dehra
ki Gali', 'Chak ka Mor')."""
NAME_CONNECTORS = frozenset({"and", "e", "i", "ul", "al", *NAME_PARTICLES})
"""Lower-case words inside a place's name: 'Sistan and Baluchestan'."""

PLACE_WORD_ENDS = words(
    "Town Bazaar Bazar Colony Chowk Beach Mandi Abad Road Street Valley"
)
"""Capitalised words that end places' own names: 'Satellite Town', 'Qandhari
Bazar', 'Lido Beach', 'Kohat Road' (a street of Peshawar named for Kohat)."""

STREET_SITES = frozenset(
    words(
        "jail prison hospital airport station court church mosque college school "
        "university cantonment cantt"
    )
)
"""Sites a town's street is named for ('Jail Road' in Sibi, 'Hospital Road'):
words no place's name holds, but a street's may."""

RELIGION_WORDS = words("muslim christian hindu sikh")
"""Words no place's name begins with, but a few towns' do ('Muslim Bagh')."""

PLACE_TAIL = re.compile(
    r"(?:bagh|abad|pur|kot|garh|nagar|killi|kili|kalay|dheri|khel|town|colony|"
    r"bazaar|bazar|chowk|mandi)\b",
    re.IGNORECASE,
)
"""The last word of a South Asian town's name ('Muslim Bagh', 'Hindu Kot'): with
it, a religion's word opens a place's name."""

LANDMARK_WORDS = words(
    "Toll\\s+Plaza Tunnel Bridge Interchange Bypass Crossing Dam Railway\\s+Station"
)
"""Capitalised words after a town's name that name a landmark of it: 'a checkpost
close to Lachi Toll Plaza' is at Lachi, reported as 'Lachi Toll Plaza'."""

FACILITY_WORDS = (
    r"police station",
    r"railway station",
    r"police post",
    r"police check ?post",
    r"check[- ]?post",
    r"checkpoint",
    r"levies (?:post|station|thana)",
    r"thana",
    r"fort",
    r"cantonment",
    r"(?:military |army )?base",
    r"(?:military |army )?camp",
    r"(?:military |army )?(?:detachment|garrison)",
    r"outpost",
    r"(?-i:post)",
    r"barracks",
    r"(?:railway |level |border )?crossing",
    r"(?:gold |coal |copper |salt )mine",
)
"""Facilities named after their place: 'the Chaudhwan Police Station', 'the
Samand checkpost', 'the El Salini base', 'the Namissiguima military detachment',
'the Sadiqueabad crossing', 'the Karma gold mine', 'the Kamal post' (in lower
case: 'the Bangkok Post' is a paper)."""


NATIONAL_FORCES = {
    "IN": r"CRPF|ITBP|BSF|CISF|CoBRA|District Reserve Guard|Assam Rifles|"
    r"Naxal(?:ite)?s?",
    "NG": r"NSCDC|Civilian JTF|CJTF|Amotekun",
    "PH": r"Barangay|Abu Sayyaf",
    "ML": r"FAMa",
    "CD": r"FARDC",
    "UG": r"UPDF",
    "KE": r"KDF",
    "SO": r"AMISOM|ATMIS",
    "CM": r"BIR",
    "IQ": r"Popular Mobili[sz]ation Forces|Hashd al-Shaabi",
}
"""Forces, armed groups and units found in one country only ('a jawan of the
ITBP', 'Barangay Upper Cabengbeng'): the country a report is about when it
names neither a country nor a first-level area. Case-sensitive, whole words."""

SITE_WORDS = (
    r"university",
    r"college",
    r"school",
    r"madrass?ah?",
    r"seminary",
    r"(?:international\s+)?airport",
    r"airbase",
    r"darbar",
    r"shrine",
    r"mosque",
    r"masjid",
    r"imambargah",
    r"church",
    r"cathedral",
    r"temple",
    r"gurdwara",
    r"hospital",
    r"market",
    r"mall",
    r"hotel",
    r"stadium",
    r"park",
    r"bridge",
    r"dam",
    r"(?:gas|oil)\s+field",
    r"power\s+(?:plant|station)",
    r"press\s+club",
    r"(?:judicial\s+)?complex",
    r"courts?",
    r"secretariat",
    r"jail",
    r"prison",
    r"cantonment",
    r"garrison",
    r"headquarters",
    r"bus\s+(?:stand|terminal|station)",
    r"(?:railway|train)\s+station",
    r"square",
)
"""Words that end a named site inside a town: 'Bacha Khan University', 'the Data
Darbar', 'Quetta's Hazarganji market', 'the Torwam bridge'. The site is what the
text calls the attack's place; its point stays the town's."""
