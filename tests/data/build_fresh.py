"""Build the retired fresh statement set (``tests/data/fresh_statements.csv``), described in FRESH.md.

This was the second held-out part until 2026-12-02: after eleven looks at its figures it was retired, read
statement by statement and made development data (split ``dev``); ``fresh2_statements.csv`` (FRESH2.md) replaced
it as the text nobody tuned to. These statements were written by an independent writer who never read the lexicons
in ``mappings/``, the texts of the labeled corpus, or any matcher output, and labeled by the project's labeling
spec (criteria-definitions.md, moved into the project's docs) plus the extra rules of ``tests/data/LABELING.md``. The set was frozen: nobody tuned
rules, lexicons or thresholds on it (the rule held until it was retired). FRESH.md says how it was looked at.

Run from the repository root::

    python tests/data/build_fresh.py

Each row is ``Row(text, cm_ref, five_points, five_points_alt, cse_subcriterion, style, kind)``, grouped by
sector. The id, the split, the CSE criterion and the sector are derived here, never typed by hand. A ``cm_ref``
written with a leading ``!`` is a misleading legacy reference: the ``!`` only marks it for counting and is
stripped before the file is written.
"""

# Long one-line rows keep the data readable and diffable; the typographic dashes and
# quotes in the texts are deliberate (real portfolios are full of them).
# ruff: noqa: E501

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from corpus_checks import (
    NONE,
    SECTOR_COLUMNS,
    UniqueTexts,
    raise_problems,
    row_problems,
    sector_record,
    write_records,
)


class Row(NamedTuple):
    """One labeled statement as typed in the data tables below."""

    text: str
    cm_ref: str
    five_points: str
    five_points_alt: str
    cse_subcriterion: str
    style: str
    kind: str


COLUMNS = SECTOR_COLUMNS

# "fresh" while it was held out; development data since it was retired on 2026-12-02 (FRESH.md)
SPLIT = "dev"
MISLEADING = "!"

# Styles (how the statement is written).
T = "terse"  # spreadsheet notes with abbreviations
N = "narrative"  # full sentences, often long and touching several themes
B = "bullet"  # list fragments with their markers kept
A = "assessor"  # the evaluative voice of an assessment report
S = "summary"  # an organisation's own summary of its assessment or self-assessment
X = "noise"  # titles, cover-page lines, authorship and sign-off lines, headings, placeholders
I = "irrelevant"  # noqa: E741 - activities with no customer-facing side
STYLES = frozenset({T, N, B, A, S, X, I})
NON_EVIDENCE_STYLES = frozenset({X, I})

# Kinds (what the statement asserts).
SUP = "support"  # a practice or result that exists
ABS = "absence"  # a practice that is missing, stopped, lapsed or not yet done
PLAN = "plan"  # a practice that is only planned or intended
MIX = "mixed"  # a fact plus a plan: the fact is the evidence
KINDS = frozenset({SUP, ABS, PLAN, MIX})

# fmt: off

POLICE: tuple[Row, ...] = (
    Row("PCSO surgeries monthly in all 6 wards – venues & times on web and in libs", "3", "1", "", "3.3", T, SUP),
    Row("Victim satisfaction 2007/08: 84% satisfied w/ whole experience (n=1,204)", "Crit 4", "2", "", "1.3", T, SUP),
    Row("PACT mtgs: residents vote 3 priorities per n'hood each qtr", "CM2", "2", "", "1.2", T, SUP),
    Row("Front counter hrs extended to 8pm Mon–Thu at Central stn", "Criterion 3", "1", "", "3.3", T, SUP),
    Row("999 answered in 10 secs: 93.4% v target 90%", "C1", "5", "", "5.3", T, SUP),
    Row("Call handlers NVQ L3 Contact Centre – 22 of 30 achieved", "!6", "3", "", "2.2", T, SUP),
    Row("Hate crime reporting leaflet in 9 community langs + Easy Read", "CM 3", "1", "", "3.2", T, SUP),
    Row("Complaints v police 07/08: 212 recorded (-14%), 9 IPCC appeals, 2 upheld", "!2.4", "5", "", "4.3", T, SUP),
    Row("No IAG mtg since Oct 06 – group lapsed when chair resigned", "Crit 2", "2", "", "1.2", T, ABS),
    Row("Quality of Service Commitment published: named officer, update at least every 28 days, polite & fair treatment, call-back on request", "CM1", "5", "", "4.1", T, SUP),
    Row("After a run of complaints from burglary victims who felt forgotten, the Chief Superintendent ordered a review of victim contact; every victim is now visited within 48 hours and keeps the same named investigating officer until the case is closed.", "", "4", "1", "4.3", N, SUP),
    Row("Our neighbourhood team shares a base on the Moorside estate with the council's wardens, the fire service and two housing associations, so residents can raise anti-social behaviour, repairs and fire safety worries in a single visit.", "", "2", "1", "3.4", N, SUP),
    Row("Every new custody officer completes a five-day course on detainee rights, mental health awareness and vulnerable people, with an annual refresher run by the force training school.", "", "3", "", "2.2", N, SUP),
    Row("Reports from independent custody visitors, together with the force's response to each one, are published on the Police Authority website.", "", "5", "", "3.1", N, SUP),
    Row("When our residents' survey showed that people under 25 would never come to a public meeting, we set up an online 'Have your say' panel for 16–25s which now has 340 members and feeds into the PACT priorities.", "", "1", "2", "1.2", N, SUP),
    Row("• SNT contact cards delivered to every household: names, mobile numbers and email of your local team", "", "1", "", "3.3", B, SUP),
    Row("- Crime prevention advice line now open Saturdays 9–1", "", "1", "", "3.3", B, SUP),
    Row("* Lost property enquiries resolved at first contact: 76% (was 58%)", "", "5", "", "5.2", B, SUP),
    Row("o Citizen Focus board chaired monthly by the Deputy Chief Constable, reporting to the Police Authority", "Criterion Two", "4", "", "2.1", B, SUP),
    Row("1) Domestic abuse: same-day visit by a specialist officer for high-risk victims", "", "1", "", "5.2", B, SUP),
    Row("The organisation demonstrated a clear commitment to citizen focus, led visibly by the Chief Constable and understood by officers at every level.", "", "4", "", "2.1", A, SUP),
    Row("Staff are customer-focused and courteous; the enquiry officers observed handled difficult callers with patience and professionalism.", "", "4", "", "2.2", A, SUP),
    Row("Customer insight is used to target neighbourhood patrols and engagement at the groups least likely to report crime.", "", "1", "", "1.1", A, SUP),
    Row("Partnership working with the local authority, health and the voluntary sector is a particular strength of the division.", "", "2", "", "3.4", A, SUP),
    Row("Complaints are dealt with promptly and fairly, and lessons learned are shared across the division through the professional standards bulletin.", "", "5", "4", "4.3", A, SUP),
    Row("Our assessor awarded Compliance Plus for the way PACT priorities are agreed with residents at open meetings.", "", "2", "", "1.2", S, SUP),
    Row("The assessment report noted one partial compliance: we could not show that victim satisfaction results are published to the public.", "", "5", "", "1.3", S, ABS),
    Row("Text message updates for victims of crime will be introduced across the force from April 2009.", "", "1", "", "3.3", N, PLAN),
    Row("No published standard yet for how quickly non-emergency calls are answered – proposed for 2009/10.", "C1", "5", "", "5.1", T, ABS),
    Row("Northfield Constabulary – Charter Mark Reassessment Portfolio 2007/08", "", NONE, "", NONE, X, SUP),
    Row("Prepared by Insp. R. Dhillon, Citizen Focus Unit, with contributions from the Call Management Centre, Professional Standards and all six Neighbourhood Policing Teams", "", NONE, "", NONE, X, SUP),
    Row("Firearms range ventilation system replaced, on time and within budget", "5", NONE, "", NONE, I, SUP),
    Row("New PCSOs: 12-wk training incl. 2 wks on community engagement & consultation skills", "", "3", "", "1.2", T, SUP),
    Row("Front counter staff have had no customer service refresher training since 2004.", "", "3", "", "2.2", T, ABS),
    Row("The Police Authority has not yet agreed a citizen focus strategy; a draft is due in June.", "", "4", "", "2.1", N, ABS),
    Row("Staff receive good training, and officers could explain how it had changed the way they deal with victims.", "", "3", "", "2.2", A, SUP),
    Row("All call handlers will be trained in the new vulnerability screening questions before the system goes live in May.", "", "3", "", "2.2", N, PLAN),
    Row("The views of residents over 65 on neighbourhood policing have never been sought separately.", "", "2", "", "1.2", N, ABS),
    Row("We told our assessor that our local policing pledge – courtesy, a named contact, monthly beat meetings and a reply to every enquiry – is now printed on every SNT contact card.", "", "5", "", "4.1", S, SUP),
    Row("– Victim call-back survey: not run since the force restructure (2006)", "", "2", "", "1.3", B, ABS),
)

