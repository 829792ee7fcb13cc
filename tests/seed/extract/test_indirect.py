"""Indirect speech: "stressed that", "reiterated", "warned", "dismissed claims that",
"described X as", "accused X of", "called for", "urged X to", participles continuing a
statement, the cue after the content, parenthetical cues, joint statements."""

from __future__ import annotations

from tests.seed.extract.helpers import brief, extract


def test_that_clauses_and_pronoun_speakers() -> None:
    text = (
        "Finance Minister Rosa Almeida stressed that the budget would be balanced by 2027.\n"
        "She reiterated that no new taxes were planned.\n"
        "The central bank governor, Paulo Reis, warned that inflation could rise again.\n"
    )
    assert brief(text) == [
        ("Rosa Almeida", "indirect", "the budget would be balanced by 2027"),
        ("Rosa Almeida", "indirect", "no new taxes were planned"),
        ("Paulo Reis", "indirect", "inflation could rise again"),
    ]


def test_noun_phrase_contents() -> None:
    text = (
        "Central bank governor Paulo Reis spoke in Lisbon.\n"
        "Reis dismissed claims that the bank had lost its independence.\n"
        'He described the latest figures as "encouraging but fragile."\n'
        "The opposition accused the government of hiding the true deficit.\n"
        "Unions urged the government to raise the minimum wage.\n"
        "Reis called for a review of the banking rules.\n"
    )
    assert brief(text) == [
        ("Paulo Reis", "indirect", "the bank had lost its independence"),
        ("Paulo Reis", "mixed", 'the latest figures as "encouraging but fragile."'),
        ("opposition", "indirect", "the government of hiding the true deficit"),
        ("Unions", "indirect", "the government to raise the minimum wage"),
        ("Paulo Reis", "indirect", "a review of the banking rules"),
    ]


def test_participles_continue_the_statement() -> None:
    text = (
        "Shipping agents said several vessels had been diverted to other ports, adding that "
        "delays could last a week.\n"
    )
    assert brief(text) == [
        ("Shipping agents", "indirect", "several vessels had been diverted to other ports"),
        ("Shipping agents", "indirect", "delays could last a week"),
    ]


def test_cue_after_the_content() -> None:
    text = "The move breaks international law, Norway's foreign minister, Anne Berg, said.\n"
    assert brief(text) == [("Anne Berg", "indirect", "The move breaks international law")]


def test_parenthetical_cue_splits_the_content() -> None:
    text = "Wealthy countries, the envoy says, have paid less than half of what they pledged.\n"
    (record,) = extract(text)
    assert record["fragments"] == [
        "Wealthy countries",
        "have paid less than half of what they pledged",
    ]
    assert record["kind"] == "indirect"


def test_mixed_with_a_quotation_inside() -> None:
    text = "A port official said the situation was “very tense” on Sunday night.\n"
    assert brief(text) == [
        ("port official", "mixed", "the situation was “very tense” on Sunday night"),
    ]


def test_joint_statement() -> None:
    text = (
        "President Elena Varga and Prime Minister Karl Osten declared on Monday that the "
        "border would reopen within a week.\n"
    )
    (record,) = extract(text)
    assert record["speaker"] == "Elena Varga"
    assert record["co_speakers"] == ["Karl Osten"]
    assert record["text"] == "the border would reopen within a week"


def test_a_coordinated_description_is_one_group() -> None:
    text = "Local farmers and fishermen claimed that the dam had ruined the river.\n"
    assert brief(text) == [
        ("Local farmers and fishermen", "indirect", "the dam had ruined the river")
    ]


def test_reports_inside_reported_words_are_not_separate() -> None:
    text = "Mayor Ana Lindqvist said the engineers told her the bridge was safe.\n"
    assert brief(text) == [
        ("Ana Lindqvist", "indirect", "the engineers told her the bridge was safe")
    ]


def test_not_attributions() -> None:
    text = (
        "The company reported a loss of $3 million in the first quarter.\n"
        "Officials did not say how many soldiers were killed.\n"
        "It is unclear whether the talks will resume.\n"
        "The White House declined to comment.\n"
    )
    assert brief(text) == []


