"""Texts of the demo articles: authors, topics and the articles themselves.

Plain data only, for the code that fills the demo shop. It owns the words a
reader sees in the journal: author and topic texts, article titles, standfirsts,
meta titles and descriptions, Markdown bodies, and the colours and alt texts of
the generated hero pictures.

Bodies are Markdown with `##` and `###` headings (the page title is the h1).
A line holding only `[[product:<slug>]]` or `[[routine:<slug>]]` becomes a live
product or routine card; the slugs match shop/demo/catalogue_content.py.

The facts follow the brand's original isotretinoin guide page; every sentence is
written afresh for the shop. All claims are cosmetic: skin care supports the
skin, it does not treat acne or replace medication.
"""

AUTHORS = [
    {
        "slug": "skinome-team",
        "name": "The Skinome team",
        "role": "Formulation and skin-care advice",
        "bio": (
            "The Skinome team develops our formulas and answers questions from "
            "customers with dry and sensitive skin. We write these guides to explain "
            "what happens in the skin and how to care for it gently. We are not "
            "doctors, so for medical questions we point you to your prescriber or a "
            "dermatologist."
        ),
        "is_organisation": True,
    },
]


TOPICS = [
    {
        "slug": "isotretinoin",
        "name": "Isotretinoin",
        "description": (
            "How isotretinoin changes the skin, and how to look after it during and "
            "after treatment."
        ),
    },
    {
        "slug": "skin-barrier",
        "name": "Skin barrier",
        "description": (
            "What keeps the skin's outer layer strong, and how to help it recover "
            "when it has been weakened."
        ),
    },
    {
        "slug": "routines",
        "name": "Routines",
        "description": (
            "Simple, step-by-step ways to care for dry and sensitive skin with a few "
            "well-chosen products."
        ),
    },
]