FIRE: tuple[Row, ...] = (
    Row("HFSC: 4,812 home fire safety checks 07/08, 61% to over-65s", "CM 6", "1", "", "4.2", T, SUP),
    Row("Free smoke alarms fitted for deaf residents – vibrating pad & strobe", "3", "1", "", "3.3", T, SUP),
    Row("Attendance standard: 1st appliance within 8 mins for 75% of dwelling fires – published in IRMP", "Crit 1", "5", "", "5.1", T, SUP),
    Row("1st appliance in 8 mins achieved 79.2% of dwelling fires (std 75%)", "CM1", "5", "", "5.3", T, SUP),
    Row("IRMP 2008–11 consultation: 9 public mtgs, 1,100 questionnaires, 3 focus grps", "Criterion 2", "2", "", "1.2", T, SUP),
    Row("Watch mgrs – ILM L3 leadership cert, 18 of 24 complete", "", "3", "", "2.2", T, SUP),
    Row("Business fire safety guide for small traders – 4 pages, plain English", "!C5", "1", "", "3.1", T, SUP),
    Row("Post-incident survey: 96% v satisfied/satisfied w/ crew conduct", "4", "2", "", "1.3", T, SUP),
    Row("Complaints 07/08: 23 received, 20 resolved at stage 1, none to the Ombudsman", "", "5", "", "4.3", T, SUP),
    Row("Accidental dwelling fires down 18% over 3 yrs", "CM 4", "5", "", "4.2", T, SUP),
    Row("The Fire Authority agreed to keep Brackley station crewed by day after residents of the outlying villages objected strongly to the proposed cut, and it has asked officers to report attendance times there every quarter.", "", "4", "2", "3.3", N, SUP),
    Row("Working with Age Concern, social services and the PCT, we built a referral route so that any care worker or district nurse who visits an older person at risk can book a home fire safety check for them in one phone call.", "", "2", "1", "3.4", N, SUP),
    Row("All firefighters have been trained in dementia awareness and in using the language line, so that crews can communicate with residents during a home visit whatever their needs.", "", "3", "", "3.3", N, SUP),
    Row("Our profile of fire deaths over ten years showed that most victims lived alone, smoked and had limited mobility, and we now use GP and social care data to find people who match that profile and visit them first.", "", "1", "", "1.1", N, SUP),
    Row("We publish the cost of each station, its call numbers and its attendance times on our website and in the annual report delivered to every household.", "", "5", "", "3.1", N, SUP),
    Row("• Fire cadets scheme for 13–17 year olds at 4 stations, run with the Youth Service", "6", "2", "", "3.4", B, SUP),
    Row("- Arson reduction: joint patrols with police and housing on 3 estates", "", "2", "", "3.4", B, SUP),
    Row("– Station open days: 11 held, approx 6,500 visitors", "", "2", "", "1.2", B, SUP),
    Row("* Chief Fire Officer's 'Safer Homes' pledge signed by every manager", "", "4", "", "2.1", B, SUP),
    Row("o Fire safety advice recorded in Polish, Urdu, Bengali and Somali for the website", "", "1", "", "3.2", B, SUP),
    Row("The Service has a strong understanding of the communities it serves, and uses risk data well to direct prevention activity towards those most vulnerable.", "", "1", "", "1.1", A, SUP),
    Row("There is evidence that managers at all levels act as role models and that the values of the Service are lived rather than laminated.", "", "4", "", "2.2", A, SUP),
    Row("Information for the public is clear, well designed and available in a range of formats.", "", "1", "", "3.2", A, SUP),
    Row("The Service consults widely on its plans, although feedback to those consulted on how their views shaped decisions could be more consistent.", "", "2", "", "1.2", A, SUP),
    Row("Our 2008 self-assessment identified customer satisfaction measurement as our weakest area: surveys cover only domestic fires and not our business customers.", "", "2", "", "1.3", S, ABS),
    Row("We were pleased that the assessor singled out our work with partners to reach older people as an example of good practice.", "", "2", "", "3.4", S, SUP),
    Row("The business fire safety survey has not taken place since 2005.", "Crit 4", "2", "", "1.3", T, ABS),
    Row("We intend to extend home fire safety checks to evenings and Saturdays from next year so working households can be visited.", "", "1", "", "3.3", N, PLAN),
    Row("97% of residents visited said the check was useful (2007/08 survey); we plan to repeat the survey with business premises in 2009.", "", "2", "", "1.3", N, MIX),
    Row("Criterion 1: Set standards and perform well", "CM1", NONE, "", NONE, X, SUP),
    Row("Approved by the Chief Fire Officer for submission – 14 March 2008", "", NONE, "", NONE, X, SUP),
    Row("Breathing apparatus compressor at Eastgate workshop replaced under the capital programme", "Criterion Five", NONE, "", NONE, I, SUP),
    Row("Community safety advocates: all trained to BSL Level 1 (CACDP)", "", "3", "", "3.3", T, SUP),
    Row("No equality & diversity training for retained firefighters since 2005", "", "3", "", "2.2", T, ABS),
    Row("A customer care standard for crews attending incidents is to be drafted by the Chief Officers' Group in 2009.", "", "4", "", "2.2", N, PLAN),
    Row("Commitment to a high quality service is evident at every station visited, and crews take pride in their community role.", "", "4", "", "2.1", A, SUP),
    Row("The Service's complaints procedure is not published on its website.", "", "5", "", "4.3", T, ABS),
    Row("Appendix F – Station locations map (A3 fold-out)", "", NONE, "", NONE, X, SUP),
)

GP: tuple[Row, ...] = (
    Row("Extended hrs: Tue & Thu 6.30–8pm, Sat 8–11am from Apr 08", "C3", "1", "", "3.3", T, SUP),
    Row("PPG (patient participation grp) meets qtrly, 14 members", "2", "2", "", "1.2", T, SUP),
    Row("GPAQ 2007: 91% could see a GP within 2 working days", "CM 1", "5", "", "5.3", T, SUP),
    Row("Receptionists – customer care & confidentiality training, all 9 staff, Jan 08", "", "3", "", "2.2", T, SUP),
    Row("Practice leaflet: opening times, services, how to complain, named partners", "", "1", "", "3.1", T, SUP),
    Row("Telephone triage by duty GP – same-day call-back for all urgent requests", "", "1", "", "3.3", T, SUP),
    Row("Complaints 07/08: 11 recd, all responded in 10 wkg days", "", "5", "", "5.3", T, SUP),
    Row("Travelling families: registration w/o proof of address, named HV contact", "3", "1", "", "3.3", T, SUP),
    Row("QOF 2007/08: 998/1000 points", "!Crit 2", "5", "", "4.2", T, SUP),
    Row("Online repeat prescription ordering introduced Nov 07 – 420 pts registered", "", "1", "", "3.3", T, SUP),
    Row("When the partners saw that patients were ringing up to six times before 8.30 to get through, they reorganised the reception rota so that four staff answer the phones at opening time, and the average wait to answer fell from 4 minutes to under one.", "", "4", "", "5.2", N, SUP),
    Row("Our practice nurse runs a diabetes clinic at the mosque on Friday afternoons, in partnership with the imam and a Punjabi-speaking health trainer, because many older men never came to the surgery for reviews.", "", "2", "1", "3.4", N, SUP),
    Row("We asked the patient group to help us redesign the appointment system, and they tested three versions of the new booking card before we chose one.", "", "2", "", "1.2", N, SUP),
    Row("Each patient over 75 has a named GP responsible for their care, and those who are housebound receive an annual review at home from the same nurse.", "", "1", "", "3.3", N, SUP),
    Row("The practice manager reviews every complaint with the partners at the monthly meeting and records what we changed as a result, for example moving the blood clinic earlier so working patients can attend.", "", "4", "", "4.3", N, SUP),
    Row("• Hearing loop fitted at reception and in consulting room 2", "CM3", "1", "", "3.3", B, SUP),
    Row("- Interpreter booked automatically when patient's record shows language need", "", "1", "", "3.3", B, SUP),
    Row("– Results of patient survey displayed in waiting room and on website", "", "5", "", "1.3", B, SUP),
    Row("* New registrations processed in 2 days (was 7)", "", "5", "", "5.2", B, SUP),
    Row("1. Partners' development plan includes one customer-service objective for every member of staff", "", "4", "", "2.1", B, SUP),
    Row("The practice demonstrated a genuine commitment to putting patients at the heart of everything it does, led by the senior partner.", "", "4", "", "2.1", A, SUP),
    Row("Reception staff were knowledgeable and helpful, and patients interviewed spoke highly of their attitude.", "", "4", "", "2.2", A, SUP),
    Row("There was little evidence that the practice knows which groups in its catchment are not registering or not attending.", "", "1", "", "1.1", A, ABS),
    Row("Our assessment summary: full compliance in all 15 sub-criteria, with Compliance Plus for access and for our work with the patient group.", "", "1", "2", "3.3", S, SUP),
    Row("No patient survey since the 2006 GPAQ – the partners decided not to repeat it.", "Criterion Four", "2", "", "1.3", T, ABS),
    Row("We propose to offer email consultations for simple queries once the PCT approves the system.", "", "1", "", "3.3", N, PLAN),
    Row("Patients have not yet been told what was done about the issues raised in last year's survey.", "", "5", "", "1.2", N, ABS),
    Row("Practice accessibility audit done Feb 08 (ramp, low counter, accessible WC in place); automatic front door to be installed in the summer.", "C3", "1", "", "3.3", N, MIX),
    Row("Willow Lane Surgery – Customer Service Excellence Self-Assessment", "", NONE, "", NONE, X, SUP),
    Row("Page 4 of 19", "", NONE, "", NONE, X, SUP),
    Row("Signed: Dr A. Okafor (Senior Partner) and Mrs J. Penrose (Practice Manager), on behalf of the partnership, following the practice meeting of 3 March 2008", "", NONE, "", NONE, X, SUP),
    Row("New practice server installed and clinical system migrated over the Easter weekend", "5", NONE, "", NONE, I, SUP),
    Row("Practice nurses – asthma & COPD diplomas, both completed 2007", "", "3", "", "2.2", T, SUP),
    Row("Reception team have had no training in dealing with aggressive or distressed patients.", "", "3", "", "2.2", T, ABS),
    Row("The partners have not set any standard for how long patients should wait in the surgery beyond their appointment time.", "", "4", "", "5.1", N, ABS),
    Row("We plan to hold an open evening for patients to comment on the proposed new surgery building.", "", "2", "", "1.2", N, PLAN),
    Row("Patient satisfaction is high, but the practice could not show how survey findings had led to any change.", "", "2", "", "1.3", A, SUP),
    Row("Practice Charter – draft 2 – for discussion at the practice meeting", "", NONE, "", NONE, X, SUP),
    Row("Practice charter: courtesy, confidentiality, a named GP, test results explained, repeat prescriptions ready in 48 hrs", "CM 1", "5", "", "4.1", T, SUP),
)

