"""Safety triage (issue 11): intent told indirectly, medicine swallowed with intent, medicine
changes in everyday words, and the look-alikes that must raise nothing. Our own wording."""

from __future__ import annotations

import pytest

from islet.safety import triage
from islet.safety.triage import for_the_word_model


@pytest.mark.parametrize(
    "text",
    [
        # a means at hand, with hopelessness, an intent held back, or a gaze that keeps going back
        "the shotgun is in the barn. no point carrying on",
        "sitting here with a blade in my hand, have not done anything yet",
        "cannot stop staring at the kitchen knives tonight",
        # medicines put by for a time of one's own choosing
        "he has been saving his morphine in a tin for when he decides",
        "counted out forty of my tablets into a jar. I have not taken any yet.",
        # farewells, affairs put straight, things given away
        "sold my motorbike, got my affairs sorted, loose ends tied up",
        "this is my final message, take care of the cat",
        "Goodbye and thanks for everything. I will not be writing again.",
        "nobody would notice for days if I was gone",
        "Not planning to see another summer.",
        "when he dies I will not be staying, my mind is made up",
        "I have picked out the cliff already",
        "I will not be a burden on anyone much longer",
        # done, and meaning it; a wish to die in words of faith; the words of a game
        "I am finished. I really mean it.",
        "every night I beg God to take me home",
        "some days I think about helping God along",
        "I pray the Lord would hurry and come for me",
        "honestly would not even respawn if I could",
        "logging off for good after tonight",
        "I do not want to keep going on living like this",
        # a dose worked out to be enough
        "I have worked out that 25 of my sleeping tablets with gin would be enough",
        "I know what amount of her morphine would be enough for me",
        "what is the lethal dose of diazoxide",
        # an overdose planned, or done on purpose (an independent review)
        "honestly thinking of overdosing this weekend",
        "my sister overdosed deliberately last night, what should we do",
    ],
)
def test_intent_told_indirectly_is_a_crisis(text: str) -> None:
    assert triage(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        # faith alone, a thing done and meant, a blade for cooking, glucose kept at hand
        "when the good Lord calls me home I will be ready, I am at peace",
        "I am done with chemo after this cycle, I mean it",
        "I keep glucose tablets in my handbag just in case",
        "the knife slipped while I was chopping carrots, small cut on my hand",
        "logging off now, back tomorrow",
        "I am going on holiday. Goodbye for now, I will not be writing again until May",
        "could he overdose by mistake if the pharmacy doubles the pack?",
    ],
)
def test_the_same_words_without_intent_raise_no_crisis(text: str) -> None:
    assert triage(text).level != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "the nurse worked out that one tablet should be enough to last the night",
        "we calculated the dose would be sufficient for the fast",
    ],
)
def test_a_dose_worked_out_for_treatment_is_no_crisis_to_the_patterns(text: str) -> None:
    # the patterns alone: the word model's share is measured on the blind probes
    assert for_the_word_model(text, "en")[0] != "crisis"


# told with no time, a swallow with intent leads with the crisis, the emergency beside it; told as
# a short while ago ("an hour ago": safetyfix15d, a behavioural review, issue 11) it leads with
# the emergency, the crisis beside it. Both give 911, 988 and Poison Control.
@pytest.mark.parametrize(
    ("text", "first", "beside"),
    [
        ("swallowed the whole box of my sleeping tablets. sorry everyone", "crisis", "emergency"),
        ("took like 30 of the pills the hospital gave me, bye", "crisis", "emergency"),
        ("took all of my night medicines on purpose, I am so tired of this", "crisis", "emergency"),
        ("I took a big bunch of my pain pills, do not care any more", "crisis", "emergency"),
        (
            "swallowed every one of my oxycodone tablets so that I won't wake up",
            "crisis",
            "emergency",
        ),
        (
            "swallowed all my pain pills an hour ago, please do not call my wife",
            "emergency",
            "crisis",
        ),
        ("i took 20 of my pain pills an hour ago, idk why", "emergency", "crisis"),
    ],
)
def test_medicine_swallowed_with_intent_gives_crisis_emergency_and_poison_help(
    text: str, first: str, beside: str
) -> None:
    safety = triage(text)
    assert safety.level == first
    assert beside in safety.also and "medication" in safety.also
    assert {"988", "911", "1-800-222-1222"} <= {c.number for c in safety.contacts}
    assert "Poison Control" in safety.message and "988" in safety.message


@pytest.mark.parametrize(
    "text",
    [
        # a double dose by mistake stays a medicine question: never a crisis
        "the day nurse gave her the morning tablets and then my sister gave them all again",
        "so she has had two doses of everything today, what should we do",
        "I gave dad his octreotide and then he took it again not knowing",
        "took my evening pills, then forgot and took them again 15 minutes later",
        "had maybe three times the usual amount of my diazoxide today",
    ],
)
def test_an_accidental_double_dose_is_a_medicine_question(text: str) -> None:
    safety = triage(text)
    assert safety.level == "medication"
    assert "1-800-222-1222" in [c.number for c in safety.contacts]


@pytest.mark.parametrize(
    "text",
    [
        "thinking of going rogue on the lanreotide, the cramps are awful",
        "can I cut the 20 in half so the box lasts longer",
        "can I make the pills last till payday by taking one every other day",
        "I let my monthly octreotide shot slide this time",
        "stopped my sertraline last week, can I pick back up at my usual 50",
        "I stopped giving him the little yellow ones, the tablets made him dizzy",
        "the surgeon prescribed everolimus, may I start it tonight?",
    ],
)
def test_a_medicine_change_in_everyday_words_is_a_medicine_question(text: str) -> None:
    assert triage(text).level == "medication"