def test_objects_of_dismiss_and_reject_are_no_words() -> None:
    text = (
        "Interior Minister Paulo Dias spoke in Lisbon.\n"
        "The ministry dismissed the report.\n"
        "Dias rejected the proposal on Monday.\n"
        "Dias rejected suggestions that he would resign.\n"
        "He dismissed as nonsense claims that the vote was rigged.\n"
        "He denied allegations that he had misled parliament.\n"
    )
    assert brief(text) == [
        ("Paulo Dias", "indirect", "he would resign"),
        ("Paulo Dias", "indirect", "the vote was rigged"),
        ("Paulo Dias", "indirect", "he had misled parliament"),
    ]


def test_an_adjunct_before_the_cue_is_no_content() -> None:
    text = (
        "In an interview at her office on Thursday, the minister also responded to critics.\n"
        "The bill, she added, would pass unchanged.\n"
    )
    assert [r["fragments"] for r in extract(text)] == [["The bill", "would pass unchanged"]]


def test_misparsed_complements_of_cues() -> None:
    text = (
        "Water Minister Ravi Kumar spoke on Monday.\n"
        'He described Mr. Rao\'s remarks as "politically motivated" and said all releases '
        'were "being monitored by the board".\n'
        'Kumar said the government "respects the courts" but the case "will be pursued".\n'
        "Writing on X, Declan Farrow, the MP for Morecambe Bay, said the amendment would fail.\n"
        "Justice Hamid Karimi observed that the prosecution had failed to make its case.\n"
    )
    assert brief(text) == [
        ("Ravi Kumar", "mixed", 'Mr. Rao\'s remarks as "politically motivated"'),
        ("Ravi Kumar", "mixed", 'all releases were "being monitored by the board"'),
        (
            "Ravi Kumar",
            "mixed",
            'the government "respects the courts" but the case "will be pursued"',
        ),
        ("Declan Farrow", "indirect", "the amendment would fail"),
        ("Hamid Karimi", "indirect", "the prosecution had failed to make its case"),
    ]


def test_gerunds_and_appositions_inside_a_reported_clause() -> None:
    text = (
        "Deputy prosecutor Omar Latif spoke after the hearing.\n"
        'Latif maintained that the speech had "crossed every red line" by calling on '
        "employees to disobey orders.\n"
        "Releasing the accused now, he argued, could lead to unrest.\n"
        "The party has alleged that 200 of its workers have been arrested since April, a "
        "figure the ministry has described as exaggerated.\n"
    )
    assert [(r["speaker"], r["fragments"]) for r in extract(text)] == [
        (
            "Omar Latif",
            ['the speech had "crossed every red line" by calling on employees to disobey orders'],
        ),
        ("Omar Latif", ["Releasing the accused now", "could lead to unrest"]),
        ("party", ["200 of its workers have been arrested since April"]),
    ]


def test_stressing_a_need_is_a_statement() -> None:
    text = (
        "Prime Minister Ali Hassan al-Karimi stressed the need for closer coordination with "
        "the coalition during a meeting with the US envoy on Monday.\n"
    )
    assert brief(text) == [
        ("Ali Hassan al-Karimi", "indirect", "the need for closer coordination with the coalition"),
    ]


def test_a_date_after_called_on_is_no_addressee() -> None:
    text = "Opposition leader Maria Santos called on Tuesday for an early election.\n"
    assert brief(text) == [("Maria Santos", "indirect", "an early election")]


def test_the_writers_verb_phrase_after_a_reported_clause() -> None:
    text = (
        'Hamas said in a statement that it had responded "positively" to the proposal, but '
        "gave no details.\n"
        'Mayor Ann Lee said she would "wait for every ballot" and did not rule out a recount.\n'
        "The army said troops have killed 23 fighters and rescued 11 hostages.\n"
    )
    assert [r["text"] for r in extract(text)] == [
        'it had responded "positively" to the proposal',
        'she would "wait for every ballot"',
        "troops have killed 23 fighters and rescued 11 hostages",
    ]