GUIDE_BODY = """
If you have been prescribed isotretinoin for severe acne, you are taking a medicine
that few other treatments can match. It does not work on a single cause of breakouts
but on several at once: it turns down oil production, calms inflammation and changes
the way new skin cells form and leave the surface.

That broad reach is what makes the results possible. It is also why your skin may feel
so unfamiliar right now. The very changes that clear acne can leave skin dry, tight,
easily irritated and quick to redden, and this can carry on for some time after your
last dose.

This guide explains what is happening underneath, what tends to make skin more
comfortable, and what is better left on the shelf for now. While you are on treatment,
your prescriber's advice always comes first.

## What isotretinoin does to your skin

Isotretinoin acts on three parts of the skin at the same time: the oil glands, the way
the outer layer renews itself, and the community of microbes that lives on the
surface. It also changes how the skin's immune system responds. Each of these effects
helps explain why acne improves, and each explains part of the dryness and
sensitivity you may be feeling.

### Much less sebum

During treatment, the oil glands cut their output dramatically. With less oil, pores
clog less often, which is good news for acne.

It would be easy to think of sebum as nothing but surplus oil. In fact it carries
lipids that your skin makes itself, and those lipids have real work to do:

- they help the skin keep hold of its moisture
- they are part of its shield against irritation
- they support a balanced skin flora, partly by feeding friendly bacteria

When most of that supply disappears, the skin loses a layer of protection it normally
takes for granted. That goes a long way towards explaining why tightness and flaking
are so common.

### Changed cell renewal

The outer skin is built from cells called keratinocytes. They mature as they travel
towards the surface and are then shed. Isotretinoin alters this cycle, so that pores
are less likely to become blocked.

The other side of the coin is that the top layer of skin, known as the epidermis,
puts up with less. You may notice that it reacts more readily to:

- sunlight
- cold and wind
- rubbing and friction
- perfume and certain preservatives

Your skin may also need longer to bounce back from strain of any kind, whether that is
a sudden change in the weather or a product that does not suit it.

### A less varied skin flora

Your skin is home to a large community of bacteria, usually called the skin
microbiome. During isotretinoin, the range of species living there has been found to
shrink. Part of the reason is simple: some of the bacteria that are good for the skin
feed on sebum, and with much less of it around, they find it harder to survive.

That loss of variety matters. Skin with a narrower range of bacteria tends to flare
up at smaller provocations and needs more time to calm down afterwards. It may also be
why so many people find their skin stays touchy long after the final dose.

## During and after treatment

How your skin behaves usually shifts over time. Here is a rough picture of the two
phases.

### While you are on treatment

- Dryness and a feeling of tightness are very common.
- Many also see redness and find that their skin flares up quickly.
- Expect the barrier to be weaker than normal, as it almost always is.

### After your last dose

- Dry skin often lingers for months.
- Rebuilding the barrier is a slow process.
- Your bacterial flora is still settling into a new balance.
- Acne is often far better, but it can flare up again.

In other words, finishing the course is not the end of the recovery. Your skin keeps
adjusting for months, and the way you care for it during that time makes a difference.

## What helps and why

The medication does the heavy lifting against acne. Your skin care has a different
job: to make repair easier for the skin. Four groups of ingredients are especially
useful.

### Barrier lipids

Ceramides, phospholipids and squalane belong to the same family of fats that the skin
uses to hold its outer layer together. Applied to the skin, they help reinforce the
barrier and slow down the water lost through its surface. In effect, they make up for
some of what the missing sebum used to provide.

### Humectants

Glycerin, ectoine and urea attract water and hold on to it. They keep the skin better
hydrated and help it stand up to pressure from outside, such as cold air and wind.

### Minerals

Calcium, zinc and manganese play a part in how skin cells signal to one another and in
the skin's own repair work. Supplying them supports processes that are already going
on.

### Probiotics

Live bacteria and other probiotic ingredients help the skin's bacterial community get
back on its feet. A healthier community in turn backs up the barrier and makes the skin
more tolerant. That matters most after a long period of disruption, such as months of
isotretinoin.

## What to avoid in the first months

Straight after treatment, skin tends to be at its most delicate, and this can last for
months. These are worth putting away for now:

- acids and other exfoliating products
- retinol and retinal
- exfoliating every day
- anything containing alcohol, perfume or other ingredients that irritate

It is tempting to reach for several active products at once in the hope of speeding
things up. More often, that only adds to the strain. Recovering skin usually does
best with a pared-back routine whose only aims are to be well tolerated and to help
it repair.

If you are still on treatment, check with your prescriber before you add anything new.

## A simple routine

Many of the people who write to us after isotretinoin have already worked through a
long list of products, and their skin still does not feel like their own. Over and
over, they tell us the turning point came when they stopped trying to treat their skin
and began helping it rebuild.

That idea shapes the routine below. It has four steps, the same morning and evening,
and each step has one job.

### Morning and evening

- **Cleanse** with a milk that leaves the skin's own lipids in place.
- **Support the flora** with a few drops of probiotic concentrate.
- **Rebuild** with a cream rich in ceramides.
- **Protect** with a soothing mineral cream as the last layer.

In the morning, finish with a sunscreen, since recovering skin reacts more readily to
sunlight. Keep the routine steady: skin that is finding its balance usually does better
with consistency than with frequent changes.

### The products in this routine

We formulate with the skin's biology in mind, so each product looks after the
barrier, the bacterial flora or both. All four are cosmetics and no substitute for
medical care; what they offer is support while your skin finds its way back. Of the
four, the two customers mention most are Intense Emulsion and Probiotic Concentrate,
which they say leave their skin calmer, more hydrated and steadier.

Start with a cleanser that does not strip. Gentle Cleansing Milk lifts away dirt and
make-up with no surfactants, no perfume and nothing that dries the skin out.

[[product:gentle-cleansing-milk]]

Next comes Probiotic Concentrate. Each bottle holds more than 100 billion live lactic
acid bacteria, there to give your skin flora more variety and your barrier more
strength, while the surface of the skin becomes smoother.

[[product:probiotic-concentrate]]

Intense Emulsion brings ceramides and lysolecithin to the skin. Together they help
restore the barrier, so that less water escapes through it.

[[product:intense-emulsion]]

Mineral Barrier Cream goes on last, as a protective layer. It combines minerals and
skin lipids with ectoine to calm the skin, keep it moist and shield it from everyday
strain.

[[product:mineral-barrier-cream]]

You can buy all four together as our microbiome-strengthening routine. The set costs
1.467,95 NOK, compared with 1.696,00 NOK for the four products bought separately.

[[routine:microbiome-strengthening-routine]]

## What skin care can and cannot do

It helps to be clear about what to expect. No cream can do what isotretinoin does, and
no routine can guarantee that acne stays away.

What good skin care can do is this:

- leave your skin more comfortable and better hydrated
- ease dryness and calm skin that flares up easily
- give the barrier and the skin flora what they need to recover
- help your skin along during the long recovery after treatment

Your skin's recovery does not stop on the day you take your last dose. For months
afterwards, aim to build the skin up rather than strip it down, and give it the
conditions it needs to find its balance again.

While you are on treatment, follow your prescriber's advice and ask before adding new
products. If your skin problems are extensive, or if anything about your skin worries
you, see a dermatologist.
"""