HOSPITAL: tuple[Row, ...] = (
    Row("A&E 4-hr standard: 98.3% seen, treated & discharged/admitted", "1", "5", "", "5.3", T, SUP),
    Row("PALS: 1,612 contacts 07/08, 88% resolved w/in 5 wkg days", "", "5", "", "5.3", T, SUP),
    Row("Inpatient survey (Healthcare Commission) 2007: 79% rated care excellent/very good", "Crit 4", "2", "", "1.3", T, SUP),
    Row("Ward housekeepers – NVQ L2 Cleaning & Support Services, 41 qualified", "", "3", "", "2.2", T, SUP),
    Row("Patient info leaflets reviewed by Readers' Panel before print", "CM2", "2", "", "1.2", T, SUP),
    Row("MRSA bacteraemias 07/08: 14 (trajectory 19)", "!Criterion Three", "5", "", "4.2", T, SUP),
    Row("Open visiting on maternity & children's wards", "C3", "1", "", "3.3", T, SUP),
    Row("Learning disability passport – staff read it before any procedure", "", "1", "", "1.1", T, SUP),
    Row("Free parking for carers of long-stay & palliative patients", "3", "1", "", "3.3", T, SUP),
    Row("Complaints: 512 recd, 31% about communication; responded within 25 days 71%", "!CM 1.1", "5", "", "5.3", T, SUP),
    Row("The Trust Board agreed in 2007 to fund a team of Polish and Portuguese-speaking patient advocates, after an equality analysis showed that migrant workers were missing outpatient appointments because they did not understand the letters.", "", "4", "1", "3.3", N, SUP),
    Row("The Trust's Patient Experience Group, chaired by a non-executive director, looks at complaint themes every month and has led changes such as the discharge lounge and a direct phone number for each ward.", "", "4", "", "4.3", N, SUP),
    Row("Over 300 nurses attended the 'Dignity in Care' workshops, which use patients' own stories to show how small things such as closing curtains and using the patient's preferred name make a difference.", "", "3", "", "2.2", N, SUP),
    Row("We worked with the county council and the ambulance trust to set up a single discharge team, so patients leave hospital with transport, equipment and home care already arranged.", "", "2", "", "3.4", N, SUP),
    Row("Our published Patient Promise sets out what every patient can expect: to be called by name, to be told who is looking after them, to have pain controlled, to eat and drink well and to be treated with dignity.", "1", "5", "", "4.1", N, SUP),
    Row("• 'You said, we did' boards on every ward, updated monthly from patient feedback", "", "5", "", "1.2", B, SUP),
    Row("- Outpatient letters rewritten in plain English with a map and parking guide", "", "1", "", "3.2", B, SUP),
    Row("– Cancer patients: urgent GP referral seen within 14 days, 99.1%", "Crit 1", "5", "", "5.3", B, SUP),
    Row("* Chaplaincy and bereavement service available 24 hrs for all faiths", "", "1", "", "3.3", B, SUP),
    Row("o Stroke unit: 82% of patients spend 90% of their stay on the unit", "", "5", "", "4.2", B, SUP),
    Row("The Trust demonstrated a strong commitment to improving the patient experience, with a clear strategy endorsed by the Board.", "", "4", "", "2.1", A, SUP),
    Row("Patient feedback is gathered in many ways, but there is limited evidence of feedback from groups such as young people and people with learning disabilities.", "", "2", "", "1.2", A, ABS),
    Row("The clear complaints procedure is well publicised, and complainants receive a personal response from the Chief Executive.", "", "5", "", "4.3", A, SUP),
    Row("Staff throughout the hospital showed a genuine pride in their work and a caring attitude towards patients and visitors.", "", "4", "", "2.2", A, SUP),
    Row("Following our assessment, we were asked to show more clearly how outpatient waiting times are reported to patients, and we now publish them monthly on the Trust website.", "", "5", "", "5.3", S, SUP),
    Row("Waiting times for outpatient clinics are not published to patients.", "CM1", "5", "", "5.3", T, ABS),
    Row("We plan to introduce a text reminder service for outpatient appointments from autumn 2008 to cut missed appointments.", "", "1", "", "3.3", N, PLAN),
    Row("Nurse-led pre-assessment clinic cut day-surgery cancellations on the day by 40%; a similar clinic for orthopaedics will be set up next year.", "", "5", "", "4.2", N, MIX),
    Row("The patients' forum was disbanded in 2008 when it was replaced by the LINk, and no replacement arrangement has yet been agreed with the Trust.", "Criterion Two", "2", "", "1.2", N, ABS),
    Row("St Aidan's Hospitals NHS Foundation Trust – annual review 2007/08", "", NONE, "", NONE, X, SUP),
    Row("Version 3.2 – draft for Patient Experience Group, not for circulation", "", NONE, "", NONE, X, SUP),
    Row("Theatre air-handling units upgraded in line with HTM 03-01; no change to patient services", "C5", NONE, "", NONE, I, SUP),
    Row("'Making a Difference' customer care programme: all 240 ward clerks & receptionists", "", "3", "", "2.2", T, SUP),
    Row("Complaints investigators trained in root cause analysis & meeting complainants face to face", "", "3", "", "4.3", T, SUP),
    Row("The Board has not received a report on patient experience since the patient experience lead left in 2007.", "", "4", "", "2.1", N, ABS),
    Row("Satisfaction with hospital food rose to 72% after patients sat on the catering tender panel as tasters; an Easy Read menu will follow next year.", "", "2", "", "1.3", N, MIX),
    Row("Patients with learning disabilities will be flagged on the patient administration system from next year so that reasonable adjustments can be planned before they arrive.", "", "1", "", "1.1", N, PLAN),
    Row("Car park barrier system replaced at the staff entrance", "5", NONE, "", NONE, I, SUP),
    Row("• Discharge letters in other languages – not yet available", "", "1", "", "3.2", B, ABS),
    Row("As our assessment recommended, we will publish the number of complaints and what we changed as a result in each quarterly Board report from next year.", "", "5", "", "4.3", S, PLAN),
)

SCHOOL: tuple[Row, ...] = (
    Row("Parent survey Jul 07: 93% say their child is happy at school (n=287)", "CM 4", "2", "", "1.3", T, SUP),
    Row("School council – 2 reps per class, meets with head fortnightly", "2", "2", "", "1.2", T, SUP),
    Row("Ofsted Nov 06: Good w/ outstanding features", "!Crit 3", "5", "", "4.2", T, SUP),
    Row("TAs – NVQ L3 Supporting Teaching & Learning, 7 of 9", "", "3", "", "2.2", T, SUP),
    Row("Breakfast club from 7.45am & after-school club to 6pm", "CM3", "1", "", "3.3", T, SUP),
    Row("Newsletters translated into Polish, Slovak & Urdu", "", "1", "", "3.2", T, SUP),
    Row("KS2 SATs 2007: 86% L4+ English, 83% maths", "Criterion One", "5", "", "4.2", T, SUP),
    Row("Parents' complaints policy on website; 4 formal complaints 2007, none to governors", "", "5", "", "4.3", T, SUP),
    Row("Attendance 95.6% (LA target 94.5%)", "C1", "5", "", "4.2", T, SUP),
    Row("Parents' evening: appts bookable online or by phone, interpreter on request", "", "1", "", "3.3", T, SUP),
    Row("Because parents told us in our survey that they rarely heard good news from school, the head introduced a weekly 'praise postcard' home for every class, and complaints about communication dropped from 12 to 3 in a year.", "", "4", "2", "4.3", N, SUP),
    Row("The governors adopted a new behaviour policy after consulting pupils, parents and staff, and it sets out clearly what pupils can expect from staff as well as what staff expect from pupils.", "", "4", "2", "2.2", N, SUP),
    Row("Our family support worker visits families at home when a child's attendance falls below 90%, and works with the education welfare service and local health visitors to help the family get the child back into school.", "", "1", "2", "3.3", N, SUP),
    Row("All staff completed training in autism awareness last year, and two teaching assistants are now qualified to lead social skills groups.", "", "3", "", "2.2", N, SUP),
    Row("We share a children's centre on the school site with the PCT and Sure Start, so parents can see the health visitor, speech therapist and family learning tutors in one place.", "", "2", "", "3.4", N, SUP),
    Row("• Prospectus includes our service standards for parents: phone calls returned same day, letters answered within 5 days", "1", "5", "", "5.1", B, SUP),
    Row("- Uniform grants for families on free school meals", "", "1", "", "3.3", B, SUP),
    Row("– Induction visits at home for every Reception child before they start", "", "1", "", "3.3", B, SUP),
    Row("* 'Meet the Head' drop-in every Friday at the gate", "CM 2", "4", "", "2.1", B, SUP),
    Row("o Governors' annual report to parents sent home and on website", "", "5", "", "3.1", B, SUP),
    Row("The school demonstrated that it knows its families well and tailors support to pupils with additional needs.", "", "1", "", "1.1", A, SUP),
    Row("Pupils' views are sought regularly and they can give clear examples of changes made as a result.", "", "2", "", "1.2", A, SUP),
    Row("Leadership is strong: the headteacher and governors have set a clear vision in which every pupil and parent is valued.", "", "4", "", "2.1", A, SUP),
    Row("Our assessor commented that the school's information for parents is of a very high quality and always up to date.", "", "1", "", "3.2", S, SUP),
    Row("No survey of parents whose children left the school in Year 6 has been carried out.", "4", "2", "", "1.3", T, ABS),
    Row("The school has not yet set standards for how quickly letters and emails from parents will be answered.", "", "5", "", "5.1", N, ABS),
    Row("From September a text messaging service will be used to tell parents about absences on the first day.", "", "1", "", "3.3", N, PLAN),
    Row("Governors set a target of 95% attendance in 2007 and the school achieved 95.6%; next year we intend to publish attendance each term in the newsletter.", "", "4", "", "4.2", N, MIX),
    Row("Ashby Road Primary School – Charter Mark evidence folder", "", NONE, "", NONE, X, SUP),
    Row("See Appendix C (parent survey analysis)", "", NONE, "", NONE, X, SUP),
    Row("Compiled by the School Business Manager", "", NONE, "", NONE, X, SUP),
    Row("Kitchen extractor fan and boiler flue replaced during half-term", "Crit 5", NONE, "", NONE, I, SUP),
    Row("Lunchtime supervisors trained in behaviour mgmt & first aid, Oct 07", "", "3", "", "2.2", T, SUP),
    Row("Governors have not yet agreed a complaints policy that meets the new DCSF guidance.", "", "4", "", "4.3", N, ABS),
    Row("Parent forum proposed for the new academic year, to be led by the deputy head", "CM2", "2", "", "1.2", T, PLAN),
    Row("Staff are caring and approachable.", "", "4", "", "2.2", A, SUP),
    Row("We have never asked pupils with special educational needs what they think of the support they receive.", "", "2", "", "1.3", N, ABS),
    Row("Ditto", "", NONE, "", NONE, X, SUP),
    Row("Our self-evaluation shows we keep the commitments in our home–school agreement on homework, communication and behaviour, and the agreement is reviewed with parents every year.", "", "5", "2", "4.2", S, SUP),
    Row("* Home–school liaison worker for Roma families: post to be re-established when funding is confirmed", "", "1", "", "3.3", B, ABS),
)