def test_a_conjunct_that_reports_speech_ends_the_reported_clause() -> None:
    text = (
        "Talks\n"
        "Government spokeswoman Anna Keller said on Tuesday that Vienna welcomed the talks and "
        "repeated that its own concerns had to be addressed.\n"
        "Its spokesman, Gary Price, wrote on X that the plan was 'too little, too late' and "
        "repeated the party's call for a referendum.\n"
    )
    assert brief(text) == [
        ("Anna Keller", "indirect", "Vienna welcomed the talks"),
        ("Anna Keller", "indirect", "its own concerns had to be addressed"),
        ("Gary Price", "mixed", "the plan was 'too little, too late'"),
    ]


def test_a_quoted_label_before_the_object_it_is_given_to() -> None:
    text = (
        "Border row\n"
        'The ministry on Friday rejected as "baseless" a report in a local weekly which had '
        "claimed that the port was closed.\n"
        'Ms Varga dismissed as "pure fiction" reports in foreign media that the talks had '
        "collapsed.\n"
    )
    assert [(k, c) for _, k, c in brief(text)] == [
        ("mixed", 'as "baseless" a report in a local weekly'),
        ("mixed", 'as "pure fiction" reports in foreign media'),
    ]


def test_a_threat_and_a_warning_to_someone() -> None:
    text = (
        "Teachers threaten strike\n"
        "The teachers' union threatened to close schools for a week if the bill was not "
        "passed.\n"
        'The judge overruled the objection but warned Mr Otieno to "move on to the facts".\n'
    )
    # the headline announces an act ("threaten strike"), not words
    assert [(k, c) for _, k, c in brief(text)] == [
        ("indirect", "to close schools for a week if the bill was not passed"),
        ("mixed", 'Mr Otieno to "move on to the facts"'),
    ]


def test_a_warning_whose_preposition_hangs_on_the_object_and_a_mistagged_that_clause() -> None:
    text = (
        "Walkout\n"
        "The envoy has warned the two parties to the accord against pushing an "
        '"unhelpful" motion at the council.\n'
        "Farmers staged a sit-in, demanding that the government brief parliament in a closed "
        "session on its plans.\n"
    )
    assert [c for _, _, c in brief(text)] == [
        'the two parties to the accord against pushing an "unhelpful" motion at the council',
        "the government brief parliament in a closed session on its plans",
    ]


def test_blamed_someone_for_something_but_not_a_bare_blame() -> None:
    text = (
        "Taps run dry\n"
        "The utility's spokeswoman, Mary Dlamini, blamed the municipality for unpaid bills of "
        "more than R40 million.\n"
        "Asked about the delay, Ms. Dlamini blamed the previous council, saying it had left "
        '"half-dug trenches".\n'
    )
    assert [c for _, _, c in brief(text)] == [
        "the municipality for unpaid bills of more than R40 million",
        'it had left "half-dug trenches"',
    ]


def test_ruled_out_a_gerund_phrase() -> None:
    text = (
        "Dam stays shut\n"
        "Governor Ana Ruiz on Monday ruled out opening the dam gates before the end of the "
        "month.\n"
    )
    assert brief(text) == [
        ("Ana Ruiz", "indirect", "opening the dam gates before the end of the month"),
    ]


def test_a_closing_participle_continues_the_outermost_statement() -> None:
    text = (
        "Uranium\n"
        "The minister dismissed reports that Chile had moved its reserves abroad, calling them "
        '"fabrications".\n'
        "Opposition leader Pedro Aliaga added that the government rejected the claims, "
        "describing them as a distraction.\n"
    )
    found = [
        (r["speaker"], r["text"]) for r in extract(text) if r["cue"] in ("calling", "describing")
    ]
    assert found == [
        ("minister", 'them "fabrications"'),
        ("Pedro Aliaga", "them as a distraction"),
    ]


