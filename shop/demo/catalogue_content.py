"""Texts of the demo catalogue: categories, products, the routine, footer pages.

Plain data only, for the code that fills the demo shop. It owns the words a
visitor sees: category and product texts, INCI lists, how-to-use steps, prices
(NOK, including 25 % VAT), packshot colours and alt texts, the routine and its
steps, the shipping methods and the footer pages.

The facts come from the brand's guide "Skin during and after isotretinoin"; the
sentences are written for the shop. All claims are cosmetic.

Bokmål is the shop's main language, English the second. Each record's main
keys hold the English texts; its "nb" dict holds the Bokmål texts under the
same key names (with the Norwegian slug, and for footer pages the url under
/sider/). INCI lists, prices, EANs, volumes and other numbers live only in the
main dict: they are the same in both languages.
"""

CATEGORIES = [
    {
        "name": "Face creams",
        "slug": "face-creams",
        "description": (
            "Nourishing creams that help dry, sensitive skin hold on to moisture and "
            "keep its protective barrier strong. All are made without perfume or "
            "drying alcohol."
        ),
        "nb": {
            "name": "Ansiktskremer",
            "slug": "ansiktskremer",
            "description": (
                "Nærende kremer som hjelper tørr, sensitiv hud å holde på fukten og "
                "bevare en sterk hudbarriere. Alle er laget uten parfyme og uttørkende "
                "alkohol."
            ),
        },
    },
    {
        "name": "Cleansers",
        "slug": "cleansers",
        "description": (
            "Mild cleansers that lift away the day without stripping the skin of the "
            "lipids it needs."
        ),
        "nb": {
            "name": "Rens",
            "slug": "rens",
            "description": (
                "Mild rens som vasker bort dagen uten å ta med seg lipidene huden "
                "trenger."
            ),
        },
    },
    {
        "name": "Concentrates",
        "slug": "concentrates",
        "description": (
            "Targeted formulas used in small amounts under your cream, made to support "
            "the skin barrier and the skin's natural flora."
        ),
        "nb": {
            "name": "Konsentrater",
            "slug": "konsentrater",
            "description": (
                "Målrettede formler du bruker i små mengder under kremen, laget for å "
                "støtte hudbarrieren og hudens naturlige bakterieflora."
            ),
        },
    },
]


