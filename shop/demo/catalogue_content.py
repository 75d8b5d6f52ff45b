"""Texts of the demo catalogue: categories, products, the routine, footer pages.

Plain data only, for the code that fills the demo shop. It owns the words a
visitor sees: category and product texts, INCI lists, how-to-use steps, prices
(NOK, including 25 % VAT), packshot colours and alt texts, the routine and its
steps, the shipping methods and the footer pages.

The facts come from the brand's guide "Skin during and after isotretinoin"; the
sentences are written for the shop. All claims are cosmetic.
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
    },
    {
        "name": "Cleansers",
        "slug": "cleansers",
        "description": (
            "Mild cleansers that lift away the day without stripping the skin of the "
            "lipids it needs."
        ),
    },
    {
        "name": "Concentrates",
        "slug": "concentrates",
        "description": (
            "Targeted formulas used in small amounts under your cream, made to support "
            "the skin barrier and the skin's natural flora."
        ),
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
        "volume_ml": 50,
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
        "volume_ml": 50,
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
        "volume_ml": 30,
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
        "volume_ml": 150,
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
    },
    {
        "code": "home-delivery",
        "name": "Home delivery",
        "description": "Posten/Bring bring it to your door. 1–4 working days.",
        "price": "129.00",
        "free_from": "800.00",
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
            "by email at "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a> before '
            "the period runs out, either with the standard withdrawal form "
            "(angrerettskjema) or in your own words.</p>\n"
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
            "<p>You may cancel your purchase within 14 days of receiving it. Sealed "
            "skincare products that have been opened after delivery cannot be returned "
            "for hygiene reasons, unless they are faulty. The Shipping and returns "
            "page explains how to return products.</p>\n"
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
    },
    {
        "url": "/pages/privacy/",
        "title": "Privacy",
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
            "<li>Cookies that are needed for the basket and checkout to work.</li>\n"
            "</ul>\n"
            "<p>Under the GDPR, we rely on our agreement with you, on our legal duty "
            "to keep accounts.</p>\n"
            "<h2>Who we share it with</h2>\n"
            "<p>We pass on only what is needed: your name and address to Posten/Bring "
            "for delivery, payment details to our payment provider, and stored data to "
            "the company that hosts our web shop. We do not sell your data.</p>\n"
            "<h2>How long we keep it</h2>\n"
            "<p>Order and payment records are kept for five years after the end of the "
            "financial year, as the Bookkeeping Act (bokføringsloven) requires. Your "
            "customer account is kept until you ask us to delete it. Anything else is "
            "deleted when "
            "we no longer need it.</p>\n"
            "<h2>Your rights</h2>\n"
            "<p>You can ask to see the data we hold about you, have it corrected or "
            "deleted, limit or object to how we use it, and receive it in a portable "
            "format. Some records must be kept "
            "by law even if you ask us to delete them. Write to "
            '<a href="mailto:hello@skinome.example">hello@skinome.example</a> and we '
            "will answer within one month.</p>\n"
            "<p>If you believe we handle your data unlawfully, you have the right to "
            "complain to the Norwegian Data Protection Authority (Datatilsynet).</p>\n"
        ),
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
    },
]