def test_a_long_clause_the_parser_joined_to_the_subject_is_not_the_speaker() -> None:
    text = (
        "Trade\n"
        "But the closure, which formally took effect this week, is already costing the two "
        "states. Traders at the Togo-Ghana border report queues of lorries stretching for "
        "kilometres, and Ghana's finance ministry acknowledged in a budget document last month "
        "that customs revenues had fallen by a fifth.\n"
    )
    assert [r["speaker"] for r in extract(text)] == ["Ghana's finance ministry"]


def test_a_speech_verb_of_the_reported_words_is_no_report_of_its_own() -> None:
    text = (
        'Asked about a letter, the spokesman said Tehran had "not received any official '
        'document" and would respond "at the appropriate time."\n'
    )
    (record,) = extract(text)
    assert record["text"] == (
        'Tehran had "not received any official document" and would respond "at the '
        'appropriate time."'
    )


def test_before_adding_a_quote_and_shooting_back() -> None:
    text = (
        'Chancellor Konrad Brehm said he was "open to talking about everything that is '
        'constitutional", before adding: "But I will not sign a blank cheque."\n'
        "Asked about the comments, Premier Dana Kowalski shot back that Quebec had never had "
        "to build its economy on oil.\n"
    )
    assert [(r["cue"], r["text"]) for r in extract(text)] == [
        ("said", 'he was "open to talking about everything that is constitutional"'),
        ("adding", '"But I will not sign a blank cheque."'),
        ("shot back", "Quebec had never had to build its economy on oil"),
    ]


def test_a_speech_verb_the_parse_left_without_a_subject_and_faulting() -> None:
    text = (
        "In Kismayo, Jubbaland regional president Ahmed Mohamed Islaan Madoobe - often at odds "
        'with Mogadishu - said Ethiopian troops had been "essential" in holding back the '
        "insurgents.\n"
        "Nairobi Senator Esther Wangari Kamau, however, faulted governors for using health "
        'workers as "bargaining chips."\n'
    )
    assert [(r["speaker"], r["cue"]) for r in extract(text)] == [
        ("Ahmed Mohamed Islaan Madoobe", "said"),
        ("Esther Wangari Kamau", "faulted"),
    ]


def test_a_statement_reporting_a_named_speaker_gives_way_to_them() -> None:
    text = (
        "Army ready to deploy\n"
        "General Karim Haddad met a delegation of lawmakers on Tuesday, according to a "
        "statement from the army.\n"
        "Haddad said the army had taken over 500 positions since the ceasefire, the statement "
        "said.\n"
    )
    assert brief(text)[-1] == (
        "Karim Haddad",
        "indirect",
        "the army had taken over 500 positions since the ceasefire",
    )


def test_what_the_speaker_did_not_say_and_a_report_framed_by_another() -> None:
    text = (
        "Border to reopen\n"
        "Foreign Minister Ana Lobo told lawmakers that the border would reopen next week, the "
        "ministry said.\n"
        "Rashid Omar said the republic would respond to any new sanctions, without giving "
        "further details.\n"
    )
    assert brief(text) == [
        ("Ana Lobo", "indirect", "the border would reopen next week"),
        ("Rashid Omar", "indirect", "the republic would respond to any new sanctions"),
    ]


def test_a_report_set_against_another_with_while() -> None:
    text = (
        "Trade deal splits parliament\n"
        "Outside, the mood was hostile. “They are selling us for German cars,” said Marco "
        "Bellini, president of a farm lobby, standing on a tractor trailer.\n"
        "Inside, MEPs were split along national lines rather than party ones. French centrist "
        "Marie Vidal argued the deal would “import deforestation and export our farmers’ "
        "livelihoods”, while Swedish liberal Karin Lind said Europe could not afford to “turn "
        "its back on a continent of 270 million consumers.”\n"
    )
    assert brief(text)[1:] == [
        (
            "Marie Vidal",
            "mixed",
            "the deal would “import deforestation and export our farmers’ livelihoods”",
        ),
        (
            "Karin Lind",
            "mixed",
            "Europe could not afford to “turn its back on a continent of 270 million consumers.”",
        ),
    ]