@pytest.mark.parametrize(
    "text",
    [
        # a list of signs denied as a whole, however long
        "I have not had any shortness of breath or tightness in my chest at all",
        # a figure, taken back as one
        "I nearly passed out laughing at the nurse's joke, not literally of course",
        "my boss is giving me a heart attack with all these emails",
        # a past sign that has not come back since
        "had a seizure from a low back in 18, before they found the tumour. Nothing since.",
        "Fainted twice in 2020. Before the surgery. It does not happen now.",
        "I have had zero seizures since the operation in 2021",
        "he had a seizure in march but he has been seizure free since the surgery",
        # fainting at needles
        "I faint when they take blood, it happens every time with needles",
        # a general question stays a question, even told with doubt
        "not sure if anyone can pass out from a low like that?",
    ],
)
def test_look_alikes_raise_no_emergency(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        # today's sign with "nothing since" is still now; a list's sign not denied still counts
        "he had a seizure this morning, nothing since",
        # a sign of these last days is recent too, whatever past sign "nothing since" closes (an
        # independent review)
        "my wife passed out on tuesday. she had a clot back in 2018, nothing since",
        "throwing up blood for the past two days, had a bleeding ulcer years ago but none since",
        "se desmayó ayer en la cocina, tuvo un coágulo en 2020 y nada desde entonces",
        # a report told with doubt about what happened is no question (an independent review)
        "im not sure if my husband blacked out or just fell asleep at the table",
        "i do not know if she had a fit, she is shaking all over",
        "no fever or chills, but crushing chest pain now",
        # someone down and not answering, in two parts
        "my brother fell out in the yard and is not answering me",
        "mum is on the kitchen floor and will not wake up",
        # a fit named in clinical words
        "she just had a grand mal seizure in the shower",
    ],
)
def test_signs_of_now_still_raise_an_emergency(text: str) -> None:
    assert triage(text).level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # a blade held or pressed to one's own body; the pull to cut; marks bitten until they bruise
        "been holding a razor against my wrist most nights",
        "I ran the knife along my forearm tonight, not deep",
        "the urge to cut is back and it is loud",
        "fighting the self harm urges again",
        "I bite my own hand until it bruises when the panic comes",
        # ending told in the words of work, a shift, a bug report or a way out
        "think I am ready to clock out for good",
        "tapping out permanently, tired of all of it",
        "my will to live is missing and I cannot find it",
        "this feels like the only exit I have left",
        # how much would be enough to die, asked or reckoned
        "how many of my sleeping tablets would it take to stop my heart",
        "what is a fatal dose of insulin for someone my size",
        "I keep reckoning how many of the morphine would finish me",
        # a means looked at again and again, or pills set out and stared at
        "the rifle is in the cupboard and I take it down and look at it every night",
        "counted out all my oxycodone on the table and stared at the pile for an hour",
        # at the rail of a bridge, farewells in plans and things handed on
        "I keep going up to the bridge at night and standing at the railing",
        "not figuring on being here come winter",
        "giving my tools to my son so he will not have to sort through my shed later. remember me",
        # a caregiver's report in Jamaican speech
        "granny seh she nuh waan live no more",
    ],
)
def test_ending_told_in_other_words_is_a_crisis(text: str) -> None:
    assert triage(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "how many units would it take to bring my sugar down",
        "I want to cut back on sugar, any urge to cut carbs is hard",
        "clocked out at six after a long shift, so tired",
        "take the last exit off the motorway for the hospital",
        "walked over the bridge and stood at the rail to watch the boats",
        "we stood by the rail on the ferry to the clinic",
        "counted out my pills for the week and looked at them for a long time to check the colours",
        "I pressed the knife into the bread and cut my finger a little",
        "sorted the loft so my wife will not have to go through it later",
    ],
)
def test_the_words_of_ending_in_ordinary_use_raise_no_crisis(text: str) -> None:
    assert triage(text).level != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "took the whole pack of my sleeping pills just to see what would happen",
        "took a handful of my tablets tonight. i just want someone to know",
        "took all of my evening pills with whisky. i do not even know why",
    ],
)
def test_medicine_swallowed_and_told_as_meant_is_a_crisis(text: str) -> None:
    safety = triage(text)
    assert safety.level == "crisis"
    assert "emergency" in safety.also


@pytest.mark.parametrize(
    "text",
    [
        # gone down anywhere, and no answer
        "my uncle just went down in the van and will not answer me at all",
        # breath that cannot hardly be caught; blood coughed up, spelled as it sounds
        "i can not hardly catch my breath and it started all of a sudden",
        "been coffin up red blood this morning",
    ],
)
def test_signs_of_now_in_looser_words_raise_an_emergency(text: str) -> None:
    assert triage(text).level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "he fell asleep in the chair and will not answer me, the telly is loud",
        "my son went down to the shop and will not answer his phone",
        "the wifi went down at home and my gp will not answer the phone",
        "my sugar dropped last night and the clinic will not answer",
    ],
)
def test_no_answer_without_anyone_down_is_no_emergency(text: str) -> None:
    assert triage(text).level != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # a noise one cannot go on with; a goodbye to a carer who is leaving; sleep "forever"
        # after a long shift
        "I can not go on like this with the builders drilling next door every morning",
        "we made a leaving card for my dad's nurse, she is moving to a new ward",
        "said farewell to our oncologist today, he is retiring",
        "after that double shift I could sleep for a week",
    ],
)
def test_figures_of_speech_raise_nothing_to_the_patterns(text: str) -> None:
    assert for_the_word_model(text, "en")[0] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I can not go on like this",
        "wrote goodbye letters to my kids and my nurse, it is time",
        "I could sleep forever and never wake up",
    ],
)
def test_the_same_words_alone_still_raise_a_crisis(text: str) -> None:
    assert triage(text).level == "crisis"