COLLEGE: tuple[Row, ...] = (
    Row("Learner voice survey 07/08: 88% would recommend college (n=2,410)", "Criterion Four", "2", "", "1.3", T, SUP),
    Row("Success rates 16–18 LR: 78% (nat avg 74%)", "C1", "5", "", "4.2", T, SUP),
    Row("Enrolment online & at 4 outreach centres, Aug–Sep", "3", "1", "", "3.3", T, SUP),
    Row("Student union reps on Academic Board & Corporation", "CM 2", "2", "", "1.2", T, SUP),
    Row("All lecturers: Cert Ed / PGCE or working towards (94%)", "", "3", "", "2.2", T, SUP),
    Row("ESOL crèche places for 24 children at Hillside centre", "3", "1", "", "3.3", T, SUP),
    Row("Student complaints 07/08: 64 recd, 58 closed in 15 days", "", "5", "", "5.3", T, SUP),
    Row("Employer forum qtrly – 35 local firms, shapes apprenticeship offer", "Crit 2", "2", "", "1.2", T, SUP),
    Row("Learner charter: courtesy, marked work back in 3 wks, named personal tutor", "CM1", "5", "", "4.1", T, SUP),
    Row("Applications processed in 5 wkg days (was 14)", "", "5", "", "5.2", T, SUP),
    Row("After the Principal heard at a learner forum that evening students found the campus closed and dark, she extended library, canteen and student services opening to 8.30pm and now meets the evening student reps every term.", "", "4", "", "3.3", N, SUP),
    Row("We analysed enrolment data by ward and found that young men from two estates were almost absent, so we worked with the youth service to run taster sessions on the estates and 38 went on to enrol.", "", "1", "2", "1.1", N, SUP),
    Row("Every personal tutor has been trained in information, advice and guidance to Level 3, so that students get consistent advice on progression and finance from their own tutor.", "", "3", "", "2.2", N, SUP),
    Row("Our course guides were rewritten with students on a focus group, and each one now says clearly how much the course costs, what equipment is needed and what it leads to.", "", "2", "1", "1.2", N, SUP),
    Row("With the local university and two schools, we run a joint 14–19 prospectus and a shared transport scheme so students can take courses across all four sites.", "", "2", "", "3.4", N, SUP),
    Row("• Learning support assessments completed within 4 weeks of start for 96% of students", "Criterion One", "5", "", "5.3", B, SUP),
    Row("- Staff development day on customer service for all support staff", "", "3", "", "2.2", B, SUP),
    Row("– Hardship fund: decisions within 5 working days, priority for care leavers", "", "1", "", "5.2", B, SUP),
    Row("* Corporation receives learner feedback report each term", "C4", "4", "", "2.1", B, SUP),
    Row("o Fees, charges and refund policy published in every prospectus", "", "5", "", "3.1", B, SUP),
    Row("The college demonstrated a culture in which learners are genuinely put first, from the Principal to reception staff.", "", "4", "", "2.1", A, SUP),
    Row("Learners' views are collected systematically and used to improve courses, and learners receive feedback on what has changed.", "", "2", "5", "1.3", A, SUP),
    Row("Support staff showed a high level of professionalism and knowledge of the services available to learners.", "", "4", "", "2.2", A, SUP),
    Row("There is evidence that complaints are analysed and that the senior team acts on recurring themes.", "", "4", "", "4.3", A, SUP),
    Row("In our self-assessment we rated ourselves partially compliant on timeliness, because we do not yet measure how quickly enquiries are answered.", "", "5", "", "5.3", S, ABS),
    Row("Course information is available only in English and in standard print.", "", "1", "", "3.2", T, ABS),
    Row("A new student services hub bringing admissions, finance and careers advice into one place is proposed for 2009.", "", "1", "", "3.3", N, PLAN),
    Row("Retention rose to 89% after the introduction of weekly tutorials; we will extend the tutorial model to part-time adult learners next year.", "", "1", "", "4.2", N, MIX),
    Row("The employer satisfaction survey lapsed in 2006 and has not been restarted.", "", "2", "", "1.3", T, ABS),
    Row("Riverbank College – Customer Service Excellence submission, March 2008", "", NONE, "", NONE, X, SUP),
    Row("Criterion 4 – Delivery: evidence to follow (TBC)", "4", NONE, "", NONE, X, SUP),
    Row("Network switches replaced in the IT suite; no change to learner access", "CM 5", NONE, "", NONE, I, SUP),
    Row("Student services: 9 advisers w/ IAG L3, service holds matrix standard", "", "3", "", "2.2", T, SUP),
    Row("No staff training on the new complaints procedure has taken place.", "", "3", "", "4.3", T, ABS),
    Row("From September, every new member of staff will complete an equality and diversity e-learning module in their first month.", "", "3", "", "2.2", N, PLAN),
    Row("The Corporation plans to appoint a governor with responsibility for the learner experience.", "", "4", "", "2.1", N, PLAN),
    Row("Co-operation with employers is effective, and learners gain from work placements arranged jointly.", "", "2", "", "3.4", A, SUP),
    Row("Reprographics photocopier contract renewed for three years", "5", NONE, "", NONE, I, SUP),
    Row("• Student services standards published: courteous service, accurate advice, appointment within 3 days, named adviser", "Crit 1", "5", "", "4.1", B, SUP),
    Row("Our assessor confirmed full compliance for 1.3; to build on it we plan to add a mid-year survey for part-time learners.", "", "2", "", "1.3", S, MIX),
)

TRANSPORT: tuple[Row, ...] = (
    Row("Bus punctuality: 91.2% of services on time at timing points (target 90%)", "CM1", "5", "", "5.3", T, SUP),
    Row("Concessionary pass applications processed in 10 days for 97%", "Criterion One", "5", "", "5.3", T, SUP),
    Row("Passenger Transport Users' Forum – 6 mtgs a yr, minutes online", "C2", "2", "", "1.2", T, SUP),
    Row("Real-time info displays at 120 stops + SMS next-bus service", "3", "1", "", "3.3", T, SUP),
    Row("Drivers – disability awareness & BTEC cust care, 212 of 240", "", "3", "", "2.2", T, SUP),
    Row("Passenger satisfaction (Bus Passenger Survey) 86%", "CM 4", "2", "", "1.3", T, SUP),
    Row("Timetables in large print & audio on request", "3", "1", "", "3.2", T, SUP),
    Row("Potholes: 94% of category 1 defects made safe in 24 hrs", "Crit 1", "5", "", "5.3", T, SUP),
    Row("Dial-a-ride: door-to-door for those who can't use buses, booking 7 days ahead", "CM3", "1", "", "3.3", T, SUP),
    Row("Complaints re bus operators: 341 logged, 83% answered in 10 days", "!Criterion Three", "5", "", "5.3", T, SUP),
    Row("Cabinet agreed to fund a Sunday and evening bus network on the three routes with no service after 7pm, after the rural transport study found that shift workers had no way to get to the hospital and the industrial estate.", "", "4", "1", "3.3", N, SUP),
    Row("We worked with the train operator and two bus companies to introduce a single 'PlusBus' ticket and to align connections at the interchange, so passengers no longer wait up to forty minutes for a connecting bus.", "", "2", "", "3.4", N, SUP),
    Row("Highways inspectors have been trained to explain repairs to residents on the spot, and they now carry cards showing the job number and when the work will be done.", "", "3", "", "2.2", N, SUP),
    Row("Our roadworks charter promises residents at least two weeks' notice of planned works, a named site contact and a phone number answered 24 hours a day, and we report how often we keep these promises.", "C1", "5", "", "4.1", N, SUP),
    Row("Older and disabled passengers mystery-shopped 40 journeys each quarter, checking that drivers lowered the bus, waited for them to sit down and called out stops.", "4", "2", "", "1.3", N, SUP),
    Row("• Travel training for young people with learning disabilities – 26 now travel to college independently", "", "1", "", "4.2", B, SUP),
    Row("- Street lighting faults: report online 24/7", "", "1", "", "3.3", B, SUP),
    Row("– School transport decisions sent within 20 days of application", "CM 1", "5", "", "5.1", B, SUP),
    Row("* Director's monthly 'ride along' with drivers and passengers", "", "4", "", "2.1", B, SUP),
    Row("o Parking fines: appeals procedure and costs published", "", "5", "", "4.3", B, SUP),
    Row("The organisation demonstrated a good understanding of its passengers, including those who do not currently use public transport.", "", "1", "", "1.1", A, SUP),
    Row("Information about services is comprehensive, but some printed timetables were found to be out of date at the bus station.", "", "1", "", "3.1", A, SUP),
    Row("Co-operation with bus operators and neighbouring authorities is well developed and benefits passengers directly.", "", "2", "", "3.4", A, SUP),
    Row("Staff are customer-focused and show real pride in the service, and the drivers interviewed spoke of the encouragement they receive from senior managers.", "", "4", "", "2.2", A, SUP),
    Row("Our assessor recognised our passenger forum and mystery shopping programme as Compliance Plus under Customer Insight.", "", "2", "", "1.2", S, SUP),
    Row("There is no published target for how quickly complaints about bus operators are answered.", "", "5", "", "5.1", T, ABS),
    Row("Audio next-stop announcements will be introduced on all council-tendered routes from 2009.", "", "1", "", "3.3", N, PLAN),
    Row("Bus stop accessibility survey completed (62% have raised kerbs); we intend to raise the remaining kerbs over three years.", "3", "1", "", "3.3", N, MIX),
    Row("The passenger panel has not met since 2006 and is to be re-established next year.", "Crit 2", "2", "", "1.2", T, ABS),
    Row("Integrated Transport Unit – Charter Mark Evidence Log, v2, updated 01/03/08", "", NONE, "", NONE, X, SUP),
    Row("Prepared by the Passenger Services Manager", "", NONE, "", NONE, X, SUP),
    Row("Gritter fleet lease renewed for five years", "CM5", NONE, "", NONE, I, SUP),
    Row("Travel enquiry line staff – NVQ L2 Customer Service, all 14", "", "3", "", "2.2", T, SUP),
    Row("Bus drivers' disability awareness training lapsed in 2006 when the operator changed.", "", "3", "", "2.2", T, ABS),
    Row("A published standard for how quickly bus stop faults are repaired is proposed for the 2009 Local Transport Plan.", "", "5", "", "5.1", N, PLAN),
    Row("We surveyed 1,800 passengers on the new routes – 84% were satisfied – and intend to repeat the survey every year.", "", "2", "", "1.3", N, MIX),
    Row("Depot fuel tanks relined to meet environmental regulations", "Criterion Five", NONE, "", NONE, I, SUP),
    Row("Concessionary pass renewals online – go-live planned Jan 09", "", "1", "", "3.3", T, PLAN),
)