def test_a_second_reported_clause_the_parser_hung_on_the_cue() -> None:
    text = (
        "Border stays shut after balloon incursions\n\n"
        "The European Commission said it was in contact with the Lithuanian authorities and "
        'stood "in full solidarity" with Vilnius.\n\n'
        'Envoy Reza Farahani said Iran was "satisfied with the talks" but would judge the '
        'Taliban "by actions on the ground."\n\n'
        "The coordination headquarters said in a statement that most of the soldiers had spent "
        "two years in captivity, and that some of them had been captured in Mariupol.\n\n"
        'Judge Anna Byrne said the force had failed to show the cameras were "necessary and '
        'proportionate," and that it had not assessed whether the software was biased.\n'
    )
    assert [t for _, _, t in brief(text)] == [
        'it was in contact with the Lithuanian authorities and stood "in full solidarity" '
        "with Vilnius",
        'Iran was "satisfied with the talks" but would judge the Taliban "by actions on the '
        'ground."',
        "most of the soldiers had spent two years in captivity, and that some of them had "
        "been captured in Mariupol",
        'the force had failed to show the cameras were "necessary and proportionate," and '
        "that it had not assessed whether the software was biased",
    ]


def test_the_writers_verb_phrase_after_a_report_is_not_in_it() -> None:
    text = (
        "Kremlin warns over frozen assets\n\n"
        "The Kremlin has said that any use of the assets would amount to theft and has "
        "threatened legal action against European banks.\n\n"
        "A police official said the attack began at around 11pm and continued for nearly two "
        "hours.\n\n"
        "Volkswagen has said it cannot rule out closing plants in Germany, citing high costs "
        "and weak demand.\n"
    )
    assert [t for _, _, t in brief(text)] == [
        "any use of the assets would amount to theft",
        "the attack began at around 11pm and continued for nearly two hours",
        "it cannot rule out closing plants in Germany",
    ]


def test_those_told_are_not_the_words() -> None:
    text = (
        "Council passes budget\n\n"
        "Finance member Paul Davey told councillors the savings had been “stress-tested line "
        "by line” and that front-line budgets had been protected.\n\n"
        "Farmer Joseph Atwine, 58, told The Associated Press he had been paid too little.\n"
    )
    assert [t for _, _, t in brief(text)] == [
        "the savings had been “stress-tested line by line” and that front-line budgets had "
        "been protected",
        "he had been paid too little",
    ]


def test_a_label_given_in_a_relative_clause_or_before_a_participle() -> None:
    text = (
        "Doctors to vote on strike\n\n"
        "The union rejected a pay offer from the government, which it described as "
        "“insulting”.\n\n"
        "Information minister Ahmed Dirir described Mogadishu’s stance as “irrelevant”, "
        "saying the territory had governed itself for three decades.\n"
    )
    assert brief(text) == [
        ("union", "direct", "“insulting”"),
        ("Ahmed Dirir", "mixed", "Mogadishu’s stance as “irrelevant”"),
        ("Ahmed Dirir", "indirect", "the territory had governed itself for three decades"),
    ]


def test_the_day_after_the_cue_is_not_reported() -> None:
    text = (
        "Shipping\n\n"
        "Danish shipping group Maersk said on Tuesday it would continue to route vessels "
        "around Africa.\n\n"
        "Shipping group Hapag-Lloyd said last week it would wait. The ministry said that on "
        "Monday it had arrested two men.\n"
    )
    assert [t for _, _, t in brief(text)] == [
        "it would continue to route vessels around Africa",
        "it would wait",
        "on Monday it had arrested two men",
    ]


