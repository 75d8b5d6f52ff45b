"""Texts of the demo articles: authors, topics and the articles themselves.

Plain data only, for the code that fills the demo shop. It owns the words a
reader sees in the journal: author and topic texts, article titles, standfirsts,
meta titles and descriptions, Markdown bodies, and the colours and alt texts of
the generated hero pictures.

Bokmål is the shop's main language, English the second. Each record's main
keys hold the English texts; its "nb" key holds a dict with the Bokmål value of
every text field (slug included, for the Norwegian URL). Fields that are not
text (colours, dates, flags, related products, author and topic references)
live only in the main dict. The Bokmål bodies are GUIDE_BODY_NB and
BARRIER_BODY_NB, written as Norwegian texts in their own right, with the same
facts, sections, headings and cards as the English ones.

Bodies are Markdown with `##` and `###` headings (the page title is the h1).
A line holding only `[[product:<slug>]]` or `[[routine:<slug>]]` becomes a live
product or routine card; the slugs match shop/demo/catalogue_content.py and are
the same in both languages, at the same places in the text.

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
        "nb": {
            "slug": "skinome-teamet",
            "name": "Skinome-teamet",
            "role": "Formulering og råd om hudpleie",
            "bio": (
                "Skinome-teamet utvikler formlene våre og svarer på spørsmål fra "
                "kunder med tørr og sensitiv hud. Vi skriver disse guidene for å "
                "forklare hva som skjer i huden, og hvordan du kan pleie den "
                "skånsomt. Vi er ikke leger, så har du medisinske spørsmål, viser vi "
                "deg videre til legen som skrev ut medisinen, eller til en hudlege."
            ),
        },
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
        "nb": {
            "slug": "isotretinoin",
            "name": "Isotretinoin",
            "description": (
                "Hvordan isotretinoin endrer huden, og hvordan du tar vare på den "
                "under og etter behandlingen."
            ),
        },
    },
    {
        "slug": "skin-barrier",
        "name": "Skin barrier",
        "description": (
            "What keeps the skin's outer layer strong, and how to help it recover "
            "when it has been weakened."
        ),
        "nb": {
            "slug": "hudbarrieren",
            "name": "Hudbarrieren",
            "description": (
                "Hva som holder hudens ytterste lag sterkt, og hvordan du kan hjelpe "
                "det å hente seg inn når det er svekket."
            ),
        },
    },
    {
        "slug": "routines",
        "name": "Routines",
        "description": (
            "Simple, step-by-step ways to care for dry and sensitive skin with a few "
            "well-chosen products."
        ),
        "nb": {
            "slug": "rutiner",
            "name": "Rutiner",
            "description": (
                "Enkle rutiner, steg for steg, for tørr og sensitiv hud, med noen få "
                "godt valgte produkter."
            ),
        },
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


GUIDE_BODY_NB = """
Har du fått isotretinoin mot alvorlig akne, bruker du et legemiddel som få andre
behandlinger kan måle seg med. Det virker ikke bare på én årsak til kviser, men på
flere samtidig: Det demper talgproduksjonen, roer betennelse og endrer måten nye
hudceller dannes og støtes av fra overflaten på.

Det er nettopp denne brede virkningen som gjør resultatene mulige. Det er også grunnen
til at huden din kanskje føles så fremmed akkurat nå. De samme endringene som får bukt
med aknen, kan gjøre huden tørr, stram, lett irritert og rask til å bli rød, og slik
kan det fortsette en god stund etter siste dose.

I denne guiden forklarer vi hva som skjer under overflaten, hva som pleier å gjøre
huden mer behagelig, og hva du gjerne kan la stå på hyllen en stund. Så lenge du er
under behandling, kommer rådene fra legen som skrev ut medisinen, alltid først.

## Hva isotretinoin gjør med huden din

Isotretinoin virker på tre deler av huden på én gang: talgkjertlene, måten det
ytterste hudlaget fornyer seg på, og det store fellesskapet av mikrober som lever på
overflaten. I tillegg endrer det hvordan hudens immunforsvar reagerer. Hver av disse
virkningene er med på å forklare hvorfor aknen blir bedre, og hver av dem forklarer en
del av tørrheten og følsomheten du kanskje kjenner på.

### Mye mindre talg

Under behandlingen skrur talgkjertlene produksjonen kraftig ned. Med mindre talg
tetter porene seg sjeldnere, og det er gode nyheter for den som sliter med akne.

Det er lett å tenke på talg som bare overflødig fett. Men talgen inneholder lipider
som huden lager selv, og disse lipidene har viktige oppgaver:

- de hjelper huden med å holde på fuktigheten
- de er en del av skjoldet som beskytter mot irritasjon
- de bidrar til en balansert hudflora, blant annet ved å gi næring til hudvennlige
  bakterier