BARRIER_BODY = """
When the skin barrier is weakened, the natural reaction is to look for something new
to fix it. Yet a crowded shelf is often part of the problem. Skin that is already
struggling has to cope with every product you put on it, so fewer, gentler steps
usually give it more room to recover.

This article builds on our guide to skin during and after isotretinoin, but the same
principles apply whenever your skin feels dry, tight and quick to react.

## Signs your barrier needs a rest

A weakened barrier tends to show itself in a few familiar ways:

- dryness and a tight feeling that keeps coming back
- redness and skin that reacts easily
- reactions to perfume or certain preservatives
- slow recovery after cold, wind or friction

## Why fewer products work better

Every extra product brings new ingredients for the skin to tolerate. When the barrier
is intact, that is rarely an issue. When it is weakened, each addition is one more
possible source of irritation, and layering several active products at the same time
asks more of the skin than it can give.

A short routine also makes it easier to see what your skin is telling you. If
something does not agree with it, you will know where to look.

## What to look for

Choose a small number of products that each do one job well. The most useful
ingredients fall into a few groups:

- **Barrier lipids.** Ceramides, phospholipids and squalane reinforce the skin's
  protective layer, so less water escapes.
- **Humectants.** Glycerin, ectoine and urea attract water and hold it in the upper
  layers of the skin, so it stays hydrated and copes better with cold and wind.
- **Minerals.** Calcium, zinc and manganese take part in the signals skin cells send
  each other and in the skin's own repair work.
- **Probiotics.** These help the skin's bacterial community, which in turn backs up
  the barrier and the skin's tolerance.

## What to leave out for now

While the skin rebuilds, it is worth pausing anything that removes or provokes rather
than restores:

- exfoliating acids and other peeling products
- retinoids such as retinol and retinal
- any exfoliation as a daily habit
- anything with alcohol, perfume or other irritating ingredients

## A two-step core

If you want to keep things as simple as possible, two creams can cover the
rebuilding after a gentle cleanse.

Intense Emulsion pairs ceramides with lysolecithin to restore the barrier and keep
water from escaping. Use it morning and evening on clean skin.

[[product:intense-emulsion]]

Mineral Barrier Cream goes on top as the final layer, with minerals, skin lipids and
ectoine to calm, hydrate and shield the skin.

[[product:mineral-barrier-cream]]

In the morning, add a sunscreen after your cream. If your skin flora has been out of
balance for a long time, for example after isotretinoin, a probiotic concentrate
under the creams is a natural third step. Our isotretinoin guide walks through the
full four-step routine.

## Give it time

A barrier does not rebuild overnight. Stay with the same few products, go gently, and
give the skin what it needs to repair instead of taking more away.

Skin care can make your skin more comfortable and support its recovery, but it does not
replace medical treatment. If you are under treatment, follow your prescriber's advice,
and if your skin problems are extensive or worry you, see a dermatologist.
"""


ARTICLES = [
    {
        "slug": "skin-during-and-after-isotretinoin",
        "title": "Skin during and after isotretinoin: a recovery guide",
        "summary": (
            "Isotretinoin can clear severe acne, but it often leaves skin dry, tight "
            "and quick to react. Here is what changes in your skin, and how a calm, "
            "simple routine can help it recover."
        ),
        "meta_title": "Isotretinoin skin care: a recovery guide",
        "meta_description": (
            "Why isotretinoin leaves skin dry and sensitive, what helps the barrier "
            "and skin flora recover, and a gentle routine for during and after "
            "treatment."
        ),
        "author": "skinome-team",
        "reviewer": None,
        "topics": ["isotretinoin", "skin-barrier", "routines"],
        "related_products": [
            "gentle-cleansing-milk",
            "probiotic-concentrate",
            "intense-emulsion",
            "mineral-barrier-cream",
        ],
        "published": "2026-10-01",
        "reviewed": "2026-11-20",
        "is_featured": True,
        "show_disclaimer": True,
        "hero_alt": "Soft overlapping circles in pale sage on a warm sand background",
        "hero_colours": ("#F1E8DC", "#C9D3C3"),
        "body": GUIDE_BODY,
    },
    {
        "slug": "rebuild-a-weakened-skin-barrier",
        "title": "How to rebuild a weakened skin barrier with fewer products",
        "summary": (
            "When skin feels dry, tight and reactive, adding more products rarely "
            "helps. A few gentle, well-chosen steps give the barrier room to recover."
        ),
        "meta_title": "Rebuild a weakened skin barrier with fewer products",
        "meta_description": (
            "How a short, gentle routine helps a weakened skin barrier recover: which "
            "ingredients to look for and which products to pause for now."
        ),
        "author": "skinome-team",
        "reviewer": None,
        "topics": ["skin-barrier", "routines"],
        "related_products": ["intense-emulsion", "mineral-barrier-cream"],
        "published": "2026-11-05",
        "reviewed": None,
        "is_featured": False,
        "show_disclaimer": True,
        "hero_alt": "Pale clay circles overlapping on a soft mist-blue background",
        "hero_colours": ("#E3EAEE", "#D9BBA8"),
        "body": BARRIER_BODY,
    },
]