# In catalogue order. UPCs are made-up EAN-13 numbers with the Norwegian
# prefix 70 and a correct check digit. Prices include 25 % VAT:
# 549.00 + 499.00 + 449.00 + 199.00 = 1696.00 NOK bought separately,
# 228.05 NOK (about 13 %) more than the routine price of 1467.95 NOK.
# routine_step.position is the order of use: cleanser, concentrate,
# ceramide emulsion, then the mineral cream as the protective last layer.
PRODUCTS = [
    {
        "upc": "7090012345018",
        "sku": "SKN-IE-50",
        "title": "Intense Emulsion",
        "slug": "intense-emulsion",
        "category": "face-creams",
        "short_description": (
            "A rich barrier emulsion with ceramides and lysolecithin that helps "
            "rebuild the skin's protective layer and keeps moisture from escaping."
        ),
        "description": (
            "Intense Emulsion is a rich but quickly absorbed face cream for skin that "
            "feels dry, tight and easily irritated. It combines three ceramides with "
            "cholesterol and phytosphingosine, the same kinds of lipids the skin "
            "itself uses to hold its outer layer together.\n\n"
            "Lysolecithin, a mild phospholipid, binds the formula and works alongside "
            "the ceramides, while squalane and shea butter soften the skin and slow "
            "down the loss of water through its surface. The skin feels more "
            "comfortable and stays hydrated for longer.\n\n"
            "The formula has no perfume, essential oils, drying alcohol, exfoliating "
            "acids or retinoids. That makes it a calm choice when the skin is at its "
            "most sensitive, for example during and after isotretinoin treatment."
        ),
        "claims": [
            "Strengthens the skin barrier",
            "Reduces moisture loss",
            "Relieves the feeling of tightness",
            "Free from perfume, essential oils and drying alcohol",
            "Made for very dry, sensitive skin",
        ],
        "inci": (
            "Aqua, Squalane, Glycerin, Caprylic/Capric Triglyceride, "
            "Butyrospermum Parkii Butter, Cetearyl Alcohol, Pentylene Glycol, "
            "Glyceryl Stearate, Lysolecithin, Hydrogenated Lecithin, Panthenol, "
            "Ceramide NP, Ceramide AP, Ceramide EOP, Phytosphingosine, Cholesterol, "
            "Sodium Hyaluronate, Xanthan Gum, Tocopherol, Caprylyl Glycol, "
            "Sodium Phytate, Sodium Benzoate, Potassium Sorbate"
        ),
        "usage": [
            "Use morning and evening on clean skin.",
            "Warm one or two pumps between your fingertips.",
            "Press gently into the face and neck until absorbed.",
            "Add an extra layer where the skin feels particularly dry.",
        ],
        "net_content": "50",
        "net_content_unit": "ml",
        "price": "549.00",
        "stock": 40,
        "image_alt": (
            "A sand-coloured 50 ml bottle of Intense Emulsion with a dark cap and a "
            "white label"
        ),
        "colour": "#D9CBB4",
        "pack": "bottle",
        "routine_step": {
            "position": 3,
            "when": "Morning and evening",
            "instruction": (
                "Replenishes ceramides and other barrier lipids so that the skin loses "
                "less moisture."
            ),
            "nb": {
                "when": "Morgen og kveld",
                "instruction": (
                    "Fyller på med ceramider og andre barrierelipider, slik at huden "
                    "mister mindre fukt."
                ),
            },
        },
        "nb": {
            "title": "Intense Emulsion",
            "slug": "intense-emulsion",
            "short_description": (
                "En rik barriereemulsjon med ceramider og lysolecitin som hjelper "
                "huden å bygge opp igjen det beskyttende laget og hindrer at fukten "
                "slipper ut."
            ),
            "description": (
                "Intense Emulsion er en rik ansiktskrem som likevel trekker raskt inn, "
                "laget for hud som føles tørr og stram og lett blir irritert. Den "
                "kombinerer tre ceramider med kolesterol og fytosfingosin – de samme "
                "typene lipider som huden selv bruker for å holde det ytterste laget "
                "sammen.\n\n"
                "Lysolecitin, et mildt fosfolipid, holder formelen samlet og jobber "
                "side om side med ceramidene, mens skvalan og sheasmør gjør huden myk "
                "og bremser vanntapet gjennom hudoverflaten. Huden kjennes mer "
                "komfortabel og holder seg fuktet lenger.\n\n"
                "Formelen er uten parfyme, eteriske oljer, uttørkende alkohol, "
                "eksfolierende syrer og retinoider. Det gjør den til et skånsomt valg "
                "når huden er på sitt mest sensitive, for eksempel under og etter "
                "behandling med isotretinoin."
            ),
            "claims": [
                "Styrker hudbarrieren",
                "Reduserer fukttap",
                "Lindrer følelsen av stram hud",
                "Uten parfyme, eteriske oljer og uttørkende alkohol",
                "Laget for svært tørr, sensitiv hud",
            ],
            "usage": [
                "Bruk morgen og kveld på ren hud.",
                "Varm én eller to pumpedoser mellom fingertuppene.",
                "Trykk kremen forsiktig inn i ansiktet og på halsen til den har "
                "trukket inn.",
                "Legg på et ekstra lag der huden føles særlig tørr.",
            ],
            "image_alt": (
                "En sandfarget 50 ml-flaske Intense Emulsion med mørk kork og hvit "
                "etikett"
            ),
        },
    },
    {
        "upc": "7090012345025",
        "sku": "SKN-MB-50",
        "title": "Mineral Barrier Cream",
        "slug": "mineral-barrier-cream",
        "category": "face-creams",
        "short_description": (
            "A soothing face cream with calcium, zinc, manganese, skin lipids and "
            "ectoine that moisturises and shields sensitive skin from everyday stress."
        ),
        "description": (
            "Mineral Barrier Cream is a soft, protective face cream for skin that "
            "reacts easily to cold, wind and friction. It contains calcium, zinc and "
            "manganese, minerals that take part in the skin's own signalling and "
            "renewal.\n\n"
            "Ectoine, a water-binding molecule first found in microorganisms that live "
            "in harsh environments, helps the skin hold on to moisture and cope with "
            "strain from outside. Ceramide, cholesterol and plant oils add lipids that "
            "keep the surface supple.\n\n"
            "Use it as the final layer of your routine to seal in the products "
            "underneath. It is made without perfume, essential oils, drying alcohol or "
            "exfoliating ingredients."
        ),
        "claims": [
            "Soothes and calms sensitive skin",
            "Moisturises for lasting comfort",
            "Helps protect the skin against cold, wind and dry air",
            "Free from perfume, essential oils and drying alcohol",
        ],
        "inci": (
            "Aqua, Glycerin, Caprylic/Capric Triglyceride, Squalane, "
            "Helianthus Annuus Seed Oil, Cetearyl Alcohol, "
            "Butyrospermum Parkii Butter, Glyceryl Stearate, Ectoin, Pentylene Glycol, "
            "Hydrogenated Lecithin, Calcium Gluconate, Zinc Gluconate, "
            "Manganese Gluconate, Ceramide NP, Cholesterol, Phytosphingosine, "
            "Xanthan Gum, Tocopherol, Caprylyl Glycol, Sodium Benzoate, "
            "Potassium Sorbate"
        ),
        "usage": [
            "Use morning and evening as the last step of your routine.",
            "Smooth a pea-sized amount over the face and neck.",
            "In the morning, finish with a sunscreen.",
        ],
        "net_content": "50",
        "net_content_unit": "ml",
        "price": "499.00",
        "stock": 35,
        "image_alt": (
            "A sage-green 50 ml jar of Mineral Barrier Cream with a dark lid and a "
            "white label"
        ),
        "colour": "#A8B5A2",
        "pack": "jar",
        "routine_step": {
            "position": 4,
            "when": "Morning and evening",
            "instruction": (
                "Seals in the steps beneath with a soothing, protective layer of "
                "minerals, lipids and ectoine."
            ),
            "nb": {
                "when": "Morgen og kveld",
                "instruction": (
                    "Låser inn stegene under med et beroligende, beskyttende lag av "
                    "mineraler, lipider og ektoin."
                ),
            },
        },
        "nb": {
            "title": "Mineral Barrier Cream",
            "slug": "mineral-barrier-cream",
            "short_description": (
                "En beroligende ansiktskrem med kalsium, sink, mangan, hudlipider og "
                "ektoin som gir fukt og skjermer sensitiv hud mot hverdagens "
                "påkjenninger."
            ),
            "description": (
                "Mineral Barrier Cream er en myk, beskyttende ansiktskrem for hud som "
                "lett reagerer på kulde, vind og friksjon. Den inneholder kalsium, "
                "sink og mangan, mineraler som deltar i hudens egen signalisering og "
                "fornyelse.\n\n"
                "Ektoin er et vannbindende molekyl som først ble funnet i "
                "mikroorganismer som lever i tøffe miljøer. Det hjelper huden å holde "
                "på fukten og tåle påkjenninger utenfra. Ceramid, kolesterol og "
                "planteoljer tilfører lipider som holder hudoverflaten smidig.\n\n"
                "Bruk kremen som det siste laget i rutinen, så låser den inn "
                "produktene under. Den er laget uten parfyme, eteriske oljer, "
                "uttørkende alkohol og eksfolierende ingredienser."
            ),
            "claims": [
                "Lindrer og beroliger sensitiv hud",
                "Gir fukt og varig komfort",
                "Bidrar til å beskytte huden mot kulde, vind og tørr luft",
                "Uten parfyme, eteriske oljer og uttørkende alkohol",
            ],
            "usage": [
                "Bruk morgen og kveld som siste steg i rutinen.",
                "Fordel en ertestor mengde over ansikt og hals.",
                "Om morgenen avslutter du med solkrem.",
            ],
            "image_alt": (
                "En salviegrønn 50 ml-krukke Mineral Barrier Cream med mørkt lokk og "
                "hvit etikett"
            ),
        },
    },
    {
        "upc": "7090012345032",
        "sku": "SKN-PC-30",
        "title": "Probiotic Concentrate",
        "slug": "probiotic-concentrate",
        "category": "concentrates",
        "short_description": (
            "A light, water-free concentrate carrying more than 100 billion live "
            "lactic acid bacteria, made to add diversity to the skin flora, strengthen "
            "the barrier and smooth skin texture."
        ),
        "description": (
            "Probiotic Concentrate holds more than 100 billion live lactic acid "
            "bacteria. They rest in a light, water-free base of plant oils and "
            "squalane, which keeps them dormant until use and means the formula needs "
            "no preservatives.\n\n"
            "A varied skin flora is part of what keeps skin calm and resilient. When "
            "that variety has shrunk, for instance after a long period with little "
            "sebum, the concentrate increases the diversity of the flora, strengthens "
            "the barrier and leaves the skin with a smoother texture.\n\n"
            "Apply a few drops under your face cream. Keep the bottle tightly closed "
            "in a cool place, away from heat and direct sunlight."
        ),
        "claims": [
            "More than 100 billion live lactic acid bacteria",
            "Increases the diversity of the skin flora",
            "Strengthens the skin barrier",
            "Gives a smoother skin texture",
            "Water-free, with no preservatives or perfume",
        ],
        "inci": (
            "Caprylic/Capric Triglyceride, Squalane, Simmondsia Chinensis Seed Oil, "
            "Coco-Caprylate/Caprate, Helianthus Annuus Seed Oil, Silica, Maltodextrin, "
            "Lactobacillus Plantarum, Lactobacillus Rhamnosus, "
            "Lactobacillus Paracasei, Inulin, Lecithin, Tocopherol"
        ),
        "usage": [
            "Shake the bottle gently before use.",
            "After cleansing, pat the skin dry.",
            "Warm three or four drops between your fingertips and press them in.",
            "Wait a minute, then apply your face cream.",
        ],
        "net_content": "30",
        "net_content_unit": "ml",
        "price": "449.00",
        "stock": 25,
        "image_alt": (
            "A mist-blue 30 ml bottle of Probiotic Concentrate with a dark cap and a "
            "white label"
        ),
        "colour": "#B8C7D0",
        "pack": "bottle",
        "routine_step": {
            "position": 2,
            "when": "Morning and evening",
            "instruction": (
                "Brings live lactic acid bacteria to the skin to support a more varied "
                "flora before the creams go on."
            ),
            "nb": {
                "when": "Morgen og kveld",
                "instruction": (
                    "Gir huden levende melkesyrebakterier som støtter en mer variert "
                    "flora, før kremene kommer på."
                ),
            },
        },
        "nb": {
            "title": "Probiotic Concentrate",
            "slug": "probiotic-concentrate",
            "short_description": (
                "Et lett, vannfritt konsentrat med mer enn 100 milliarder levende "
                "melkesyrebakterier, laget for å gi hudfloraen større mangfold, styrke "
                "barrieren og gjøre hudteksturen jevnere."
            ),
            "description": (
                "Probiotic Concentrate inneholder mer enn 100 milliarder levende "
                "melkesyrebakterier. De ligger i en lett, vannfri base av planteoljer "
                "og skvalan, som holder dem i dvale til du bruker dem. Derfor trenger "
                "formelen ingen konserveringsmidler.\n\n"
                "En variert hudflora er noe av det som holder huden rolig og "
                "motstandsdyktig. Når variasjonen har blitt mindre, for eksempel etter "
                "en lang periode med lite talg, øker konsentratet mangfoldet i "
                "floraen, styrker barrieren og gir huden en jevnere tekstur.\n\n"
                "Påfør noen dråper under ansiktskremen. Oppbevar flasken godt lukket "
                "på et kjølig sted, unna varme og direkte sollys."
            ),
            "claims": [
                "Mer enn 100 milliarder levende melkesyrebakterier",
                "Øker mangfoldet i hudfloraen",
                "Styrker hudbarrieren",
                "Gir en jevnere hudtekstur",
                "Vannfritt, uten konserveringsmidler og parfyme",
            ],
            "usage": [
                "Rist flasken forsiktig før bruk.",
                "Klapp huden tørr etter at du har renset den.",
                "Varm tre eller fire dråper mellom fingertuppene og trykk dem inn i "
                "huden.",
                "Vent et minutt før du tar på ansiktskremen.",
            ],
            "image_alt": (
                "En disblå 30 ml-flaske Probiotic Concentrate med mørk kork og hvit "
                "etikett"
            ),
        },
    },
    {
        "upc": "7090012345049",
        "sku": "SKN-GC-150",
        "title": "Gentle Cleansing Milk",
        "slug": "gentle-cleansing-milk",
        "category": "cleansers",
        "short_description": (
            "A soft cleansing milk that removes dirt and make-up without surfactants, "
            "perfume or drying ingredients, so the skin is left comfortable rather "
            "than tight."
        ),
        "description": (
            "Gentle Cleansing Milk cleans with plant oils and squalane held in a light "
            "emulsion, rather than with the foaming surfactants found in most "
            "cleansers. The oils dissolve make-up, sunscreen and the grime of the day, "
            "which you then remove with water or a soft cloth.\n\n"
            "Since nothing in the formula strips away the skin's own lipids, it suits "
            "skin that already feels dry, tight or sensitive. Panthenol, allantoin and "
            "oat extract add a soothing touch.\n\n"
            "It contains no perfume, essential oils, drying alcohol or exfoliating "
            "acids."
        ),
        "claims": [
            "Cleanses without surfactants",
            "Leaves the skin soft, not tight",
            "Removes make-up and sunscreen",
            "Free from perfume, essential oils and drying alcohol",
        ],
        "inci": (
            "Aqua, Caprylic/Capric Triglyceride, Glycerin, Helianthus Annuus Seed Oil, "
            "Squalane, Cetearyl Alcohol, Glyceryl Stearate, Pentylene Glycol, "
            "Hydrogenated Lecithin, Panthenol, Allantoin, Avena Sativa Kernel Extract, "
            "Xanthan Gum, Tocopherol, Caprylyl Glycol, Sodium Phytate, "
            "Sodium Benzoate, Potassium Sorbate"
        ),
        "usage": [
            "Massage a small amount onto a dry face with your fingertips.",
            "Remove with lukewarm water or a soft, damp cloth.",
            "Pat the skin dry and continue with the rest of your routine.",
        ],
        "net_content": "150",
        "net_content_unit": "ml",
        "price": "199.00",
        "stock": 55,
        "image_alt": (
            "A clay-coloured 150 ml bottle of Gentle Cleansing Milk with a dark cap "
            "and a white label"
        ),
        "colour": "#C59D87",
        "pack": "bottle",
        "routine_step": {
            "position": 1,
            "when": "Morning and evening",
            "instruction": (
                "Removes dirt and make-up gently, so the skin keeps its own lipids "
                "before the next steps."
            ),
            "nb": {
                "when": "Morgen og kveld",
                "instruction": (
                    "Fjerner smuss og sminke skånsomt, så huden beholder sine egne "
                    "lipider før de neste stegene."
                ),
            },
        },
        "nb": {
            "title": "Gentle Cleansing Milk",
            "slug": "gentle-cleansing-milk",
            "short_description": (
                "En myk rensemelk som fjerner smuss og sminke uten tensider, parfyme "
                "eller uttørkende ingredienser, så huden kjennes behagelig og ikke "
                "stram."
            ),
            "description": (
                "Gentle Cleansing Milk renser med planteoljer og skvalan i en lett "
                "emulsjon, ikke med de skummende tensidene som finnes i de fleste "
                "rens. Oljene løser opp sminke, solkrem og dagens smuss, og så fjerner "
                "du alt med vann eller en myk klut.\n\n"
                "Siden ingenting i formelen vasker bort hudens egne lipider, passer "
                "den for hud som allerede føles tørr, stram eller sensitiv. Pantenol, "
                "allantoin og havreekstrakt virker i tillegg beroligende.\n\n"
                "Den inneholder ikke parfyme, eteriske oljer, uttørkende alkohol eller "
                "eksfolierende syrer."
            ),
            "claims": [
                "Renser uten tensider",
                "Huden kjennes myk, ikke stram",
                "Fjerner sminke og solkrem",
                "Uten parfyme, eteriske oljer og uttørkende alkohol",
            ],
            "usage": [
                "Masser litt rensemelk inn i ansiktet med fingertuppene mens huden er "
                "tørr.",
                "Fjern den med lunkent vann eller en myk, fuktig klut.",
                "Klapp huden tørr og fortsett med resten av rutinen.",
            ],
            "image_alt": (
                "En leirfarget 150 ml-flaske Gentle Cleansing Milk med mørk kork og "
                "hvit etikett"
            ),
        },
    },
]


