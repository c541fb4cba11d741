"""Spanish families from the look-alike training rounds es-w46 and es-w47 (issues 11 and 17,
safetyfix14c): a past attempt told as over, figures of speech about prices, joy, counters and
small ordeals, arrangements for a trip or one's age, chores one can do no more of, stories and
screens, gums, chest tight from nerves, a low treated and back, a measure that is not sugar,
medicines kept as the doctor said or asked about in general; and the real things beside them:
self-harm back, a blade kept just in case, pills saved up, one's own hand before the illness, a
low sugar does not raise, someone else's insulin, a medicine stopped by choice or before surgery,
someone else's pills.

Each table: texts -> the level the triage must give; the look-alikes beside them keep theirs.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# an attempt or an overdose long ago, told as over, asked about for a form or a visit
PAST_TOLD_AS_OVER: list[tuple[str, Language]] = [
    (
        "hace unos diez años me tomé un montón de pastillas, ya lo superé. ¿eso va en la ficha?",
        "es",
    ),
    (
        "de joven me tomé un montón de pastillas, eso ya pasó y estoy bien. ¿lo tengo que contar?",
        "es",
    ),
    ("a los 19 intenté matarme, eso ya pasó, ahora estoy casado y feliz", "es"),
]

# hyperbole: a jump over a blood test, killing someone behind a counter, a heart attack or
# breath lost at a price, fainting from joy, dying as the price of a habit a doctor warned of
HYPERBOLE: list[tuple[str, Language]] = [
    ("si me vuelven a pinchar el brazo me tiro por el balcón jaja", "es"),
    ("lo voy a matar al del mostrador, otra vez sin el octreotide", "es"),
    ("te juro que voy a matar al del seguro, otra vez me rechazó la receta", "es"),
    ("la cuenta de la farmacia me da un infarto jaja", "es"),
    ("me falta el aire de ver la factura del hospital", "es"),
    ("casi me desmayo de la emoción cuando nació mi nieta", "es"),
    ("mi médico dice que si no dejo el cigarro me mato solo", "es"),
]

# things left with someone for a trip; papers in order as one does at one's age; chores
ARRANGEMENTS: list[tuple[str, Language]] = [
    ("ya le di mis plantas a mi vecina porque no va a haber nadie en la casa un mes", "es"),
    ("le dejé dicho a mi hijo dónde están las escrituras, como hace uno a mi edad", "es"),
    ("ya no puedo más con la ropa y los platos, necesito un descanso", "es"),
]

# a sign in a story told of long ago, or on a screen
STORIES: list[tuple[str, Language]] = [
    ("mi abuela contaba que se desmayaba en la cosecha por el sol", "es"),
    ("mi hermano vio una serie donde el protagonista se desmaya por el calor jaja", "es"),
]

# gums that bleed on brushing; chest tight with nerves that passes; a low treated and back up;
# a low number of another measure
ORDINARY_SIGNS: list[tuple[str, Language]] = [
    ("me sale un poco de sangre al escupir de las encías cuando uso hilo dental", "es"),
    ("se me aprieta el pecho cuando estoy con ansiedad pero respiro y se me pasa", "es"),
    ("ayer le dio 50 a mi hijo, le di jugo y a los 15 minutos ya estaba en 88", "es"),
    ("el martes le dio 50 a mi mamá pero tomó azúcar, ahora está bien", "es"),
    ("¿el sodio bajo es peligroso? a mi papá le salió 3.1 en los análisis", "es"),
]

# medicines kept as the doctor said, or asked about in general
MEDICINE_AS_TOLD: list[tuple[str, Language]] = [
    ("me pongo la insulina cada noche a la misma hora como me indicó el doctor", "es"),
    ("el cardiólogo me dijo que siga igual con la misma dosis, ¿es buena señal?", "es"),
    (
        "¿cuánto tiempo se toma el lanreotide en general? mi doctora me lo dijo pero no me acuerdo",
        "es",
    ),
    ("¿cuántas pastillas trae el frasco de diazóxido? es para saber cuándo comprar", "es"),
    ("yo me tomo el omeprazol en ayunas como me dijo la doctora, nunca me olvido", "es"),
]

# the real things
CRISIS: list[tuple[str, Language]] = [
    ("llevaba un año sin lastimarme y ayer recaí", "es"),
    ("tengo una hoja de afeitar guardada en el cajón, por si acaso", "es"),
    ("voy a juntar los remedios del corazón y un día de estos me los tomo todos", "es"),
    ("no quiero morirme de esta enfermedad, prefiero hacerlo yo antes", "es"),
]
EMERGENCY: list[tuple[str, Language]] = [
    ("le di jugo a mi hija y no le sube, está temblando", "es"),
    ("me inyecté la insulina de mi mamá por error y estoy sudando", "es"),
]
MEDICATION: list[tuple[str, Language]] = [
    ("ya no me voy a tomar el pantoprazol, ya me siento bien", "es"),
    ("no me voy a poner más el lanreotide, me cansé", "es"),
    ("mi tía se toma las pastillas de dormir de mi abuela", "es"),
    ("¿cuántos días antes de la operación lo tengo que suspender? es el sintrom", "es"),
]

# the look-alikes of the look-alikes, which keep their level
KEPT_CRISIS: list[tuple[str, Language]] = [
    ("hace años intenté matarme y ahora otra vez tengo ganas", "es"),
]
KEPT_NONE: list[tuple[str, Language]] = [
    ("compré un cúter para las cajas de la mudanza, por si acaso", "es"),
]
KEPT_EMERGENCY: list[tuple[str, Language]] = [
    ("me falta el aire de subir la escalera y me duele el pecho", "es"),
    ("el azúcar me salió 2.9 mmol, el potasio está bien", "es"),
]

LEVELS = level_rows(
    none=PAST_TOLD_AS_OVER
    + HYPERBOLE
    + ARRANGEMENTS
    + STORIES
    + ORDINARY_SIGNS
    + MEDICINE_AS_TOLD
    + KEPT_NONE,
    crisis=CRISIS + KEPT_CRISIS,
    emergency=EMERGENCY + KEPT_EMERGENCY,
    medication=MEDICATION,
)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_each_text_is_read_at_its_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs, safety.words)
