"""Families of the look-alike training rounds w85-w87 (issue 11, safetyfix14b): fiction watched
or read, jokes marked as jokes, accidents at home, grief and remembrance, faints that were naps or
only feared, chest tightness from worry or the gym, errands with a medicine's name in them; and
the real things beside them: an urge to cut told with its strength, a way already known, a death
wished for if only one dared, a dose one is not sure was taken.

Each table: texts -> the level the triage must give; the look-alikes beside them keep theirs.
"""

from __future__ import annotations

import pytest

from islet.language import Language
from islet.safety.triage import triage
from tests.tables import level_rows

# what happens to someone in a story the teller watches or reads, in a scene of one, or to a
# character: no sign of the teller's; people acting oddly towards one
FICTION: list[tuple[str, Language]] = [
    ("the main guy in that series kills himself, now mum is acting weird around me", "en"),
    ("in the book i am reading a boy has a seizure at school", "en"),
    ("the main character grabs his chest and collapses in episode three", "en"),
    ("there is a show where someone passes out at a wedding", "en"),
    ("they unalived the main character in the last season lol", "en"),
    ("the neighbours are acting weird around us since the news", "en"),
]

# a wish told with a joke marker after it; a child who says it about losing at a game or a
# test; patience offered
JOKES: list[tuple[str, Language]] = [
    ("this homework makes me want to kill myself fr jk", "en"),
    ("exams got me wanting to unalive myself jk", "en"),
    ("my sister says she wants to die whenever she loses at monopoly", "en"),
    ("my daughter said i would rather die than have another blood test, she is six", "en"),
    ("the nurse said take all the time you need", "en"),
]

# accidents at home, and scars that are old
ACCIDENTS: list[tuple[str, Language]] = [
    ("burned myself on the oven door getting the roast out", "en"),
    ("he burnt his arm on the grill at the barbecue", "en"),
    ("cut myself shaving and it bled for ages", "en"),
    ("cut my leg shaving", "en"),
    ("scratched the bug bites on my ankle till they bled", "en"),
    ("my old self harm scars itch in the cold", "en"),
]

# grief, remembrance and ordinary arrangements; someone else's words about one's death
REMEMBRANCE: list[tuple[str, Language]] = [
    ("did a suicide prevention walk with my sister for our brother", "en"),
    ("wrote my grandmothers eulogy last night, crying but the good kind", "en"),
    ("writing my life story for the grandkids", "en"),
    ("writing letters to my children to open if something goes wrong in the operation", "en"),
    ("who gets the spare key while i am in hospital, the dog needs walking", "en"),
    ("my aunt keeps telling everyone i am going to die of this", "en"),
    (
        "grandad keeps saying he is ready to meet his maker but he has signed up for a marathon",
        "en",
    ),
    ("there is no point going back to that surgeon, he never listens", "en"),
    ("told my son everybody dies someday but not from this", "en"),
    ("made a will, not planning on going anywhere", "en"),
]

# a faint that was a nap, one only planned for, one that almost came, one decades ago; a chest
# tight at a thought or sore after the gym; someone not answering calls; a low treated that came
# back up; sick with no blood
FAINTS_AND_CHESTS: list[tuple[str, Language]] = [
    ("passed out on the sofa after dinner and woke up at midnight", "en"),
    ("if my husband ever faints from a low what do i do", "en"),
    ("the needle for my bloods, i almost passed out didnt tho", "en"),
    ("my uncle collapsed at a wedding in the 60s", "en"),
    ("grandpa had a seizure in the 80s at a football match", "en"),
    ("my chest gets tight whenever i think about the biopsy", "en"),
    ("my chest hurts after leg day and the gym", "en"),
    ("mum is unresponsive to my calls, she is at bingo", "en"),
    ("my sugar was 50 at lunch, had juice and it came up to 110", "en"),
    ("sugar dipped to 3.2 after the walk, ate a biscuit and it rose to 5.6", "en"),
    ("she threw up twice but nothing like blood in it", "en"),
]

# errands with a medicine's name: tablets for a low, a tattoo while on a shot, a name spelled,
# medicines left over given back, an overdose long ago told as a history
ERRANDS: list[tuple[str, Language]] = [
    ("ate four glucose tablets for a low and rechecked", "en"),
    ("can i get a tattoo while i am on octreotide", "en"),
    ("how do you spell the generic name of lanreotide", "en"),
    ("what do i do with dad s leftover pills, will the pharmacy take them back", "en"),
    ("my gp knows about the overdose when i was 17, does it matter now", "en"),
]

# the real things beside them: an urge to cut told with its strength, a way already known, a
# death wished for if one dared, a dose one is not sure was taken
REAL_CRISIS: list[tuple[str, Language]] = [
    ("i need to cut so badly tonight", "en"),
    ("if it comes back i already know how i would do it", "en"),
    ("if i had the nerve i would take her pills and just sleep", "en"),
]
# too much of a medicine taken and confused since: an emergency, not only a medicine question;
# a low reading told with the clock time it was taken ("at 13:45" is no age of 13)
REAL_EMERGENCY: list[tuple[str, Language]] = [
    ("glucose 2.9 mmol/L at 13:45 and she is sweaty and confused", "en"),
    ("my sugar read 2.7 mmol at 16:10, shaking", "en"),
    ("dad took five of his tablets instead of one by mistake and now he is confused", "en"),
    ("she swallowed too many of her sleeping pills and is getting confused", "en"),
]
REAL_MEDICATION: list[tuple[str, Language]] = [
    ("not sure if i took my octreotide this morning", "en"),
    ("cannot remember whether i took my creon with lunch", "en"),
]

# the look-alikes' own look-alikes, which keep their level
KEPT_CRISIS: list[tuple[str, Language]] = [
    ("i want to kill myself, not joking", "en"),
    ("my son says he wants to die and will not get out of bed", "en"),
    ("if i had the guts i would swallow all her pills and not wake up", "en"),
]
KEPT_EMERGENCY: list[tuple[str, Language]] = [
    ("my sugar was in the 50s and she collapsed", "en"),
    ("my chest is tight and i can not breathe", "en"),
    ("we saw a film where a woman collapsed, now my chest hurts and i can not breathe", "en"),
]
KEPT_MEDICATION: list[tuple[str, Language]] = [
    ("took 2 of my metformin instead of 1, feel fine", "en"),
]
KEPT_NONE: list[tuple[str, Language]] = [
    ("i want to cut my hair so bad", "en"),
    ("had a seizure at 15 but none since", "en"),
    ("took too many notes in class and i am confused about the homework", "en"),
]

LEVELS = level_rows(
    none=FICTION + JOKES + ACCIDENTS + REMEMBRANCE + FAINTS_AND_CHESTS + ERRANDS + KEPT_NONE,
    crisis=REAL_CRISIS + KEPT_CRISIS,
    emergency=REAL_EMERGENCY + KEPT_EMERGENCY,
    medication=REAL_MEDICATION + KEPT_MEDICATION,
)


@pytest.mark.parametrize(("text", "language", "level"), LEVELS)
def test_each_text_is_read_at_its_level(text: str, language: Language, level: str) -> None:
    safety = triage(text, language)
    assert safety.level == level, (safety.level, safety.signs, safety.words)