# The four products above as one set, at a fixed price (NOK).
ROUTINE = {
    "name": "Microbiome-strengthening routine for very dry and sensitive skin",
    "slug": "microbiome-strengthening-routine",
    "price": "1467.95",
    "summary": (
        "Four gentle steps that cleanse, support the skin flora, rebuild the barrier "
        "and protect very dry, sensitive skin, at a lower price than buying them one "
        "by one."
    ),
    "description": (
        "During isotretinoin treatment, and often for months afterwards, skin tends to "
        "be dry, easily irritated and slow to recover. Sebum production drops, the "
        "barrier weakens and the variety of bacteria on the skin can shrink. The "
        "routine answers each of these changes with one product: a cleanser that does "
        "not strip, a probiotic concentrate for the skin flora, a ceramide emulsion "
        "for the barrier and a mineral cream that soothes and protects.\n\n"
        "It is meant for very dry and sensitive skin, during and after isotretinoin or "
        "whenever the skin needs calm and rebuilding rather than exfoliation. The "
        "products are cosmetic. They help the skin recover on its own terms but do not "
        "replace medical treatment and cannot stop acne from coming back, so talk to "
        "your doctor or a dermatologist about more extensive problems."
    ),
    "nb": {
        "name": "Mikrobiomstyrkende rutine for svært tørr og sensitiv hud",
        "slug": "mikrobiomstyrkende-rutine",
        "summary": (
            "Fire skånsomme steg som renser, støtter hudfloraen, bygger opp igjen "
            "barrieren og beskytter svært tørr, sensitiv hud – til en lavere pris enn "
            "om du kjøper produktene hver for seg."
        ),
        "description": (
            "Under behandling med isotretinoin, og ofte i flere måneder etterpå, blir "
            "huden gjerne tørr og lett irritert, og den bruker lang tid på å komme "
            "seg. Talgproduksjonen går ned, barrieren svekkes, og mangfoldet av "
            "bakterier på huden kan bli mindre. Rutinen møter hver av disse endringene "
            "med ett produkt: en rens som ikke tørker ut huden, et probiotisk "
            "konsentrat for hudfloraen, en ceramidemulsjon for barrieren og en "
            "mineralkrem som beroliger og beskytter.\n\n"
            "Rutinen er laget for svært tørr og sensitiv hud, under og etter "
            "isotretinoin eller når huden trenger ro og oppbygging heller enn "
            "eksfoliering. Produktene er kosmetiske. De hjelper huden å komme seg på "
            "egne premisser, men erstatter ikke medisinsk behandling og kan ikke "
            "hindre at akne kommer tilbake. Snakk derfor med legen din eller en "
            "hudlege om mer omfattende plager."
        ),
    },
}