HOUSING: tuple[Row, ...] = (
    Row("Emergency repairs: 98.7% attended in 24 hrs (target 98%)", "C1", "5", "", "5.3", T, SUP),
    Row("Tenant satisfaction (STATUS 2007): 82% satisfied w/ landlord overall", "4", "2", "", "1.3", T, SUP),
    Row("Tenants' & Residents' Federation: 2 seats on Housing Board", "CM 2", "2", "", "1.2", T, SUP),
    Row("Housing officers – CIH Level 3 Cert in Housing, 15 of 21", "!3", "3", "", "2.2", T, SUP),
    Row("Repairs appts: am/pm/school-run slots + Sat mornings", "Crit 3", "1", "", "3.3", T, SUP),
    Row("Tenancy sustainment: 94% of supported new tenants still in home after 12 mths", "", "1", "", "4.2", T, SUP),
    Row("Rent arrears 2.9% of debit (upper quartile)", "CM1", "5", "", "4.2", T, SUP),
    Row("Homelessness: 16/17 yr olds & DV cases seen same day by duty officer", "Criterion Three", "1", "", "5.2", T, SUP),
    Row("Tenant Compact signed w/ Federation, reviewed annually", "C2", "2", "", "3.4", T, SUP),
    Row("Re-let times avg 23 days (was 41)", "", "5", "", "5.2", T, SUP),
    Row("Anti-social behaviour cases: named case officer, victim contacted within 1 working day, action plan agreed with the victim", "1", "1", "", "3.3", T, SUP),
    Row("The Housing Board set up a repairs task group of tenants and councillors after complaints about missed appointments, and the group's recommendations – text reminders, a named surveyor for each estate and evening slots – were all adopted.", "", "4", "2", "4.3", N, SUP),
    Row("Our estate profiles combine tenancy records, the census and a door-to-door survey, and they showed that one in five tenants on the Parkside estate was over 75 and living alone, so we moved the estate office to the sheltered scheme and added a weekly surgery there.", "", "1", "", "1.1", N, SUP),
    Row("All frontline housing staff took part in a two-day course on dealing with aggression and another on mental health awareness, and the number of incidents logged against staff has fallen since.", "", "3", "", "2.2", N, SUP),
    Row("Together with the CAB, the credit union and the Primary Care Trust, we run a money advice and health drop-in at each of our four neighbourhood offices every week.", "", "2", "1", "3.4", N, SUP),
    Row("We publish our performance against the ten housing service standards every quarter in the tenants' newsletter, with a short explanation wherever we missed a standard and what we are doing about it.", "", "5", "", "4.2", N, SUP),
    Row("• Tenants' handbook in plain English, with audio CD and Braille versions", "CM 3", "1", "", "3.2", B, SUP),
    Row("- Tenant inspectors check void properties against our lettable standard", "", "2", "", "1.3", B, SUP),
    Row("– Director of Housing walks each estate with residents twice a year", "", "4", "", "2.1", B, SUP),
    Row("* Complaints: 3 stages, stage 3 reviewed by the Housing Ombudsman if unresolved", "", "5", "", "4.3", B, SUP),
    Row("o Staff code of conduct: ID badges, appointment times kept, call ahead if late", "", "4", "", "2.2", B, SUP),
    Row("1) Lettable standard published and given to every new tenant", "1", "5", "", "4.1", B, SUP),
    Row("The organisation demonstrated an excellent understanding of its tenants' needs, using profiling data to shape neighbourhood services.", "", "1", "", "1.1", A, SUP),
    Row("Tenants are involved at every level, from estate inspections to the Board, and their influence on decisions was clear.", "", "2", "", "1.2", A, SUP),
    Row("Staff are customer-focused and committed, and many tenants praised individual officers by name.", "", "4", "", "2.2", A, SUP),
    Row("Learning from complaints is well embedded: the senior management team reviews trends monthly and changes procedures where needed.", "", "4", "", "4.3", A, SUP),
    Row("There is evidence that repair appointments are kept and that most jobs are completed right first time.", "", "5", "", "5.2", A, SUP),
    Row("Our assessment highlighted as good practice the way tenants helped to write our service standards and now check that we meet them.", "", "2", "5", "4.1", S, SUP),
    Row("The assessor found that we had no up-to-date profile of leaseholders and recommended that we carry one out before the next review.", "", "1", "", "1.1", S, ABS),
    Row("No survey of tenants who have left our homes – exit interviews stopped in 2006.", "Crit 4", "2", "", "1.3", T, ABS),
    Row("Staff have not yet received training in the new choice-based lettings system; sessions are planned for May.", "", "3", "", "2.2", N, ABS),
    Row("We propose to introduce a repairs reporting service by text and email from April 2009.", "", "1", "", "3.3", N, PLAN),
    Row("The Board intends to set a target time for answering tenants' letters and emails in the 2009 service plan.", "", "4", "", "5.1", N, PLAN),
    Row("The tenants' panel on the Northgate estate lapsed in 2007 and is to be re-established with the help of the community development worker.", "CM2", "2", "", "1.2", T, ABS),
    Row("88% of tenants were satisfied with the repairs service last year; we will start surveying every tenant after each repair from next year.", "", "2", "", "1.3", N, MIX),
    Row("Eastvale Homes – Customer Service Excellence Self-Assessment 2008", "", NONE, "", NONE, X, SUP),
    Row("Evidence held in the Tenant Involvement Team's shared drive", "", NONE, "", NONE, X, SUP),
    Row("Internal audit of the housing rent accounting system completed – no significant findings", "Criterion Five", NONE, "", NONE, I, SUP),
    Row("Tenants were not consulted on the new rent payment arrangements.", "", "2", "", "1.2", N, ABS),
    Row("* Repairs satisfaction by text message – proposed for 2009/10", "", "2", "", "1.3", B, PLAN),
)

LIBRARY: tuple[Row, ...] = (
    Row("Visits 07/08: 1.24m (+6%); PLSS 1: 99% of pop within 2 miles of a static lib", "C1", "5", "", "4.2", T, SUP),
    Row("PLUS survey adults 2007: 94% rated staff helpfulness good/v good", "4", "2", "", "1.3", T, SUP),
    Row("Home library service: 410 housebound readers, monthly visit by same volunteer", "CM 3", "1", "", "3.3", T, SUP),
    Row("Saturday & Sunday opening at Central, Sun 12–4", "3", "1", "", "3.3", T, SUP),
    Row("Library assistants – ECDL & Reader Development training, all 48", "", "3", "", "2.2", T, SUP),
    Row("Stock in 14 community languages; requests met in 10 days", "Crit 3", "1", "", "3.3", T, SUP),
    Row("Reservations supplied within 15 days: 71% (PLSS 50%)", "CM1", "5", "", "5.3", T, SUP),
    Row("Friends of Libraries groups at 9 branches", "Criterion Two", "2", "", "3.4", T, SUP),
    Row("Bookstart packs to every baby via health visitors – joint with PCT", "C6", "2", "", "3.4", T, SUP),
    Row("Fines & charges leaflet + on web; concessions for over-60s, under-18s", "", "5", "", "3.1", T, SUP),
    Row("Staff training on Reader Development – 'Opening the Book' modules completed by 39 staff", "!1", "3", "", "2.2", T, SUP),
    Row("When the mobile library route was cut back, the Head of Libraries asked the villages affected what they wanted instead, and as a result we now run a 'books by post' service and a deposit collection at three village shops.", "", "4", "2", "3.3", N, SUP),
    Row("Young people designed the teen zone at Hollins Library themselves, chose the furniture and the stock, and now run a reading group there every Thursday evening.", "", "2", "", "1.2", N, SUP),
    Row("Our non-user survey of 600 residents found that many working people thought the library was only for children and pensioners, so we extended late opening and promoted our e-book and online reference services to commuters.", "", "1", "2", "1.1", N, SUP),
    Row("Every member of frontline staff has completed the Welcome to Your Library course on serving refugees and asylum seekers, and each branch has a member of staff trained to help people with ESOL and citizenship materials.", "", "3", "", "2.2", N, SUP),
    Row("We worked with Jobcentre Plus and the adult learning service to set up job clubs in six libraries, where people can use the computers with help from a trained adviser.", "", "2", "", "3.4", N, SUP),
    Row("• Large print and audio books delivered free to care homes", "", "1", "", "3.3", B, SUP),
    Row("- Library charter: what to expect from us – published standards on courtesy, accuracy, requests and complaints", "CM 1", "5", "", "4.1", B, SUP),
    Row("– Public PC use: 312,000 sessions, 89% of capacity", "", "5", "", "4.2", B, SUP),
    Row("* Comments, compliments & complaints: 'You told us' display in every branch", "", "5", "", "1.2", B, SUP),
    Row("o Cabinet Member for Culture chairs annual libraries users' conference", "", "2", "4", "1.2", B, SUP),
    Row("The service demonstrated a strong customer focus, with staff who are welcoming, knowledgeable and keen to help.", "", "4", "", "2.2", A, SUP),
    Row("Customer insight is used well: branch profiles inform stock selection, opening hours and events.", "", "1", "", "1.1", A, SUP),
    Row("The range of information available to customers about library services is good, including clear details of charges and how to join.", "", "5", "", "3.1", A, SUP),
    Row("There was limited evidence that managers have set standards for how quickly customers should be served at the counter.", "", "4", "", "5.1", A, ABS),
    Row("Co-operation with schools, children's centres and adult learning is a real strength and widens access to the service.", "", "2", "1", "3.4", A, SUP),
    Row("In its summary, the assessor praised our home library service as an outstanding example of a service designed around individual needs.", "", "1", "", "3.3", S, SUP),
    Row("Libraries users' forum not held since 2005.", "2", "2", "", "1.2", T, ABS),
    Row("There is no induction loop at any branch except Central.", "Crit 3", "1", "", "3.3", T, ABS),
    Row("Self-service issue and return machines will be introduced at the five largest branches in 2008/09, freeing staff to help customers.", "", "1", "", "3.3", N, PLAN),
    Row("We plan to survey children's satisfaction with the summer reading challenge for the first time next summer.", "", "2", "", "1.3", N, PLAN),
    Row("Book requests now reach the customer in 9 days on average (was 16); an online request tracker is to follow in the autumn.", "", "5", "", "5.2", N, MIX),
    Row("Libraries & Heritage – Evidence Matrix (Crit 1–5)", "", NONE, "", NONE, X, SUP),
    Row("Prepared by: Service Development Librarian", "", NONE, "", NONE, X, SUP),
    Row("Stock management system upgraded to version 9 over the Christmas closure", "CM5", NONE, "", NONE, I, SUP),
    Row("Library staff have not been trained to help customers use the new online catalogue.", "", "3", "", "2.2", N, ABS),
    Row("A strategy for library services to young people will be presented to Cabinet in the autumn.", "", "4", "", "2.1", N, PLAN),
    Row("- Sunday opening at branches: to be piloted at 2 sites from next year", "", "1", "", "3.3", B, PLAN),
)