def test_the_writer_s_note_on_the_effect_or_the_time_of_the_words_is_no_part_of_them() -> None:
    text = (
        "Skopje holds firm on amendment\n"
        "SKOPJE (Reuters) - Prime Minister Aleksandar Trajkovski said on Tuesday his government "
        'would not put the amendment to a vote "as long as Sofia keeps moving the goalposts", '
        "deepening a dispute that has stalled the country's path to the European Union.\n"
        "The state election board said it had sent the voter list to the Justice Department, a "
        "day after the department sued the state to obtain the records.\n"
        "Diplomats said Britain could bring a revised text to a vote next week, possibly "
        "dropping a reference to sanctions.\n"
    )
    assert [content for _, _, content in brief(text)] == [
        'his government would not put the amendment to a vote "as long as Sofia keeps moving '
        'the goalposts"',
        "it had sent the voter list to the Justice Department",
        "Britain could bring a revised text to a vote next week, possibly dropping a reference "
        "to sanctions",
    ]


def test_a_statement_issued_saying() -> None:
    text = (
        "Nurses walk out\n"
        "DUBLIN (Reuters) - Nurses walked out on Tuesday.\n"
        "The union issued a joint statement saying it stood in solidarity with nurses.\n"
        "The ministry put out a statement on Tuesday saying talks would resume.\n"
    )
    assert brief(text) == [
        ("union", "indirect", "it stood in solidarity with nurses"),
        ("ministry", "indirect", "talks would resume"),
    ]


def test_the_reported_clause_s_verb_again_goes_on_with_it() -> None:
    text = (
        "Australia passes minerals law\n"
        "CANBERRA (AFP) - Parliament passed the law on Wednesday.\n"
        'Treasurer Michael Fenwick said the law was "country-agnostic" and was about '
        "protecting the national interest.\n"
    )
    assert brief(text) == [
        (
            "Michael Fenwick",
            "mixed",
            'the law was "country-agnostic" and was about protecting the national interest',
        )
    ]


def test_criticised_someone_for_something_but_not_for_a_while() -> None:
    text = (
        "Budget vote\n"
        "The finance minister, Anna Lind, said the budget was balanced but criticised the "
        "opposition for delaying the vote.\n"
        "Critics have criticised the ministry for years.\n"
    )
    assert brief(text) == [
        ("Anna Lind", "indirect", "the budget was balanced"),
        ("Anna Lind", "indirect", "the opposition for delaying the vote"),
    ]


def test_an_accusation_after_an_appeal_is_a_statement_of_its_own() -> None:
    text = (
        "Rates rise again\n"
        "Anna Lind urged lawmakers to act quickly and accused the central bank of ignoring "
        "inflation.\n"
    )
    assert brief(text) == [
        ("Anna Lind", "indirect", "lawmakers to act quickly"),
        ("Anna Lind", "indirect", "the central bank of ignoring inflation"),
    ]


def test_blame_credit_attribute_criticise_and_a_court_holding() -> None:
    text = (
        "Fuel prices fall\n\n"
        "The minister blamed the latest price rise on the depreciation of the naira. "
        "Prices will fall by 8 percent, the authority said on Friday, crediting the "
        "appreciation of the cedi for the cut. The company attributed the increase to improved pipeline "
        "security. A civil society group criticised the bail terms as too lenient. In her "
        "ruling, the judge held that the prosecution had failed to show a risk.\n"
    )
    assert [t for _, _, t in brief(text)] == [
        "the latest price rise on the depreciation of the naira",
        "Prices will fall by 8 percent",
        "the appreciation of the cedi for the cut",
        "the increase to improved pipeline security",
        "the bail terms as too lenient",
        "the prosecution had failed to show a risk",
    ]


def test_an_act_on_an_object_is_no_report_of_words() -> None:
    text = (
        "Recall ordered\n\n"
        "Huayue Electric Vehicle Co., Ltd. will recall 86,420 batteries used in its bicycles "
        "after defects that could cause fires were found, the regulator said Friday.\n"
    )
    assert brief(text) == [
        (
            "regulator",
            "indirect",
            "Huayue Electric Vehicle Co., Ltd. will recall 86,420 batteries used in its bicycles "
            "after defects that could cause fires were found",
        )
    ]