# Shipping methods (prices include VAT), as the "Shipping and returns" page
# describes them; the cheapest is also what product structured data quotes.
SHIPPING_METHODS = [
    {
        "code": "pickup-point",
        "name": "Pickup point",
        "description": "Collect it at a Posten/Bring pickup point near you; we "
        "text you when it is there. 1–4 working days.",
        "price": "69.00",
        "free_from": "800.00",
        "nb": {
            "name": "Hentested",
            "description": "Hent pakken på et hentested fra Posten/Bring i nærheten "
            "av deg. Vi sender deg en SMS når den har kommet. 1–4 virkedager.",
        },
    },
    {
        "code": "home-delivery",
        "name": "Home delivery",
        "description": "Posten/Bring bring it to your door. 1–4 working days.",
        "price": "129.00",
        "free_from": "800.00",
        "nb": {
            "name": "Hjemlevering",
            "description": "Posten/Bring kommer med pakken helt hjem til døren din. "
            "1–4 virkedager.",
        },
    },
]


# Flat pages linked from the footer. Content is simple HTML: only h2, p,
# ul, li and mailto links.
FOOTER_PAGES = [
    {
        "url": "/pages/shipping-and-returns/",
        "title": "Shipping and returns",
        "content": (
            "<h2>Delivery in Norway</h2>\n"
            "<p>We send orders to addresses in Norway with Posten/Bring. At checkout "
            "you choose how you want to receive your parcel, and the shipping cost for "
            "each option is shown before you pay.</p>\n"
            "<ul>\n"
            "<li>Pickup point: the parcel goes to the Posten/Bring pickup point you "
            "select, and you are notified when it is ready to collect.</li>\n"
            "<li>Home delivery: the parcel is brought to your address.</li>\n"
            "</ul>\n"
            "<h2>Delivery times</h2>\n"
            "<p>Delivery normally takes 1–4 working days from the day you order. "
            "Parcels to some remote areas may take a little longer.</p>\n"
            "<h2>Free shipping</h2>\n"
            "<p>Shipping is free on orders of 800 NOK or more, counted on the "
            "total including VAT and discounts. Otherwise a pickup point costs "
            "69 NOK and home delivery 129 NOK.</p>\n"
            "<h2>Right of withdrawal</h2>\n"
            "<p>Under the Right of Withdrawal Act (angrerettloven) you may cancel your "
            "purchase within 14 days of receiving it, without giving a reason. Tell us "
            'before the period runs out: on our <a href="/en/withdrawal/">withdrawal '
            "page</a>, or by email at "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a>, either '
            "with the standard withdrawal form (angreskjema) that comes with your "
            "order confirmation or in your own words.</p>\n"
            "<p>Send the products back no later than 14 days after you told us. You "
            "pay the cost of the return. We refund what you paid, including the "
            "standard shipping cost, within 14 days of receiving your message, but we "
            "may wait until the products have reached us or you have shown that they "
            "are on their way.</p>\n"
            "<h2>Opened products</h2>\n"
            "<p>For hygiene reasons, skincare products cannot be returned once their "
            "seal or packaging has been opened, unless the product is faulty. Faulty "
            "products are covered by the Consumer Purchases Act (forbrukerkjøpsloven); "
            "see our Terms of sale for how to make a complaint.</p>\n"
        ),
        "nb": {
            "url": "/sider/frakt-og-retur/",
            "title": "Frakt og retur",
            "content": (
                "<h2>Levering i Norge</h2>\n"
                "<p>Vi sender bestillinger til adresser i Norge med Posten/Bring. I "
                "kassen velger du hvordan du vil få pakken, og du ser hva frakten "
                "koster for hvert alternativ før du betaler.</p>\n"
                "<ul>\n"
                "<li>Hentested: pakken sendes til hentestedet fra Posten/Bring som du "
                "velger, og du får beskjed når den er klar til henting.</li>\n"
                "<li>Hjemlevering: pakken leveres til adressen din.</li>\n"
                "</ul>\n"
                "<h2>Leveringstid</h2>\n"
                "<p>Levering tar normalt 1–4 virkedager fra dagen du bestiller. Pakker "
                "til enkelte områder langt unna kan bruke litt lenger tid.</p>\n"
                "<h2>Gratis frakt</h2>\n"
                "<p>Frakten er gratis når du bestiller for 800 NOK eller mer, regnet "
                "av totalsummen inkludert mva. og etter rabatter. Ellers koster "
                "hentested 69 NOK og hjemlevering 129 NOK.</p>\n"
                "<h2>Angrerett</h2>\n"
                "<p>Etter angrerettloven kan du angre kjøpet innen 14 dager etter at "
                "du har mottatt varene, uten å oppgi noen grunn. Gi oss beskjed før "
                'fristen går ut: på <a href="/angrerett/">siden vår for angrerett</a> '
                "eller på e-post til "
                '<a href="mailto:hello@skinome.example">hello@skinome.example</a>, '
                "enten med angreskjemaet som følger med ordrebekreftelsen eller med "
                "egne ord.</p>\n"
                "<p>Send produktene tilbake senest 14 dager etter at du ga oss "
                "beskjed. Du betaler selv for returen. Vi betaler tilbake det du har "
                "betalt, inkludert frakten for standard levering, innen 14 dager etter "
                "at vi fikk beskjeden din, men vi kan vente med tilbakebetalingen til "
                "vi har fått produktene eller du har vist at de er sendt i retur.</p>\n"
                "<h2>Åpnede produkter</h2>\n"
                "<p>Av hygieniske grunner kan hudpleieprodukter ikke returneres når "
                "forseglingen eller emballasjen er åpnet, med mindre produktet har en "
                "feil. Feil ved produkter dekkes av forbrukerkjøpsloven; i "
                "salgsbetingelsene våre ser du hvordan du reklamerer.</p>\n"
            ),
        },
    },
    {
        "url": "/pages/terms-of-sale/",
        "title": "Terms of sale",
        "content": (
            "<h2>Seller</h2>\n"
            "<p>The seller is Skinome AS, Storgata 1, 0155 Oslo, organisation number "
            "000 000 000 MVA. You can reach us at "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a> or on '
            "+47 22 00 00 00.</p>\n"
            "<h2>The agreement</h2>\n"
            "<p>The agreement is binding for both parties once you have sent your "
            "order, and we confirm it by email. These terms and your order "
            "confirmation make up the agreement. Your purchase is also covered by the "
            "Consumer Purchases Act (forbrukerkjøpsloven) and the Right of Withdrawal "
            "Act (angrerettloven), and nothing in these terms limits your rights under "
            "those laws.</p>\n"
            "<h2>Prices and payment</h2>\n"
            "<p>All prices are in Norwegian kroner (NOK) and include 25 % VAT (MVA). "
            "The total you pay, including any shipping cost, is shown before you "
            "confirm the order.</p>\n"
            "<h2>Delivery</h2>\n"
            "<p>We deliver within Norway with Posten/Bring, to a pickup point or to "
            "your home, normally within 1–4 working days. Shipping is free on orders "
            "of 800 NOK or more. The risk for the products passes to you when you have "
            "received them.</p>\n"
            "<h2>Right of withdrawal</h2>\n"
            "<p>You may withdraw from your purchase within 14 days of receiving it, "
            "without giving a reason. Tell us before the period ends on our "
            '<a href="/en/withdrawal/">withdrawal page</a>, with the withdrawal form '
            "(angreskjema) that comes with your order confirmation, or by email. "
            "Sealed skincare products that have been opened after delivery cannot be "
            "returned for hygiene reasons, unless they are faulty. The Shipping and "
            "returns page explains how to return products.</p>\n"
            "<h2>Complaints</h2>\n"
            "<p>If a product is faulty or not as described, you can make a complaint "
            "(reklamasjon) under the Consumer Purchases Act. Tell us within a "
            "reasonable time after you noticed the fault, and no later than two years "
            "after you received the product. A complaint made within two months of "
            "noticing the fault is always in time. The five-year limit in the Act is "
            "for goods meant to last considerably longer, which does not apply to "
            "skincare. Please include your order number, a short description and, if "
            "you can, a photo.</p>\n"
            "<h2>Disputes</h2>\n"
            "<p>We will try to settle any disagreement with you directly. If we cannot "
            "agree, you can contact Forbrukerrådet (the Norwegian Consumer Council) "
            "for guidance and mediation.</p>\n"
        ),
        "nb": {
            "url": "/sider/salgsbetingelser/",
            "title": "Salgsbetingelser",
            "content": (
                "<h2>Selger</h2>\n"
                "<p>Selger er Skinome AS, Storgata 1, 0155 Oslo, organisasjonsnummer "
                "000 000 000 MVA. Du når oss på "
                '<a href="mailto:hello@skinome.example">hello@skinome.example</a>'
                " eller på telefon +47 22 00 00 00.</p>\n"
                "<h2>Avtalen</h2>\n"
                "<p>Avtalen er bindende for begge parter når du har sendt "
                "bestillingen, og vi bekrefter den på e-post. Disse salgsbetingelsene "
                "og ordrebekreftelsen din utgjør avtalen. Kjøpet ditt er også regulert "
                "av forbrukerkjøpsloven og angrerettloven, og ingenting i disse "
                "betingelsene begrenser rettighetene du har etter disse lovene.</p>\n"
                "<h2>Priser og betaling</h2>\n"
                "<p>Alle priser er oppgitt i norske kroner (NOK) inkludert 25 % mva. "
                "Totalsummen du skal betale, inkludert eventuell frakt, vises før du "
                "bekrefter bestillingen.</p>\n"
                "<h2>Levering</h2>\n"
                "<p>Vi leverer i Norge med Posten/Bring, til et hentested eller hjem "
                "til deg, normalt innen 1–4 virkedager. Frakten er gratis når du "
                "bestiller for 800 NOK eller mer. Risikoen for produktene går over på "
                "deg når du har mottatt dem.</p>\n"
                "<h2>Angrerett</h2>\n"
                "<p>Du kan angre kjøpet innen 14 dager etter at du har mottatt varene, "
                "uten å oppgi noen grunn. Gi oss beskjed før fristen går ut: på "
                '<a href="/angrerett/">siden vår for angrerett</a>, med angreskjemaet '
                "som følger med ordrebekreftelsen, eller på e-post. Forseglede "
                "hudpleieprodukter som er åpnet etter levering, kan av hygieniske "
                "grunner ikke returneres, med mindre de har en feil. På siden Frakt og "
                "retur ser du hvordan du returnerer produkter.</p>\n"
                "<h2>Reklamasjon</h2>\n"
                "<p>Hvis et produkt har en feil eller ikke er som beskrevet, kan du "
                "reklamere etter forbrukerkjøpsloven. Gi oss beskjed innen rimelig tid "
                "etter at du oppdaget feilen, og senest to år etter at du mottok "
                "produktet. En reklamasjon innen to måneder etter at du oppdaget "
                "feilen, er alltid i tide. Lovens frist på fem år gjelder varer som er "
                "ment å vare vesentlig lenger, noe hudpleie ikke er. Ta gjerne med "
                "bestillingsnummeret, en kort beskrivelse og, hvis du kan, et "
                "bilde.</p>\n"
                "<h2>Tvister</h2>\n"
                "<p>Vi prøver å løse en eventuell uenighet direkte med deg. Blir vi "
                "ikke enige, kan du kontakte Forbrukerrådet for veiledning og "
                "mekling.</p>\n"
            ),
        },
    },
    {
        "url": "/pages/privacy/",
        "title": "Privacy",
        "template_name": "flatpages/privacy.html",
        "content": (
            "<h2>Who is responsible</h2>\n"
            "<p>Skinome AS, Storgata 1, 0155 Oslo (organisation number 000 000 000 "
            "MVA), is responsible for the personal data we process when you shop with "
            "us. Questions about privacy can be sent to "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a>.</p>\n'
            "<h2>What we collect and why</h2>\n"
            "<ul>\n"
            "<li>Name, address, email and phone number, so that we can deliver your "
            "order and contact you about it.</li>\n"
            "<li>What you ordered and how you paid, so that we can take payment, "
            "handle returns and complaints, and keep our accounts. Card details are "
            "handled by our payment provider, and we do not store them.</li>\n"
            "<li>Cookies that are needed for the basket and checkout to work; the "
            '<a href="/en/pages/cookies/">cookie page</a> lists them.</li>\n'
            "</ul>\n"
            "<p>Under the GDPR, we rely on our agreement with you, on our legal duty "
            "to keep accounts.</p>\n"
            "<h2>Who we share it with</h2>\n"
            "<p>We pass on only what is needed: your name and address to Posten/Bring "
            "for delivery, payment details to our payment provider, and stored data to "
            "the company that hosts our web shop. We do not sell your data.</p>\n"
            "<h2>How long we keep it</h2>\n"
            "<p>Order and payment records are kept for five years after the end of the "
            "financial year, as the Bookkeeping Act (bokføringsloven) requires: the "
            "invoice or receipt names you, so the order keeps your name, address and "
            "e-mail address for that long, also if you delete your account. After "
            "that we remove everything about you from the order. If you delete your "
            "account, your profile, address book, baskets and our log of the e-mails "
            "we sent you are deleted at once. The table below shows how long we keep "
            "each kind of data.</p>\n"
            "<h2>Your rights</h2>\n"
            "<p>You can ask to see the data we hold about you, have it corrected or "
            "deleted, limit or object to how we use it, and receive it in a portable "
            "format. With an account you can download your data yourself under "
            "Your account, Your data, and delete the account under Profile. Some "
            "records must be kept by law even if you ask us to delete them. Write to "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a> and we '
            "will answer within one month.</p>\n"
            "<p>If you believe we handle your data unlawfully, you have the right to "
            "complain to the Norwegian Data Protection Authority (Datatilsynet).</p>\n"
        ),
        "nb": {
            "url": "/sider/personvern/",
            "title": "Personvern",
            "content": (
                "<h2>Behandlingsansvarlig</h2>\n"
                "<p>Skinome AS, Storgata 1, 0155 Oslo (organisasjonsnummer 000 000 000 "
                "MVA), er behandlingsansvarlig for personopplysningene vi behandler "
                "når du handler hos oss. Spørsmål om personvern kan du sende til "
                '<a href="mailto:hello@skinome.example">hello@skinome.example</a>'
                ".</p>\n"
                "<h2>Hva vi samler inn, og hvorfor</h2>\n"
                "<ul>\n"
                "<li>Navn, adresse, e-postadresse og telefonnummer, slik at vi kan "
                "levere bestillingen din og kontakte deg om den.</li>\n"
                "<li>Hva du har bestilt og hvordan du har betalt, slik at vi kan ta "
                "betalt, behandle returer og reklamasjoner og føre regnskap. "
                "Kortopplysningene dine håndteres av betalingsleverandøren vår, og vi "
                "lagrer dem ikke.</li>\n"
                "<li>Informasjonskapsler (cookies) som trengs for at handlekurven og "
                "kassen skal fungere; "
                '<a href="/sider/informasjonskapsler/">siden om informasjonskapsler</a>'
                " viser hvilke.</li>\n"
                "</ul>\n"
                "<p>Etter personopplysningsloven og personvernforordningen (GDPR) "
                "bygger vi behandlingen på avtalen vår med deg og på vår lovpålagte "
                "plikt til å føre regnskap.</p>\n"
                "<h2>Hvem vi deler opplysningene med</h2>\n"
                "<p>Vi gir bare videre det som trengs: navnet og adressen din til "
                "Posten/Bring for levering, betalingsopplysninger til "
                "betalingsleverandøren vår og lagrede opplysninger til selskapet som "
                "drifter nettbutikken vår. Vi selger ikke opplysningene dine.</p>\n"
                "<h2>Hvor lenge vi lagrer opplysningene</h2>\n"
                "<p>Opplysninger om bestillinger og betalinger oppbevares i fem år "
                "etter utgangen av regnskapsåret, slik bokføringsloven krever: "
                "fakturaen eller kvitteringen har navnet ditt på seg, så bestillingen "
                "beholder navnet, adressen og e-postadressen din så lenge, også om du "
                "sletter kontoen din. Deretter fjerner vi alt om deg fra bestillingen. "
                "Sletter du kontoen, slettes profilen, adresseboken, handlekurvene og "
                "loggen vår over e-postene vi har sendt deg med en gang. Tabellen "
                "nedenfor viser hvor lenge vi lagrer hver type opplysninger.</p>\n"
                "<h2>Dine rettigheter</h2>\n"
                "<p>Du kan be om innsyn i opplysningene vi har om deg, få dem rettet "
                "eller slettet, få begrenset bruken av dem eller protestere mot den, "
                "og få dem utlevert i et format du kan ta med deg videre. Har du "
                "konto, kan du selv laste ned opplysningene dine under Min konto, "
                "Dine data, og slette kontoen under Profil. Noen opplysninger må vi "
                "etter loven oppbevare selv om du ber oss slette dem. Skriv til "
                '<a href="mailto:hello@skinome.example">hello@skinome.example</a>'
                ", så svarer vi innen én måned.</p>\n"
                "<p>Mener du at vi behandler opplysningene dine i strid med "
                "regelverket, har du rett til å klage til Datatilsynet.</p>\n"
            ),
        },
    },
    {
        "url": "/pages/cookies/",
        "title": "Cookies",
        "template_name": "flatpages/cookies.html",
        "content": (
            "<p>Cookies are small files a website keeps in your browser. We use "
            "only the cookies the shop needs to work: to keep your basket, to sign "
            "you in, to protect your forms and to remember the language you chose. "
            "We use no cookies for statistics, advertising or tracking, and no "
            "other company sets cookies through our pages, so we do not ask you to "
            "accept any.</p>\n"
            "<p>If you pay by card, you pay on our payment provider Stripe's page, "
            "which sets cookies of its own under "
            '<a href="https://stripe.com/privacy">Stripe\'s privacy policy</a>.</p>\n'
            "<p>You can delete cookies in your browser's settings at any time. "
            "Without them, the basket and signing in do not work.</p>\n"
        ),
        "nb": {
            "url": "/sider/informasjonskapsler/",
            "title": "Informasjonskapsler",
            "content": (
                "<p>Informasjonskapsler (cookies) er små filer et nettsted lagrer i "
                "nettleseren din. Vi bruker bare informasjonskapslene nettbutikken "
                "trenger for å fungere: for å huske handlekurven din, logge deg inn, "
                "beskytte skjemaene du sender og huske språket du har valgt. Vi "
                "bruker ingen informasjonskapsler til statistikk, annonser eller "
                "sporing, og ingen andre selskaper setter informasjonskapsler via "
                "sidene våre, så vi ber deg ikke om å godta noen.</p>\n"
                "<p>Betaler du med kort, betaler du på siden til "
                "betalingsleverandøren vår, Stripe, som setter egne "
                "informasjonskapsler etter "
                '<a href="https://stripe.com/privacy">Stripes personvernerklæring</a>'
                ".</p>\n"
                "<p>Du kan når som helst slette informasjonskapsler i innstillingene "
                "i nettleseren din. Uten dem virker ikke handlekurven og "
                "innloggingen.</p>\n"
            ),
        },
    },
    {
        "url": "/pages/contact/",
        "title": "Contact",
        "content": (
            "<h2>Get in touch</h2>\n"
            "<p>We are glad to help with questions about orders, deliveries, returns "
            "and our products. Email is usually the quickest way to reach us.</p>\n"
            "<ul>\n"
            "<li>Email: "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a></li>\n'
            "<li>Phone: +47 22 00 00 00</li>\n"
            "</ul>\n"
            "<p>We answer on working days, normally within one or two days.</p>\n"
            "<h2>Company details</h2>\n"
            "<ul>\n"
            "<li>Skinome AS</li>\n"
            "<li>Storgata 1, 0155 Oslo, Norway</li>\n"
            "<li>Organisation number: 000 000 000 MVA</li>\n"
            "</ul>\n"
            "<h2>About an order</h2>\n"
            "<p>If you are writing about an order, please include the order number "
            "from your order confirmation. For a complaint, a short description of the "
            "problem and, if possible, a photo of the product help us sort it out "
            "faster.</p>\n"
            "<h2>Questions about your skin</h2>\n"
            "<p>We are happy to explain what is in our products and how to use them, "
            "but we cannot give medical advice. If your skin is very irritated, or you "
            "are under treatment, ask your doctor or a dermatologist before changing "
            "your routine.</p>\n"
            "<h2>Your personal data</h2>\n"
            "<p>To see, correct or delete the personal data we hold about you, write "
            "to the email address above. Our Privacy page explains how we handle your "
            "data.</p>\n"
        ),
        "nb": {
            "url": "/sider/kontakt/",
            "title": "Kontakt",
            "content": (
                "<h2>Ta kontakt</h2>\n"
                "<p>Vi hjelper deg gjerne med spørsmål om bestillinger, levering, "
                "retur og produktene våre. E-post er som regel den raskeste måten å nå "
                "oss på.</p>\n"
                "<ul>\n"
                "<li>E-post: "
                '<a href="mailto:hello@skinome.example">hello@skinome.example</a>'
                "</li>\n"
                "<li>Telefon: +47 22 00 00 00</li>\n"
                "</ul>\n"
                "<p>Vi svarer på virkedager, normalt innen én til to dager.</p>\n"
                "<h2>Firmaopplysninger</h2>\n"
                "<ul>\n"
                "<li>Skinome AS</li>\n"
                "<li>Storgata 1, 0155 Oslo, Norge</li>\n"
                "<li>Organisasjonsnummer: 000 000 000 MVA</li>\n"
                "</ul>\n"
                "<h2>Om en bestilling</h2>\n"
                "<p>Skriver du om en bestilling, ta gjerne med bestillingsnummeret fra "
                "ordrebekreftelsen. Gjelder det en reklamasjon, hjelper det oss å løse "
                "saken raskere om du skriver kort hva problemet er og, om mulig, "
                "legger ved et bilde av produktet.</p>\n"
                "<h2>Spørsmål om huden din</h2>\n"
                "<p>Vi forklarer gjerne hva produktene våre inneholder og hvordan du "
                "bruker dem, men vi kan ikke gi medisinske råd. Er huden din svært "
                "irritert, eller er du under behandling, bør du spørre legen din eller "
                "en hudlege før du endrer rutinen.</p>\n"
                "<h2>Personopplysningene dine</h2>\n"
                "<p>Vil du se, rette eller slette personopplysningene vi har om deg, "
                "kan du skrive til e-postadressen over. På siden Personvern kan du "
                "lese hvordan vi behandler opplysningene dine.</p>\n"
            ),
        },
    },
]