LEISURE: tuple[Row, ...] = (
    Row("Leisure card: 50% off for JSA, pension credit & carers – 3,940 holders", "Criterion Three", "1", "", "3.3", T, SUP),
    Row("Quest accreditation 2007: Highly Commended at 3 centres", "C4", "5", "", "4.2", T, SUP),
    Row("Customer comments cards: 1,022 recd; 71% compliments", "4", "2", "", "1.3", T, SUP),
    Row("Lifeguards: NPLQ current 100%, 12 staff NVQ L2 Sport & Rec", "!CM 6", "3", "", "2.2", T, SUP),
    Row("Women-only swim sessions Sun eve & Wed am at 2 pools", "3", "1", "", "3.3", T, SUP),
    Row("GP exercise referral w/ PCT – 640 referred, 58% completed 12 wks", "Crit 6", "2", "", "3.4", T, SUP),
    Row("Users' forum each centre, 4x a year", "CM2", "2", "", "1.2", T, SUP),
    Row("Pool hoist at all sites; changing places toilet at Riverside", "Criterion Three", "1", "", "3.3", T, SUP),
    Row("Bookings: phone answered in 20 secs 84% of calls", "C1", "5", "", "5.3", T, SUP),
    Row("Customer care training for all casual staff before 1st shift", "", "3", "", "2.2", T, SUP),
    Row("Complaints: 87 recd, avg response 6 days v standard 10", "", "5", "", "5.3", T, SUP),
    Row("Members' satisfaction survey 2007: 89% satisfied; results & action plan on reception noticeboards", "4", "5", "2", "1.3", T, SUP),
    Row("The Portfolio Holder and the Head of Leisure agreed to keep the Westbrook pool open after consultation with the swimming clubs, schools and older swimmers showed how much it was used, and they funded a new timetable with more public sessions.", "", "4", "2", "3.3", N, SUP),
    Row("Our sports development officers worked with the mosque, the Somali community association and two schools to set up girls' football and badminton sessions, and the number of Asian and Somali girls taking part rose from 12 to 115.", "", "2", "", "3.4", N, SUP),
    Row("All duty managers completed the Institute of Sport and Recreation Management certificate, and three are now mentoring new supervisors.", "", "3", "", "2.2", N, SUP),
    Row("Disabled users and carers tested the new centre's access before it opened, and changes they asked for – a lower reception desk, colour contrast on steps and a quieter changing area – were made before handover.", "", "2", "1", "1.2", N, SUP),
    Row("We analysed leisure card data and found that only 4% of holders lived in the two most deprived wards, so we now run free 'try it' sessions at community centres there.", "", "1", "", "1.1", N, SUP),
    Row("• Clear price list and refund policy at every reception and online", "", "5", "", "3.1", B, SUP),
    Row("- Online class booking launched Sept 07", "", "1", "", "3.3", B, SUP),
    Row("– Class cancellations: members texted at least 2 hours before", "", "1", "", "3.3", B, SUP),
    Row("* Staff 'Going the Extra Mile' awards presented by the Chief Executive each quarter", "", "4", "", "2.1", B, SUP),
    Row("o Mystery shopper visits monthly by users from the over-50s forum", "", "2", "", "1.3", B, SUP),
    Row("The organisation demonstrated a commitment to widening participation that runs from elected members to front-line staff.", "", "4", "", "2.1", A, SUP),
    Row("Staff are friendly and professional, and customers interviewed said they felt welcome regardless of ability.", "", "4", "", "2.2", A, SUP),
    Row("There is evidence that customer feedback is acted upon, for example changes to the swimming timetable and new family changing.", "", "2", "", "1.3", A, SUP),
    Row("Information about activities is attractive and well distributed, though not available in formats other than print.", "", "1", "", "3.2", A, SUP),
    Row("Our assessment report noted that timeliness standards for bookings and enquiries were clear and consistently met.", "", "5", "", "5.3", S, SUP),
    Row("We accepted the assessor's finding that we do not yet know why people stop using our centres.", "", "1", "", "1.1", S, ABS),
    Row("There has been no review of the price concessions since 2004.", "CM 3", "1", "", "3.3", T, ABS),
    Row("A customer charter setting out our standards for cleanliness, courtesy and safety will be introduced in 2009.", "1", "5", "", "4.1", N, PLAN),
    Row("From next year all new staff will complete disability awareness training in their first month.", "", "3", "", "2.2", N, PLAN),
    Row("Swimming lesson waiting list down from 600 to 120; a second teaching pool is proposed for 2010.", "", "5", "", "5.2", N, MIX),
    Row("Leisure Services: Customer Service Excellence – portfolio of evidence, Section 2", "", NONE, "", NONE, X, SUP),
    Row("Signed off by the Head of Leisure and Culture, 28/02/2008", "", NONE, "", NONE, X, SUP),
    Row("Pool plant room: filters and dosing pumps renewed", "Crit 5", NONE, "", NONE, I, SUP),
    Row("Users will be consulted on the new centre's opening hours before it opens in 2010.", "", "2", "", "1.2", N, PLAN),
    Row("• Exit survey of lapsed members – not yet started", "", "1", "", "1.1", B, ABS),
)

REGISTRATION: tuple[Row, ...] = (
    Row("Birth registration appts within 5 wkg days of request: 97%", "CM1", "5", "", "5.3", T, SUP),
    Row("Certificate postal applications dispatched in 10 days (std 15)", "Criterion One", "5", "", "5.3", T, SUP),
    Row("Register births at the maternity unit – Mon/Wed/Fri sessions", "C3", "1", "", "3.3", T, SUP),
    Row("Ceremony couples' survey: 98% v satisfied (n=412)", "4", "2", "", "1.3", T, SUP),
    Row("Registrars – LRSO Cert in Registration Services, 8 of 10", "!CM 2", "3", "", "2.2", T, SUP),
    Row("Fees for certificates & ceremonies published on web & in leaflet", "", "5", "", "3.1", T, SUP),
    Row("Death registration: same-day appts for faiths requiring quick burial", "3", "1", "", "5.2", T, SUP),
    Row("Tell Us Once pilot w/ DWP & HMRC – bereaved families tell govt once", "Crit 2", "2", "1", "3.4", T, SUP),
    Row("Complaints 07/08: 6 recd, 5 resolved informally", "", "5", "", "4.3", T, SUP),
    Row("Citizenship ceremonies monthly, private ceremony on request", "CM3", "1", "", "3.3", T, SUP),
    Row("The Superintendent Registrar reorganised appointments after listening to funeral directors and bereaved families, so that every death can now be registered within two working days and the paperwork reaches the funeral director the same day.", "", "4", "2", "5.2", N, SUP),
    Row("We worked with the hospital bereavement office, local funeral directors and faith leaders to write a single guide on what to do after a death, which is given to every family at the hospital.", "", "2", "1", "3.4", N, SUP),
    Row("All registration staff have been trained in bereavement awareness by Cruse, and new staff shadow an experienced registrar for their first ten death registrations.", "", "3", "", "2.2", N, SUP),
    Row("We asked couples who had married with us in the previous year what they valued, and used what they told us to redesign the ceremony room, introduce Sunday ceremonies and offer a choice of readings.", "", "1", "2", "3.3", N, SUP),
    Row("Our published standards for registration customers cover courtesy, privacy, accuracy of certificates, waiting no more than 10 minutes beyond your appointment and a reply to letters within 5 days.", "Criterion One", "5", "", "4.1", N, SUP),
    Row("• Guidance on giving notice of marriage in 6 languages", "C3", "1", "", "3.2", B, SUP),
    Row("- Accuracy: 99.8% of entries error-free at annual GRO check", "1", "5", "", "4.2", B, SUP),
    Row("– Hearing loop in every interview room", "CM 3", "1", "", "3.3", B, SUP),
    Row("* Head of Service meets every new member of staff on their first day", "", "4", "", "2.1", B, SUP),
    Row("o Home visits to register births or deaths for housebound informants", "", "1", "", "3.3", B, SUP),
    Row("The registration service demonstrated a sensitive, customer-centred approach, particularly towards bereaved families.", "", "4", "", "2.2", A, SUP),
    Row("Staff are highly professional and show empathy and discretion, even when dealing with complex or distressing cases.", "", "4", "", "2.2", A, SUP),
    Row("The service has a good understanding of the different groups it serves and has adapted its arrangements for faith communities.", "", "1", "", "1.1", A, SUP),
    Row("Performance against timeliness standards is monitored weekly and reported to customers.", "", "5", "", "5.3", A, SUP),
    Row("Summary of our assessment: Compliance Plus for 3.4, reflecting our work with funeral directors and the hospital.", "", "2", "", "3.4", S, SUP),
    Row("No customer survey of people registering a death has ever been carried out.", "4", "2", "", "1.3", T, ABS),
    Row("The registration pages of the council website have not yet been checked for accessibility.", "", "1", "", "3.2", N, ABS),
    Row("Online booking for registration appointments will be introduced in 2009.", "", "1", "", "3.3", N, PLAN),
    Row("We intend to set up a forum of funeral directors to meet twice a year.", "Crit 2", "2", "", "3.4", N, PLAN),
    Row("Wait for a birth registration appointment fell to 3 days; from next year we will publish waiting times monthly.", "", "5", "", "5.2", N, MIX),
    Row("Register Office – CSE Evidence Log 2008 (DRAFT)", "", NONE, "", NONE, X, SUP),
    Row("Approved: Superintendent Registrar", "", NONE, "", NONE, X, SUP),
    Row("Strong room fire suppression system serviced", "CM5", NONE, "", NONE, I, SUP),
    Row("Continued overleaf", "", NONE, "", NONE, X, SUP),
    Row("Sat am ceremonies & certificate collection – from Apr 09", "", "1", "", "3.3", T, PLAN),
)