Når det meste av denne tilførselen forsvinner, mister huden et beskyttende lag den
vanligvis tar for gitt. Det forklarer langt på vei hvorfor stramhet og flassing er så
vanlig.

### Endret cellefornyelse

Det ytre hudlaget er bygd opp av celler som kalles keratinocytter. De modnes på vei
opp mot overflaten og støtes så av. Isotretinoin endrer denne syklusen, slik at porene
ikke tettes like lett.

Baksiden av medaljen er at det øverste hudlaget, overhuden eller epidermis, tåler
mindre. Du merker kanskje at den reagerer lettere på:

- sollys
- kulde og vind
- gnidning og friksjon
- parfyme og enkelte konserveringsmidler

Huden kan også trenge lengre tid på å hente seg inn etter belastninger av alle slag,
enten det er et brått værskifte eller et produkt den ikke tåler.

### En mindre mangfoldig hudflora

På huden din lever et stort fellesskap av bakterier, ofte kalt hudens mikrobiom.
Forskning har vist at artsmangfoldet der krymper under behandling med isotretinoin.
Noe av forklaringen er enkel: Flere av bakteriene som er gode for huden, lever av
talg, og når det blir mye mindre av den, får de det vanskeligere.

Dette tapet av mangfold har betydning. Hud med færre typer bakterier blusser gjerne
opp av mindre og trenger lengre tid på å roe seg etterpå. Det kan også være grunnen
til at så mange opplever at huden forblir ømfintlig lenge etter siste dose.

## Under og etter behandlingen

Huden endrer seg som regel underveis. Slik ser de to fasene grovt sett ut.

### Mens du er under behandling

- Tørrhet og en stram følelse er svært vanlig.
- Mange får også rødhet og merker at huden blusser opp raskt.
- Regn med at barrieren er svakere enn normalt, for det er den nesten alltid.

### Etter siste dose

- Tørr hud henger ofte ved i flere måneder.
- Det tar tid å bygge opp barrieren igjen.
- Bakteriefloraen holder fortsatt på å finne en ny balanse.
- Aknen er ofte mye bedre, men den kan blusse opp igjen.

Med andre ord er ikke huden ferdig med å hente seg inn selv om kuren er over. Den
fortsetter å tilpasse seg i månedsvis, og måten du pleier den på i denne tiden, har
mye å si.

## Hva som hjelper, og hvorfor

Medisinen tar seg av grovarbeidet mot aknen. Hudpleien har en annen jobb: å gjøre det
lettere for huden å reparere seg selv. Fire grupper av ingredienser er særlig nyttige.

### Barrierelipider

Ceramider, fosfolipider og skvalan hører til samme familie av fettstoffer som huden
bruker for å holde det ytterste laget sammen. Når du smører dem på huden, hjelper de
med å forsterke barrieren og bremse vanntapet gjennom overflaten. Slik erstatter de
noe av det talgen tidligere sørget for.

### Fuktbindere

Glyserin, ektoin og urea trekker til seg vann og holder på det. De gir huden bedre
fuktbalanse og hjelper den med å stå imot påkjenninger utenfra, som kald luft og vind.

### Mineraler

Kalsium, sink og mangan spiller en rolle i hvordan hudcellene kommuniserer med
hverandre, og i hudens egen reparasjon. Når du tilfører dem, støtter du prosesser som
allerede er i gang.

### Probiotika

Levende bakterier og andre probiotiske ingredienser hjelper hudens bakteriesamfunn med
å komme på fote igjen. Et sunnere bakteriesamfunn støtter i sin tur opp om barrieren
og gjør at huden tåler mer. Det betyr mest etter en lang periode med forstyrrelser,
som flere måneder med isotretinoin.

## Dette bør du unngå de første månedene

Rett etter behandlingen er huden gjerne på sitt mest sårbare, og slik kan det være i
flere måneder. Dette er lurt å legge bort en stund:

- syrer og andre eksfolierende produkter
- retinol og retinal
- eksfoliering hver dag
- alt som inneholder alkohol, parfyme eller andre irriterende ingredienser

Det er fristende å ta i bruk flere aktive produkter på én gang i håp om å få fart på
ting. Som oftest gir det bare huden enda mer å stri med. Hud som skal hente seg inn,
har som regel best av en nedskalert rutine med to enkle mål: at den tåles godt, og at
den hjelper huden å reparere seg.

Er du fortsatt under behandling, bør du snakke med legen som skrev ut medisinen, før
du tar i bruk noe nytt.

## En enkel rutine