def test_a_report_the_parser_hung_inside_the_reported_clause_is_the_speakers_next() -> None:
    text = (
        "Credit squeeze\n\n"
        "The Anatolian Exporters Association said in a statement that high borrowing costs "
        "were pushing small manufacturers towards insolvency and called for cheap credit for "
        "exporters.\n\n"
        "Minister Fadi Rizk said Beirut would submit a plan to Damascus to return 15,000 "
        "refugees a month and called on UNHCR to share its data with the government.\n"
    )
    assert brief(text) == [
        (
            "Anatolian Exporters Association",
            "indirect",
            "high borrowing costs were pushing small manufacturers towards insolvency",
        ),
        ("Anatolian Exporters Association", "indirect", "cheap credit for exporters"),
        (
            "Fadi Rizk",
            "indirect",
            "Beirut would submit a plan to Damascus to return 15,000 refugees a month",
        ),
        ("Fadi Rizk", "indirect", "UNHCR to share its data with the government"),
    ]


def test_a_call_for_a_clause_an_accusation_before_a_call_and_a_strike_called_off() -> None:
    text = (
        "Land row\n\n"
        "MP Ibrahim Kasozi called for the unit to be withdrawn from the lake entirely.\n\n"
        "The Kikuyu Land Forum accused the government of pressuring farmers who cannot read "
        "English to sign forms and called for an independent audit of the process.\n\n"
        "The Consumers Forum called for public hearings before the new tariffs took effect.\n\n"
        "Oluoch said the union would consider calling off the strike if the government "
        "signed a formula.\n\n"
        "Save the Children accused donors of looking away from the Horn of Africa.\n"
    )
    assert brief(text) == [
        ("Ibrahim Kasozi", "indirect", "the unit to be withdrawn from the lake entirely"),
        (
            "Kikuyu Land Forum",
            "indirect",
            "the government of pressuring farmers who cannot read English to sign forms",
        ),
        ("Kikuyu Land Forum", "indirect", "an independent audit of the process"),
        ("Consumers Forum", "indirect", "public hearings before the new tariffs took effect"),
        (
            "Oluoch",
            "indirect",
            "the union would consider calling off the strike if the government signed a formula",
        ),
        ("Save the Children", "indirect", "donors of looking away from the Horn of Africa"),
    ]


def test_what_a_law_says_is_no_one_s_words() -> None:
    text = (
        "Media bill passes\n\n"
        "The minister said the bill would protect readers. The current law says that online "
        "publications may register voluntarily, and the constitution states that the press "
        "is free.\n"
    )
    assert [c for _, _, c in brief(text)] == ["the bill would protect readers"]


def test_those_told_are_not_part_of_the_words() -> None:
    text = (
        "Canal revenue falls\n\n"
        "Osama Rabie told reporters revenue had dropped by half.\n"
        "A ministry official told Reuters oil output had fallen.\n"
        "He told reporters oil prices would climb.\n"
    )
    assert [c for _, _, c in brief(text)] == [
        "revenue had dropped by half",
        "oil output had fallen",
        "oil prices would climb",
    ]


def test_someone_at_a_body_named_agency_is_no_news_agency() -> None:
    text = (
        "Pacific must get fair price for tuna\n\n"
        "HONIARA - Pacific Island countries will demand that foreign fishing fleets pay more "
        "for access to their waters, the head of the Pacific Islands Forum Fisheries Agency "
        "(FFA) said on Monday.\n"
    )
    assert [c for _, _, c in brief(text)] == [
        "countries will demand that foreign fishing fleets pay more for access to their waters"
    ]


def test_what_is_demanded_or_appealed_for() -> None:
    text = (
        "Rhinos killed\n\n"
        "GUWAHATI, May 2 - The Congress demanded a judicial inquiry into the killings.\n"
        "The traders appealed for calm.\n"
        "Governors have been pressing for the money for weeks.\n"
    )
    assert [c for _, _, c in brief(text)] == ["a judicial inquiry into the killings", "calm"]