PLANNING: tuple[Row, ...] = (
    Row("Major apps determined in 13 wks: 74% (BVPI 109a target 60%)", "Criterion One", "5", "", "5.3", T, SUP),
    Row("Householder apps in 8 wks: 91%", "C1", "5", "", "5.3", T, SUP),
    Row("Pre-application advice service – free for householders, charged for majors", "3", "1", "", "3.3", T, SUP),
    Row("Statement of Community Involvement adopted Nov 06", "CM 2", "4", "2", "1.2", T, SUP),
    Row("Planning officers – RTPI membership 100%, CPD logged annually", "", "3", "", "2.2", T, SUP),
    Row("Applicants' survey 2007: 78% satisfied w/ service", "4", "2", "", "1.3", T, SUP),
    Row("All apps, plans & decisions viewable online since Jan 07", "", "5", "", "3.1", T, SUP),
    Row("Appeals allowed: 28% (nat avg 33%)", "Crit 1", "5", "", "4.2", T, SUP),
    Row("Duty planner at the One Stop Shop Mon–Fri 9–1, no appt needed", "CM3", "1", "", "3.3", T, SUP),
    Row("Enforcement complaints acknowledged within 3 days, site visit within 10", "!Criterion Six", "5", "", "5.1", T, SUP),
    Row("Planning agents' forum 3x yr", "C2", "2", "", "1.2", T, SUP),
    Row("The Head of Planning restructured the team into area-based groups after agents complained that applications passed through too many hands; each application now has one named case officer from validation to decision.", "", "4", "1", "4.3", N, SUP),
    Row("Consultation on the town centre Area Action Plan included exhibitions in empty shop units, a youth workshop run by the youth council and an online map where residents could pin their comments; 2,300 people took part.", "", "2", "", "1.2", N, SUP),
    Row("Our 'Guide to planning for householders' was rewritten in plain English by officers who had completed a Plain English Campaign course, and it now explains in simple steps when permission is needed.", "", "3", "1", "3.2", N, SUP),
    Row("Neighbouring councils, the county highways team and the Environment Agency agreed a joint protocol so consultation responses on major applications arrive within 21 days.", "", "2", "", "3.4", N, SUP),
    Row("The Development Control Committee now lets applicants and objectors speak for three minutes each, and the protocol is published with every committee agenda.", "", "4", "5", "1.2", N, SUP),
    Row("• Validation checklist published so applicants know what to submit", "", "5", "", "3.1", B, SUP),
    Row("- Invalid applications down from 42% to 19% after checklist and agents' workshops", "", "5", "", "5.2", B, SUP),
    Row("– Planning committee agendas & minutes on web 5 days before meeting", "", "5", "", "3.1", B, SUP),
    Row("* Customer care training for technical support staff, Sept 07", "", "3", "", "2.2", B, SUP),
    Row("o Planning service plan 2008/09 approved by Executive, with customer targets", "2", "4", "", "2.1", B, SUP),
    Row("The organisation demonstrated a clear commitment to openness, with all decisions and the reasons for them available to the public.", "", "5", "", "3.1", A, SUP),
    Row("Applicants and agents are consulted regularly and can show how their suggestions have improved the service.", "", "2", "", "1.2", A, SUP),
    Row("Staff are knowledgeable and helpful, though some customers commented that officers could be hard to contact by phone.", "", "4", "", "2.2", A, SUP),
    Row("There is evidence that speed of decision-making has improved steadily over three years.", "", "5", "", "5.2", A, SUP),
    Row("Our self-assessment found that we meet all 57 elements except those on customer insight, where we do not yet know enough about people who object to applications.", "", "1", "", "1.1", S, ABS),
    Row("No target has been set for answering enforcement complaints by telephone.", "", "5", "", "5.1", T, ABS),
    Row("We do not publish how many planning complaints we receive or what happened to them.", "", "5", "", "4.3", N, ABS),
    Row("An online planning application tracking service is proposed for 2009/10.", "", "1", "", "3.3", N, PLAN),
    Row("The planning users' panel has not met since the 2006 restructure.", "CM 2", "2", "", "1.2", T, ABS),
    Row("Training on the new Local Development Framework will be provided for all planning staff next year.", "", "3", "", "2.2", N, PLAN),
    Row("Householder decisions in 8 weeks rose to 91%; from April we will offer a fast-track 'prior approval' service for small extensions.", "", "5", "", "5.3", N, MIX),
    Row("Development Management – Charter Mark Assessment 2007: Evidence Reference Index", "", NONE, "", NONE, X, SUP),
    Row("Author: Planning Performance Officer (ext 4471)", "", NONE, "", NONE, X, SUP),
    Row("Microfiche archive of pre-1990 planning files scanned and boxed for off-site storage", "5", NONE, "", NONE, I, SUP),
    Row("o Customer charter for planning – not published; drafting has not started", "", "5", "", "4.1", B, ABS),
)

REVENUES: tuple[Row, ...] = (
    Row("HB new claims: avg 19 days (BVPI 78a, target 24)", "Crit 1", "5", "", "5.3", T, SUP),
    Row("CTax collection 97.8% (top quartile)", "CM1", "5", "", "4.2", T, SUP),
    Row("HB take-up campaign with Age Concern – 312 new pensioner claims", "Criterion Six", "2", "", "3.4", T, SUP),
    Row("Visiting officers for housebound claimants – claims taken at home", "C3", "1", "", "3.3", T, SUP),
    Row("Benefit assessors – IRRV Technician level, 11 of 14", "!1", "3", "", "2.2", T, SUP),
    Row("Claim form redesigned w/ claimants' panel – 12 pages down to 6", "CM 2", "2", "1", "1.2", T, SUP),
    Row("Terminally ill claimants: claim paid within 48 hrs", "", "1", "", "5.2", T, SUP),
    Row("CTax e-billing: 4,100 sign-ups since Jan 07", "", "1", "", "3.3", T, SUP),
    Row("Benefits accuracy: 98.6% of cases correct (BVPI 79a)", "1", "5", "", "4.2", T, SUP),
    Row("Customer survey (revs & bens): 81% satisfied, results in CTax leaflet", "Crit 4", "5", "2", "1.3", T, SUP),
    Row("Appeals to the Tribunal: 41 lodged, 9 decisions overturned", "", "5", "", "4.3", T, SUP),
    Row("Complaints about recovery action: stage 1 reply within 10 days, 92%", "", "5", "", "5.3", T, SUP),
    Row("Following a Member-led scrutiny review of benefit delays, the Executive funded four extra assessors and a document-scanning system, and new claims are now decided in an average of 19 days against 36 days two years ago.", "", "4", "", "5.2", N, SUP),
    Row("We share a benefits advice desk with Jobcentre Plus and the Pension Service at the Civic Centre, so people claiming Jobseeker's Allowance or Pension Credit can make their housing benefit claim in the same visit.", "", "2", "1", "3.4", N, SUP),
    Row("Every benefits officer completed a course on dealing with customers in debt, run with the money advice service, and the number of customers referred for independent advice has doubled.", "", "3", "", "2.2", N, SUP),
    Row("Our take-up analysis compared benefit caseloads with census and DWP data and showed that working families and private tenants were least likely to claim, so we targeted letters and advice sessions at them.", "", "1", "", "1.1", N, SUP),
    Row("Council tax bills now include a plain English explanation of where the money goes and how the charge compares with last year, together with the council's performance against its published standards.", "", "5", "", "3.1", N, SUP),
    Row("• Right-first-time on benefit changes: 93% (was 85%)", "", "5", "", "5.2", B, SUP),
    Row("- Benefits decision letters rewritten with the Plain English Campaign", "", "1", "", "3.2", B, SUP),
    Row("– Revenues manager chairs weekly performance huddle with front-line staff", "", "4", "", "2.1", B, SUP),
    Row("* Reconsiderations: explained in leaflet and on every decision letter", "", "5", "", "4.3", B, SUP),
    Row("o Evening phone line until 7pm during annual billing", "", "1", "", "3.3", B, SUP),
    Row("The organisation demonstrated a strong focus on getting benefit claims right first time and paying people quickly.", "", "4", "", "5.2", A, SUP),
    Row("Customer insight is used to design take-up campaigns, and the service knows which groups are under-claiming.", "", "1", "", "1.1", A, SUP),
    Row("Staff are customer-focused and treat claimants with dignity and respect, including those in arrears.", "", "4", "", "2.2", A, SUP),
    Row("Co-operation with advice agencies is good, but the assessor saw little evidence of joint working with private landlords.", "", "2", "", "3.4", A, SUP),
    Row("We were assessed as fully compliant on timeliness, with particular credit for our performance on new claims.", "", "5", "", "5.3", S, SUP),
    Row("No claimants' forum since the 2005 panel lapsed.", "CM2", "2", "", "1.2", T, ABS),
    Row("We have no standard for how quickly council tax letters are answered.", "", "5", "", "5.1", N, ABS),
    Row("Benefit staff have not been trained in deaf awareness or working with interpreters.", "", "3", "", "3.3", N, ABS),
    Row("Online benefit claims will be introduced from April 2009, with help available at all libraries.", "", "1", "", "3.3", N, PLAN),
    Row("We intend to publish our benefit processing times on the website each quarter from next year.", "", "5", "", "5.3", N, PLAN),
    Row("81% of customers were satisfied with the benefits service in the 2007 survey, and we intend to re-establish a claimants' panel in 2008.", "Criterion Four", "2", "", "1.3", N, MIX),
    Row("Revenues & Benefits Service – Charter Mark 2007/08 – Criterion 3 evidence", "C3", NONE, "", NONE, X, SUP),
    Row("Prepared by the Revenues and Benefits Improvement Manager on behalf of the Head of Financial Services and the Customer Services Board, for submission to the assessor in March 2008", "", NONE, "", NONE, X, SUP),
    Row("Document imaging servers replaced under the corporate IT refresh programme", "5", NONE, "", NONE, I, SUP),
    Row("The Executive has not yet decided whether to fund a home visiting service for benefit claims in rural areas.", "", "4", "", "3.3", N, ABS),
    Row("– Complaints handling training for benefits staff: none since 2006, course booked for Oct", "", "3", "", "4.3", B, ABS),
)