Mange av dem som skriver til oss etter isotretinoin, har allerede prøvd seg gjennom en
lang rekke produkter, og likevel føles ikke huden som deres egen. Gang på gang
forteller de at vendepunktet kom da de sluttet å prøve å behandle huden og begynte å
hjelpe den med å bygge seg opp igjen.

Den tanken ligger bak rutinen nedenfor. Den har fire steg, de samme morgen og kveld,
og hvert steg har én oppgave.

### Morgen og kveld

- **Rens** med en rensemelk som lar hudens egne lipider være i fred.
- **Støtt hudfloraen** med noen dråper probiotisk konsentrat.
- **Bygg opp** med en krem rik på ceramider.
- **Beskytt** med en beroligende mineralkrem som siste lag.

Om morgenen avslutter du med solkrem, siden hud som henter seg inn, reagerer lettere
på sollys. Hold deg til den samme rutinen: Hud som holder på å finne balansen, har som
regel mer glede av stabilitet enn av hyppige endringer.

### Produktene i rutinen

Vi utvikler formlene våre med hudens biologi i tankene, så hvert produkt tar vare på
barrieren, bakteriefloraen eller begge deler. Alle fire er kosmetiske produkter og
ingen erstatning for medisinsk behandling. Det de gir, er støtte mens huden finner
tilbake til balansen. Av de fire er det Intense Emulsion og Probiotic Concentrate
kundene våre nevner oftest. De forteller at huden blir roligere, bedre fuktet og mer
stabil.

Begynn med en rens som ikke vasker bort hudens egne fettstoffer. Gentle Cleansing Milk
fjerner smuss og sminke uten tensider, uten parfyme og uten noe som tørker ut huden.

[[product:gentle-cleansing-milk]]

Deretter kommer Probiotic Concentrate. Hver flaske inneholder over 100 milliarder
levende melkesyrebakterier, som skal gi hudfloraen større mangfold og barrieren mer
styrke, samtidig som hudoverflaten blir jevnere og glattere.

[[product:probiotic-concentrate]]

Intense Emulsion tilfører huden ceramider og lysolecitin. Sammen hjelper de med å
gjenopprette barrieren, slik at mindre vann slipper ut gjennom den.

[[product:intense-emulsion]]

Mineral Barrier Cream legges på til slutt, som et beskyttende lag. Den kombinerer
mineraler og hudlipider med ektoin for å roe huden, holde den fuktig og skjerme den
mot hverdagens påkjenninger.

[[product:mineral-barrier-cream]]

Du kan kjøpe alle fire samlet som vår mikrobiomstyrkende rutine. Settet koster
1.467,95 NOK, mot 1.696,00 NOK når du kjøper de fire produktene hver for seg.

[[routine:microbiome-strengthening-routine]]

## Hva hudpleie kan og ikke kan gjøre

Det er lurt å vite hva du kan forvente. Ingen krem kan gjøre det isotretinoin gjør, og
ingen rutine kan garantere at aknen holder seg borte.

God hudpleie kan derimot:

- gjøre huden mer behagelig og bedre fuktet
- dempe tørrhet og roe hud som lett blusser opp
- gi barrieren og hudfloraen det de trenger for å hente seg inn
- hjelpe huden på vei gjennom den lange perioden etter behandlingen

Huden slutter ikke å hente seg inn den dagen du tar siste dose. I månedene etterpå bør
målet være å bygge huden opp i stedet for å slite den ned, og å gi den det den trenger
for å finne balansen igjen.

Mens du er under behandling, følger du rådene fra legen som skrev ut medisinen, og
spør før du tar i bruk nye produkter. Har du omfattende hudproblemer, eller er det noe
ved huden din som bekymrer deg, bør du kontakte en hudlege.
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


BARRIER_BODY_NB = """
Når hudbarrieren er svekket, er det naturlig å lete etter noe nytt som kan ordne opp.
Men en full baderomshylle er ofte en del av problemet. Hud som allerede sliter, må
takle hvert eneste produkt du smører på den, så færre og mildere steg gir den som
regel bedre rom til å hente seg inn.

Denne artikkelen bygger på guiden vår om huden under og etter isotretinoin, men de
samme prinsippene gjelder når huden din kjennes tørr, stram og rask til å reagere.

## Tegn på at barrieren trenger en pause

En svekket barriere viser seg gjerne på noen velkjente måter:

- tørrhet og en stram følelse som stadig kommer tilbake
- rødhet og hud som lett reagerer
- reaksjoner på parfyme eller enkelte konserveringsmidler
- at huden bruker lang tid på å hente seg inn etter kulde, vind eller friksjon

## Derfor fungerer færre produkter bedre

Hvert nytt produkt kommer med nye ingredienser som huden må tåle. Når barrieren er
intakt, er det sjelden noe problem. Når den er svekket, blir hvert nytt produkt enda
en mulig kilde til irritasjon, og flere aktive produkter lagt oppå hverandre krever
mer av huden enn den har å gi.

En kort rutine gjør det også lettere å se hva huden prøver å fortelle deg. Hvis noe
ikke passer den, vet du hvor du skal lete.

## Dette bør du se etter

Velg noen få produkter som gjør én jobb hver, og gjør den godt. De nyttigste
ingrediensene kan deles inn i noen få grupper:

- **Barrierelipider.** Ceramider, fosfolipider og skvalan forsterker hudens
  beskyttende lag, slik at mindre vann slipper ut.
- **Fuktbindere.** Glyserin, ektoin og urea trekker til seg vann og holder det i de
  øvre hudlagene, slik at huden holder seg fuktet og takler kulde og vind bedre.
- **Mineraler.** Kalsium, sink og mangan er med i signalene hudcellene sender til
  hverandre, og i hudens egen reparasjon.
- **Probiotika.** De hjelper hudens bakteriesamfunn, som i sin tur støtter opp om
  barrieren og gjør at huden tåler mer.

## Dette kan du vente med

Mens huden bygger seg opp igjen, er det lurt å ta en pause fra alt som fjerner eller
irriterer i stedet for å bygge opp:

- eksfolierende syrer og andre peelingprodukter
- retinoider som retinol og retinal
- all eksfoliering som daglig vane
- alt med alkohol, parfyme eller andre irriterende ingredienser

## En grunnrutine i to steg

Vil du gjøre det så enkelt som mulig, kan to kremer ta seg av gjenoppbyggingen etter
en mild rens.

Intense Emulsion kombinerer ceramider med lysolecitin for å gjenopprette barrieren og
hindre at vann slipper ut. Bruk den morgen og kveld på ren hud.

[[product:intense-emulsion]]

Mineral Barrier Cream legges på til slutt, som det ytterste laget, med mineraler,
hudlipider og ektoin som roer, fukter og beskytter huden.

[[product:mineral-barrier-cream]]

Om morgenen legger du på solkrem etter kremen. Har hudfloraen vært i ubalanse lenge,
for eksempel etter isotretinoin, er et probiotisk konsentrat under kremene et naturlig
tredje steg. I isotretinoinguiden vår går vi gjennom hele rutinen med fire steg.

## Gi huden tid

En barriere bygges ikke opp over natten. Hold deg til de samme få produktene, vær
varsom, og gi huden det den trenger for å reparere seg, i stedet for å ta enda mer fra
den.

Hudpleie kan gjøre huden mer behagelig og støtte den mens den henter seg inn, men den
erstatter ikke medisinsk behandling. Er du under behandling, følger du rådene fra
legen som skrev ut medisinen. Har du omfattende hudproblemer, eller er du bekymret for
huden din, bør du kontakte en hudlege.
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
        "nb": {
            "slug": "huden-under-og-etter-isotretinoin",
            "title": (
                "Huden under og etter isotretinoin: slik hjelper du den å hente seg inn"
            ),
            "summary": (
                "Isotretinoin kan få bukt med alvorlig akne, men gjør ofte huden tørr, "
                "stram og rask til å reagere. Her får du vite hva som endrer seg i "
                "huden, og hvordan en rolig og enkel rutine kan hjelpe den å hente seg "
                "inn."
            ),
            "meta_title": "Hudpleie under og etter isotretinoin: en guide",
            "meta_description": (
                "Hvorfor isotretinoin gjør huden tørr og sensitiv, hva som hjelper "
                "barrieren og hudfloraen å hente seg inn, og en mild rutine under og "
                "etter behandlingen."
            ),
            "hero_alt": (
                "Myke, overlappende sirkler i blek salviegrønn på en varm, sandfarget "
                "bakgrunn"
            ),
            "body": GUIDE_BODY_NB,
        },
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
        "nb": {
            "slug": "bygg-opp-en-svekket-hudbarriere",
            "title": "Slik bygger du opp en svekket hudbarriere med færre produkter",
            "summary": (
                "Når huden kjennes tørr, stram og reaktiv, hjelper det sjelden å legge "
                "til flere produkter. Noen få milde, godt valgte steg gir barrieren "
                "rom til å hente seg inn."
            ),
            "meta_title": "Bygg opp en svekket hudbarriere med færre produkter",
            "meta_description": (
                "Slik hjelper en kort og mild rutine en svekket hudbarriere å hente "
                "seg inn: ingrediensene du bør se etter, og produktene du kan ta en "
                "pause fra."
            ),
            "hero_alt": (
                "Bleke, leirfargede sirkler som overlapper hverandre på en myk, "
                "tåkeblå bakgrunn"
            ),
            "body": BARRIER_BODY_NB,
        },
    },
]