OTHER: tuple[Row, ...] = (
    Row("Trading Standards: consumer advice calls answered in 30 secs 88%", "CM 1", "5", "", "5.3", T, SUP),
    Row("Env Health: food premises – 92% of high-risk inspections done on time", "1", "5", "", "4.2", T, SUP),
    Row("Missed bins collected within 24 hrs of report: 96%", "Crit 1", "5", "", "5.3", T, SUP),
    Row("Assisted bin collection for 1,140 residents unable to move their bins", "CM3", "1", "", "3.3", T, SUP),
    Row("Contact centre advisers – all completed 6-wk induction incl. 2 wks shadowing", "", "3", "", "2.2", T, SUP),
    Row("Coroner's officers – bereavement & communication skills course, Feb 08", "", "3", "", "2.2", T, SUP),
    Row("Museum: touch tours & BSL-interpreted talks monthly", "Criterion Three", "1", "", "3.3", T, SUP),
    Row("Jobcentre: personal adviser caseload – 41% of lone parents into work within 12 months", "", "1", "", "4.2", T, SUP),
    Row("Courts: witness service run with Victim Support at every hearing centre", "C2", "2", "", "3.4", T, SUP),
    Row("CMT approved a customer access strategy 2008–11, champion named for each directorate", "", "4", "", "2.1", T, SUP),
    Row("When recycling rates stalled, the Director of Environment asked residents in the five lowest-recycling wards why they did not recycle, and the crews now leave a tag explaining why a bin was not emptied and a number to call.", "", "4", "2", "1.2", N, SUP),
    Row("All contact centre staff were retrained on the new CRM system and on handling complaints at first contact, and the share of complaints resolved at stage 1 rose from 61% to 84%.", "", "3", "", "4.3", N, SUP),
    Row("The Chief Executive's monthly staff briefings always include one customer story, good or bad, and a team is nominated for the 'Customer First' award each quarter.", "", "4", "", "2.1", N, SUP),
    Row("Environmental health officers completed training in interviewing through interpreters, so that inspections of takeaways run by people with little English are fair and the advice is understood.", "", "3", "", "3.3", N, SUP),
    Row("Managers completed the council's 'Leading for Customers' programme, which covers coaching, setting service standards with teams and using customer feedback in supervision.", "", "3", "", "2.2", N, SUP),
    Row("• Trading Standards: Buy With Confidence scheme – approved traders list on web and in libraries", "6", "2", "", "3.4", B, SUP),
    Row("- Pest control: free treatment for households on benefits", "", "1", "", "3.3", B, SUP),
    Row("– Bulky waste: collection date offered at time of call, within 10 working days", "CM 1", "5", "", "5.1", B, SUP),
    Row("* New starter mentoring: every new adviser has a named mentor for 3 months", "", "3", "", "2.2", B, SUP),
    Row("o Food hygiene ratings for every premises published online", "", "5", "", "3.1", B, SUP),
    Row("The organisation demonstrated a clear vision for customer service, and the customer access strategy is understood and owned by managers across the council.", "", "4", "", "2.1", A, SUP),
    Row("Training and development are given a high priority, and staff at all levels could describe how their training had helped them serve customers better.", "", "3", "", "2.2", A, SUP),
    Row("Putting the customer at the heart of service delivery is a shared value across every team visited.", "", "4", "", "2.1", A, SUP),
    Row("There is good evidence that staff are consulted about changes and that their ideas have been adopted.", "", "4", "", "2.1", A, SUP),
    Row("Our overall assessment result was full compliance, with two partial compliances for 1.3 and 5.1 which we expect to close within three months.", "", "5", "", "4.2", S, SUP),
    Row("No refresher customer care training has been run for contact centre staff since 2005.", "", "3", "", "2.2", T, ABS),
    Row("The staff suggestion scheme lapsed when the intranet was replaced and has not been restarted.", "", "4", "", "2.1", T, ABS),
    Row("A mentoring scheme for new team leaders will be introduced from next April.", "", "3", "", "2.2", N, PLAN),
    Row("Corporate equality scheme adopted by Cabinet in 2007; equality impact assessments of all frontline services are to be completed by March 2009.", "", "4", "", "2.1", N, MIX),
    Row("Customer Services Directorate – Contents", "", NONE, "", NONE, X, SUP),
    Row("xx – figures to be added", "", NONE, "", NONE, X, SUP),
    Row("Payroll system migrated to the new finance platform", "5", NONE, "", NONE, I, SUP),
    Row("The council's customer access strategy has not been reviewed since 2005.", "", "4", "", "2.1", T, ABS),
    Row("In our summary for Cabinet we reported that the assessor found our corporate customer service standards clear, but noted that not every service measures itself against them.", "", "5", "", "4.1", S, SUP),
    Row("Trading Standards: named contact for every doorstep crime victim – proposed 2009", "", "1", "", "3.3", T, PLAN),
)

# fmt: on

SECTORS: dict[str, tuple[Row, ...]] = {
    "police": POLICE,
    "fire_rescue": FIRE,
    "gp_practice": GP,
    "hospital": HOSPITAL,
    "school": SCHOOL,
    "college": COLLEGE,
    "transport": TRANSPORT,
    "housing": HOUSING,
    "library": LIBRARY,
    "leisure": LEISURE,
    "registration": REGISTRATION,
    "planning": PLANNING,
    "revenues_benefits": REVENUES,
    "other": OTHER,
}

OUTPUT = Path(__file__).with_name("fresh_statements.csv")


def check_row(sector: str, row: Row) -> None:
    """Raise ValueError if a row breaks the labeling conventions of docs/labeling.md and FRESH.md."""
    problems = row_problems(row, evidence=row.style not in NON_EVIDENCE_STYLES, kind=row.kind)
    if row.cm_ref == MISLEADING:
        problems.append("cm_ref is a bare marker")
    if row.style not in STYLES:
        problems.append(f"style {row.style!r} unknown")
    raise_problems(sector, row.text, problems)


def build_rows() -> Iterator[dict[str, str]]:
    """Yield the CSV records in id order, with derived columns filled in."""
    unique = UniqueTexts()
    number = 0
    for sector, rows in SECTORS.items():
        for row in rows:
            check_row(sector, row)
            unique.add(sector, row.text)
            number += 1
            yield sector_record(f"F{number:04d}", SPLIT, sector, row, row.cm_ref.removeprefix(MISLEADING))


def write_csv(path: Path) -> int:
    """Write the set to ``path`` and return the number of data rows."""
    return write_records(path, COLUMNS, list(build_rows()))


def summary() -> str:
    """Return the set's sizes by sector, style, kind and label, for FRESH.md."""
    rows = [row for rows in SECTORS.values() for row in rows]
    lines = [f"rows: {len(rows)}"]
    lines.append(
        f"misleading cm_ref: {sum(row.cm_ref.startswith(MISLEADING) for row in rows)}; any cm_ref: {sum(bool(row.cm_ref) for row in rows)}"
    )
    lines.append(f"with five_points_alt: {sum(bool(row.five_points_alt) for row in rows)}")
    lines.append("sector: " + ", ".join(f"{name} {len(rows_)}" for name, rows_ in SECTORS.items()))
    for title, values in (
        ("style", [row.style for row in rows]),
        ("kind", [row.kind for row in rows]),
        ("five_points", [row.five_points for row in rows]),
        ("cse_criterion", [row.cse_subcriterion.split(".")[0] for row in rows]),
        ("cse_subcriterion", [row.cse_subcriterion for row in rows]),
    ):
        counts = Counter(values)
        lines.append(f"{title}: " + ", ".join(f"{key} {counts[key]}" for key in sorted(counts)))
    return "\n".join(lines)


def main() -> None:
    """Regenerate tests/data/fresh_statements.csv next to this script and print its sizes."""
    count = write_csv(OUTPUT)
    print(f"wrote {count} rows to {OUTPUT}")
    print(summary())


if __name__ == "__main__":
    main()
