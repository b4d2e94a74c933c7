"""Build the fresh held-out statement set (``tests/data/fresh_statements.csv``), described in FRESH.md.

These statements were written by an independent writer who never read the lexicons in ``mappings/``, the texts of
the labeled corpus, or any matcher output, and labeled by the project's labeling spec (criteria-definitions.md,
moved into the project's docs) plus the extra rules of ``tests/data/LABELING.md``. The set is frozen: never tune
rules, lexicons or thresholds on it. FRESH.md says how to look at it and where looks are logged.

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

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class Row(NamedTuple):
    """One labeled statement as typed in the data tables below."""

    text: str
    cm_ref: str
    five_points: str
    five_points_alt: str
    cse_subcriterion: str
    style: str
    kind: str


COLUMNS = (
    "id",
    "split",
    "text",
    "cm_ref",
    "five_points",
    "five_points_alt",
    "cse_criterion",
    "cse_subcriterion",
    "style",
    "sector",
    "kind",
)

FIVE_POINTS = frozenset({"1", "2", "3", "4", "5"})
CSE_SUBCRITERIA = frozenset(
    {"1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"}
)
NONE = "NONE"
SPLIT = "fresh"
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
    Row("Victim satisfaction 2007/08: 84% satisfied w/ whole experience (n=1,204)", "4.1", "2", "", "1.3", T, SUP),
    Row("PACT mtgs: residents vote 3 priorities per n'hood each qtr", "2", "2", "", "1.2", T, SUP),
    Row("Front counter hrs extended to 8pm Mon–Thu at Central stn", "3.2", "1", "", "3.3", T, SUP),
    Row("999 answered in 10 secs: 93.4% v target 90%", "1", "5", "", "5.3", T, SUP),
    Row("Call handlers NVQ L3 Contact Centre – 22 of 30 achieved", "!6", "3", "", "2.2", T, SUP),
    Row("Hate crime reporting leaflet in 9 community langs + Easy Read", "3", "1", "", "3.2", T, SUP),
    Row("Complaints v police 07/08: 212 recorded (-14%), 9 IPCC appeals, 2 upheld", "!2.4", "5", "", "4.3", T, SUP),
    Row("No IAG mtg since Oct 06 – group lapsed when chair resigned", "2", "2", "", "1.2", T, ABS),
    Row("Quality of Service Commitment published: named officer, update at least every 28 days, polite & fair treatment, call-back on request", "1", "5", "", "4.1", T, SUP),
    Row("After a run of complaints from burglary victims who felt forgotten, the Chief Superintendent ordered a review of victim contact; every victim is now visited within 48 hours and keeps the same named investigating officer until the case is closed.", "", "4", "1", "4.3", N, SUP),
    Row("Our neighbourhood team shares a base on the Moorside estate with the council's wardens, the fire service and two housing associations, so residents can raise anti-social behaviour, repairs and fire safety worries in a single visit.", "", "2", "1", "3.4", N, SUP),
    Row("Every new custody officer completes a five-day course on detainee rights, mental health awareness and vulnerable people, with an annual refresher run by the force training school.", "", "3", "", "2.2", N, SUP),
    Row("Reports from independent custody visitors, together with the force's response to each one, are published on the Police Authority website.", "", "5", "", "3.1", N, SUP),
    Row("When our residents' survey showed that people under 25 would never come to a public meeting, we set up an online 'Have your say' panel for 16–25s which now has 340 members and feeds into the PACT priorities.", "", "1", "2", "1.2", N, SUP),
    Row("• SNT contact cards delivered to every household: names, mobile numbers and email of your local team", "", "1", "", "3.3", B, SUP),
    Row("- Crime prevention advice line now open Saturdays 9–1", "", "1", "", "3.3", B, SUP),
    Row("* Lost property enquiries resolved at first contact: 76% (was 58%)", "", "5", "", "5.2", B, SUP),
    Row("o Citizen Focus board chaired monthly by the Deputy Chief Constable, reporting to the Police Authority", "2", "4", "", "2.1", B, SUP),
    Row("1) Domestic abuse: same-day visit by a specialist officer for high-risk victims", "", "1", "", "5.2", B, SUP),
    Row("The organisation demonstrated a clear commitment to citizen focus, led visibly by the Chief Constable and understood by officers at every level.", "", "4", "", "2.1", A, SUP),
    Row("Staff are customer-focused and courteous; the enquiry officers observed handled difficult callers with patience and professionalism.", "", "4", "", "2.2", A, SUP),
    Row("Customer insight is used to target neighbourhood patrols and engagement at the groups least likely to report crime.", "", "1", "", "1.1", A, SUP),
    Row("Partnership working with the local authority, health and the voluntary sector is a particular strength of the division.", "", "2", "", "3.4", A, SUP),
    Row("Complaints are dealt with promptly and fairly, and lessons learned are shared across the division through the professional standards bulletin.", "", "5", "4", "4.3", A, SUP),
    Row("Our assessor awarded Compliance Plus for the way PACT priorities are agreed with residents at open meetings.", "", "2", "", "1.2", S, SUP),
    Row("The assessment report noted one partial compliance: we could not show that victim satisfaction results are published to the public.", "", "5", "", "1.3", S, ABS),
    Row("Text message updates for victims of crime will be introduced across the force from April 2009.", "", "1", "", "3.3", N, PLAN),
    Row("No published standard yet for how quickly non-emergency calls are answered – proposed for 2009/10.", "1.1", "5", "", "5.1", T, ABS),
    Row("Northfield Constabulary – Charter Mark Reassessment Portfolio 2007/08", "", NONE, "", NONE, X, SUP),
    Row("Prepared by Insp. R. Dhillon, Citizen Focus Unit, with contributions from the Call Management Centre, Professional Standards and all six Neighbourhood Policing Teams", "", NONE, "", NONE, X, SUP),
    Row("Firearms range ventilation system replaced, on time and within budget", "5", NONE, "", NONE, I, SUP),
)

FIRE: tuple[Row, ...] = (
    Row("HFSC: 4,812 home fire safety checks 07/08, 61% to over-65s", "6", "1", "", "4.2", T, SUP),
    Row("Free smoke alarms fitted for deaf residents – vibrating pad & strobe", "3", "1", "", "3.3", T, SUP),
    Row("Attendance standard: 1st appliance within 8 mins for 75% of dwelling fires – published in IRMP", "1.1", "5", "", "5.1", T, SUP),
    Row("1st appliance in 8 mins achieved 79.2% of dwelling fires (std 75%)", "1", "5", "", "5.3", T, SUP),
    Row("IRMP 2008–11 consultation: 9 public mtgs, 1,100 questionnaires, 3 focus grps", "2.1", "2", "", "1.2", T, SUP),
    Row("Watch mgrs – ILM L3 leadership cert, 18 of 24 complete", "", "3", "", "2.2", T, SUP),
    Row("Business fire safety guide for small traders – 4 pages, plain English", "!5", "1", "", "3.1", T, SUP),
    Row("Post-incident survey: 96% v satisfied/satisfied w/ crew conduct", "4", "2", "", "1.3", T, SUP),
    Row("Complaints 07/08: 23 received, all ack'd in 2 working days, 20 resolved at stage 1", "", "5", "", "4.3", T, SUP),
    Row("Accidental dwelling fires down 18% over 3 yrs", "4", "5", "", "4.2", T, SUP),
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
    Row("The business fire safety survey has not taken place since 2005.", "4", "2", "", "1.3", T, ABS),
    Row("We intend to extend home fire safety checks to evenings and Saturdays from next year so working households can be visited.", "", "1", "", "3.3", N, PLAN),
    Row("97% of residents visited said the check was useful (2007/08 survey); we plan to repeat the survey with business premises in 2009.", "", "2", "", "1.3", N, MIX),
    Row("Criterion 1: Set standards and perform well", "1", NONE, "", NONE, X, SUP),
    Row("Approved by the Chief Fire Officer for submission – 14 March 2008", "", NONE, "", NONE, X, SUP),
    Row("Breathing apparatus compressor at Eastgate workshop replaced under the capital programme", "5", NONE, "", NONE, I, SUP),
)

GP: tuple[Row, ...] = (
    Row("Extended hrs: Tue & Thu 6.30–8pm, Sat 8–11am from Apr 08", "3", "1", "", "3.3", T, SUP),
    Row("PPG (patient participation grp) meets qtrly, 14 members", "2", "2", "", "1.2", T, SUP),
    Row("GPAQ 2007: 91% could see a GP within 2 working days", "1", "5", "", "5.3", T, SUP),
    Row("Receptionists – customer care & confidentiality training, all 9 staff, Jan 08", "", "3", "", "2.2", T, SUP),
    Row("Practice leaflet: opening times, services, how to complain, named partners", "", "1", "", "3.1", T, SUP),
    Row("Telephone triage by duty GP – same-day call-back for all urgent requests", "", "1", "", "3.3", T, SUP),
    Row("Complaints 07/08: 11 recd, all responded in 10 wkg days", "", "5", "", "5.3", T, SUP),
    Row("Travelling families: registration w/o proof of address, named HV contact", "3", "1", "", "3.3", T, SUP),
    Row("QOF 2007/08: 998/1000 points", "!2", "5", "", "4.2", T, SUP),
    Row("Online repeat prescription ordering introduced Nov 07 – 420 pts registered", "", "1", "", "3.3", T, SUP),
    Row("When the partners saw that patients were ringing up to six times before 8.30 to get through, they reorganised the reception rota so that four staff answer the phones at opening time, and the average wait to answer fell from 4 minutes to under one.", "", "4", "", "5.2", N, SUP),
    Row("Our practice nurse runs a diabetes clinic at the mosque on Friday afternoons, in partnership with the imam and a Punjabi-speaking health trainer, because many older men never came to the surgery for reviews.", "", "2", "1", "3.4", N, SUP),
    Row("We asked the patient group to help us redesign the appointment system, and they tested three versions of the new booking card before we chose one.", "", "2", "", "1.2", N, SUP),
    Row("Each patient over 75 has a named GP responsible for their care, and those who are housebound receive an annual review at home from the same nurse.", "", "1", "", "3.3", N, SUP),
    Row("The practice manager reviews every complaint with the partners at the monthly meeting and records what we changed as a result, for example moving the blood clinic earlier so working patients can attend.", "", "4", "", "4.3", N, SUP),
    Row("• Hearing loop fitted at reception and in consulting room 2", "3", "1", "", "3.3", B, SUP),
    Row("- Interpreter booked automatically when patient's record shows language need", "", "1", "", "3.3", B, SUP),
    Row("– Results of patient survey displayed in waiting room and on website", "", "5", "", "1.3", B, SUP),
    Row("* New registrations processed in 2 days (was 7)", "", "5", "", "5.2", B, SUP),
    Row("1. Partners' development plan includes one customer-service objective for every member of staff", "", "4", "", "2.1", B, SUP),
    Row("The practice demonstrated a genuine commitment to putting patients at the heart of everything it does, led by the senior partner.", "", "4", "", "2.1", A, SUP),
    Row("Reception staff were knowledgeable and helpful, and patients interviewed spoke highly of their attitude.", "", "4", "", "2.2", A, SUP),
    Row("There was little evidence that the practice knows which groups in its catchment are not registering or not attending.", "", "1", "", "1.1", A, ABS),
    Row("Our assessment summary: full compliance in all 15 sub-criteria, with Compliance Plus for access and for our work with the patient group.", "", "1", "2", "3.3", S, SUP),
    Row("No patient survey since the 2006 GPAQ – the partners decided not to repeat it.", "4", "2", "", "1.3", T, ABS),
    Row("We propose to offer email consultations for simple queries once the PCT approves the system.", "", "1", "", "3.3", N, PLAN),
    Row("Patients have not yet been told what was done about the issues raised in last year's survey.", "", "5", "", "1.2", N, ABS),
    Row("Practice accessibility audit done Feb 08 (ramp, low counter, accessible WC in place); automatic front door to be installed in the summer.", "3", "1", "", "3.3", N, MIX),
    Row("Willow Lane Surgery – Customer Service Excellence Self-Assessment", "", NONE, "", NONE, X, SUP),
    Row("Page 4 of 19", "", NONE, "", NONE, X, SUP),
    Row("Signed: Dr A. Okafor (Senior Partner) and Mrs J. Penrose (Practice Manager), on behalf of the partnership, following the practice meeting of 3 March 2008", "", NONE, "", NONE, X, SUP),
    Row("New practice server installed and clinical system migrated over the Easter weekend", "5", NONE, "", NONE, I, SUP),
)

HOSPITAL: tuple[Row, ...] = (
    Row("A&E 4-hr standard: 98.3% seen, treated & discharged/admitted", "1", "5", "", "5.3", T, SUP),
    Row("PALS: 1,612 contacts 07/08, 88% resolved w/in 5 wkg days", "", "5", "", "5.3", T, SUP),
    Row("Inpatient survey (Healthcare Commission) 2007: 79% rated care excellent/very good", "4", "2", "", "1.3", T, SUP),
    Row("Ward housekeepers – NVQ L2 Cleaning & Support Services, 41 qualified", "", "3", "", "2.2", T, SUP),
    Row("Patient info leaflets reviewed by Readers' Panel before print", "2", "2", "", "1.2", T, SUP),
    Row("MRSA bacteraemias 07/08: 14 (trajectory 19)", "!3", "5", "", "4.2", T, SUP),
    Row("Open visiting on maternity & children's wards", "3", "1", "", "3.3", T, SUP),
    Row("Learning disability passport – staff read it before any procedure", "", "1", "", "1.1", T, SUP),
    Row("Free parking for carers of long-stay & palliative patients", "3", "1", "", "3.3", T, SUP),
    Row("Complaints: 512 recd, 31% about communication; responded within 25 days 71%", "!1.1", "5", "", "5.3", T, SUP),
    Row("The Trust Board agreed in 2007 to fund a team of Polish and Portuguese-speaking patient advocates, after an equality analysis showed that migrant workers were missing outpatient appointments because they did not understand the letters.", "", "4", "1", "3.3", N, SUP),
    Row("The Trust's Patient Experience Group, chaired by a non-executive director, looks at complaint themes every month and has led changes such as the discharge lounge and a direct phone number for each ward.", "", "4", "", "4.3", N, SUP),
    Row("Over 300 nurses attended the 'Dignity in Care' workshops, which use patients' own stories to show how small things such as closing curtains and using the patient's preferred name make a difference.", "", "3", "", "2.2", N, SUP),
    Row("We worked with the county council and the ambulance trust to set up a single discharge team, so patients leave hospital with transport, equipment and home care already arranged.", "", "2", "", "3.4", N, SUP),
    Row("Our published Patient Promise sets out what every patient can expect: to be called by name, to be told who is looking after them, to have pain controlled, to eat and drink well and to be treated with dignity.", "1", "5", "", "4.1", N, SUP),
    Row("• 'You said, we did' boards on every ward, updated monthly from patient feedback", "", "5", "", "1.2", B, SUP),
    Row("- Outpatient letters rewritten in plain English with a map and parking guide", "", "1", "", "3.2", B, SUP),
    Row("– Cancer patients: urgent GP referral seen within 14 days, 99.1%", "1", "5", "", "5.3", B, SUP),
    Row("* Chaplaincy and bereavement service available 24 hrs for all faiths", "", "1", "", "3.3", B, SUP),
    Row("o Stroke unit: 82% of patients spend 90% of their stay on the unit", "", "5", "", "4.2", B, SUP),
    Row("The Trust demonstrated a strong commitment to improving the patient experience, with a clear strategy endorsed by the Board.", "", "4", "", "2.1", A, SUP),
    Row("Patient feedback is gathered in many ways, but there is limited evidence of feedback from groups such as young people and people with learning disabilities.", "", "2", "", "1.2", A, ABS),
    Row("The clear complaints procedure is well publicised, and complainants receive a personal response from the Chief Executive.", "", "5", "", "4.3", A, SUP),
    Row("Staff throughout the hospital showed a genuine pride in their work and a caring attitude towards patients and visitors.", "", "4", "", "2.2", A, SUP),
    Row("Following our assessment, we were asked to show more clearly how outpatient waiting times are reported to patients, and we now publish them monthly on the Trust website.", "", "5", "", "5.3", S, SUP),
    Row("Waiting times for outpatient clinics are not published to patients.", "1", "5", "", "5.3", T, ABS),
    Row("We plan to introduce a text reminder service for outpatient appointments from autumn 2008 to cut missed appointments.", "", "1", "", "3.3", N, PLAN),
    Row("Nurse-led pre-assessment clinic cut day-surgery cancellations on the day by 40%; a similar clinic for orthopaedics will be set up next year.", "", "5", "", "4.2", N, MIX),
    Row("The patients' forum was disbanded in 2008 when it was replaced by the LINk, and no replacement arrangement has yet been agreed with the Trust.", "2", "2", "", "1.2", N, ABS),
    Row("St Aidan's Hospitals NHS Foundation Trust – annual review 2007/08", "", NONE, "", NONE, X, SUP),
    Row("Version 3.2 – draft for Patient Experience Group, not for circulation", "", NONE, "", NONE, X, SUP),
    Row("Theatre air-handling units upgraded in line with HTM 03-01; no change to patient services", "5", NONE, "", NONE, I, SUP),
)

SCHOOL: tuple[Row, ...] = (
    Row("Parent survey Jul 07: 93% say their child is happy at school (n=287)", "4", "2", "", "1.3", T, SUP),
    Row("School council – 2 reps per class, meets with head fortnightly", "2", "2", "", "1.2", T, SUP),
    Row("Ofsted Nov 06: Good w/ outstanding features", "!3", "5", "", "4.2", T, SUP),
    Row("TAs – NVQ L3 Supporting Teaching & Learning, 7 of 9", "", "3", "", "2.2", T, SUP),
    Row("Breakfast club from 7.45am & after-school club to 6pm", "3", "1", "", "3.3", T, SUP),
    Row("Newsletters translated into Polish, Slovak & Urdu", "", "1", "", "3.2", T, SUP),
    Row("KS2 SATs 2007: 86% L4+ English, 83% maths", "1", "5", "", "4.2", T, SUP),
    Row("Parents' complaints policy on website; 4 formal complaints 2007, none to governors", "", "5", "", "4.3", T, SUP),
    Row("Attendance 95.6% (LA target 94.5%)", "1", "5", "", "4.2", T, SUP),
    Row("Parents' evening: appts bookable online or by phone, interpreter on request", "", "1", "", "3.3", T, SUP),
    Row("Because parents told us in our survey that they rarely heard good news from school, the head introduced a weekly 'praise postcard' home for every class, and complaints about communication dropped from 12 to 3 in a year.", "", "4", "2", "4.3", N, SUP),
    Row("The governors adopted a new behaviour policy after consulting pupils, parents and staff, and it sets out clearly what pupils can expect from staff as well as what staff expect from pupils.", "", "4", "2", "2.2", N, SUP),
    Row("Our family support worker visits families at home when a child's attendance falls below 90%, and works with the education welfare service and local health visitors to help the family get the child back into school.", "", "1", "2", "3.3", N, SUP),
    Row("All staff completed training in autism awareness last year, and two teaching assistants are now qualified to lead social skills groups.", "", "3", "", "2.2", N, SUP),
    Row("We share a children's centre on the school site with the PCT and Sure Start, so parents can see the health visitor, speech therapist and family learning tutors in one place.", "", "2", "", "3.4", N, SUP),
    Row("• Prospectus includes our service standards for parents: phone calls returned same day, letters answered within 5 days", "1", "5", "", "5.1", B, SUP),
    Row("- Uniform grants for families on free school meals", "", "1", "", "3.3", B, SUP),
    Row("– Induction visits at home for every Reception child before they start", "", "1", "", "3.3", B, SUP),
    Row("* 'Meet the Head' drop-in every Friday at the gate", "2", "4", "", "2.1", B, SUP),
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
    Row("Kitchen extractor fan and boiler flue replaced during half-term", "5", NONE, "", NONE, I, SUP),
)

COLLEGE: tuple[Row, ...] = (
    Row("Learner voice survey 07/08: 88% would recommend college (n=2,410)", "4", "2", "", "1.3", T, SUP),
    Row("Success rates 16–18 LR: 78% (nat avg 74%)", "1", "5", "", "4.2", T, SUP),
    Row("Enrolment online & at 4 outreach centres, Aug–Sep", "3", "1", "", "3.3", T, SUP),
    Row("Student union reps on Academic Board & Corporation", "2", "2", "", "1.2", T, SUP),
    Row("All lecturers: Cert Ed / PGCE or working towards (94%)", "", "3", "", "2.2", T, SUP),
    Row("ESOL crèche places for 24 children at Hillside centre", "3", "1", "", "3.3", T, SUP),
    Row("Student complaints 07/08: 64 recd, 58 closed in 15 days", "", "5", "", "5.3", T, SUP),
    Row("Employer forum qtrly – 35 local firms, shapes apprenticeship offer", "2", "2", "", "1.2", T, SUP),
    Row("Learner charter: courtesy, marked work back in 3 wks, named personal tutor", "1", "5", "", "4.1", T, SUP),
    Row("Applications processed in 5 wkg days (was 14)", "", "5", "", "5.2", T, SUP),
    Row("After the Principal heard at a learner forum that evening students found the campus closed and dark, she extended library, canteen and student services opening to 8.30pm and now meets the evening student reps every term.", "", "4", "", "3.3", N, SUP),
    Row("We analysed enrolment data by ward and found that young men from two estates were almost absent, so we worked with the youth service to run taster sessions on the estates and 38 went on to enrol.", "", "1", "2", "1.1", N, SUP),
    Row("Every personal tutor has been trained in information, advice and guidance to Level 3, so that students get consistent advice on progression and finance from their own tutor.", "", "3", "", "2.2", N, SUP),
    Row("Our course guides were rewritten with students on a focus group, and each one now says clearly how much the course costs, what equipment is needed and what it leads to.", "", "2", "1", "1.2", N, SUP),
    Row("With the local university and two schools, we run a joint 14–19 prospectus and a shared transport scheme so students can take courses across all four sites.", "", "2", "", "3.4", N, SUP),
    Row("• Learning support assessments completed within 4 weeks of start for 96% of students", "1", "5", "", "5.3", B, SUP),
    Row("- Staff development day on customer service for all support staff", "", "3", "", "2.2", B, SUP),
    Row("– Hardship fund: decisions within 5 working days, priority for care leavers", "", "1", "", "5.2", B, SUP),
    Row("* Corporation receives learner feedback report each term", "4", "4", "", "2.1", B, SUP),
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
    Row("Network switches replaced in the IT suite; no change to learner access", "5", NONE, "", NONE, I, SUP),
)

TRANSPORT: tuple[Row, ...] = (
    Row("Bus punctuality: 91.2% of services on time at timing points (target 90%)", "1", "5", "", "5.3", T, SUP),
    Row("Concessionary pass applications processed in 10 days for 97%", "1", "5", "", "5.3", T, SUP),
    Row("Passenger Transport Users' Forum – 6 mtgs a yr, minutes online", "2", "2", "", "1.2", T, SUP),
    Row("Real-time info displays at 120 stops + SMS next-bus service", "3", "1", "", "3.3", T, SUP),
    Row("Drivers – disability awareness & BTEC cust care, 212 of 240", "", "3", "", "2.2", T, SUP),
    Row("Passenger satisfaction (Bus Passenger Survey) 86%", "4", "2", "", "1.3", T, SUP),
    Row("Timetables in large print & audio on request", "3", "1", "", "3.2", T, SUP),
    Row("Potholes: 94% of category 1 defects made safe in 24 hrs", "1", "5", "", "5.3", T, SUP),
    Row("Dial-a-ride: door-to-door for those who can't use buses, booking 7 days ahead", "3", "1", "", "3.3", T, SUP),
    Row("Complaints re bus operators: 341 logged, 83% answered in 10 days", "!3", "5", "", "5.3", T, SUP),
    Row("Cabinet agreed to fund a Sunday and evening bus network on the three routes with no service after 7pm, after the rural transport study found that shift workers had no way to get to the hospital and the industrial estate.", "", "4", "1", "3.3", N, SUP),
    Row("We worked with the train operator and two bus companies to introduce a single 'PlusBus' ticket and to align connections at the interchange, so passengers no longer wait up to forty minutes for a connecting bus.", "", "2", "", "3.4", N, SUP),
    Row("Highways inspectors have been trained to explain repairs to residents on the spot, and they now carry cards showing the job number and when the work will be done.", "", "3", "", "2.2", N, SUP),
    Row("Our roadworks charter promises residents at least two weeks' notice of planned works, a named site contact and a phone number answered 24 hours a day, and we report how often we keep these promises.", "1", "5", "", "4.1", N, SUP),
    Row("Older and disabled passengers mystery-shopped 40 journeys each quarter, checking that drivers lowered the bus, waited for them to sit down and called out stops.", "4", "2", "", "1.3", N, SUP),
    Row("• Travel training for young people with learning disabilities – 26 now travel to college independently", "", "1", "", "4.2", B, SUP),
    Row("- Street lighting faults: report online 24/7", "", "1", "", "3.3", B, SUP),
    Row("– School transport decisions sent within 20 days of application", "1", "5", "", "5.1", B, SUP),
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
    Row("The passenger panel has not met since 2006 and is to be re-established next year.", "2", "2", "", "1.2", T, ABS),
    Row("Integrated Transport Unit – Charter Mark Evidence Log, v2, updated 01/03/08", "", NONE, "", NONE, X, SUP),
    Row("Prepared by the Passenger Services Manager", "", NONE, "", NONE, X, SUP),
    Row("Gritter fleet lease renewed for five years", "5", NONE, "", NONE, I, SUP),
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
}

OUTPUT = Path(__file__).with_name("fresh_statements.csv")


def check_row(sector: str, row: Row) -> None:
    """Raise ValueError if a row breaks the labeling conventions of LABELING.md and FRESH.md."""
    problems: list[str] = []
    if row.text != row.text.strip() or not row.text:
        problems.append("text is empty or has surrounding whitespace")
    if row.cm_ref != row.cm_ref.strip() or row.cm_ref == MISLEADING:
        problems.append("cm_ref has surrounding whitespace or is a bare marker")
    if row.style not in STYLES:
        problems.append(f"style {row.style!r} unknown")
    if row.kind not in KINDS:
        problems.append(f"kind {row.kind!r} unknown")
    if row.style in NON_EVIDENCE_STYLES or row.five_points == NONE or row.cse_subcriterion == NONE:
        if (row.five_points, row.five_points_alt, row.cse_subcriterion, row.kind) != (NONE, "", NONE, SUP):
            problems.append("NONE rows must be NONE / empty / NONE / support")
        if row.style not in NON_EVIDENCE_STYLES:
            problems.append("NONE rows must have style noise or irrelevant")
    else:
        if row.five_points not in FIVE_POINTS:
            problems.append(f"five_points {row.five_points!r} not in 1-5")
        if row.cse_subcriterion not in CSE_SUBCRITERIA:
            problems.append(f"cse_subcriterion {row.cse_subcriterion!r} unknown")
        if row.five_points_alt and (row.five_points_alt not in FIVE_POINTS or row.five_points_alt == row.five_points):
            problems.append(f"five_points_alt {row.five_points_alt!r} invalid")
    if problems:
        raise ValueError(f"{sector} row {row.text[:60]!r}: {'; '.join(problems)}")


def build_rows() -> Iterator[dict[str, str]]:
    """Yield the CSV records in id order, with derived columns filled in."""
    seen: dict[str, str] = {}
    number = 0
    for sector, rows in SECTORS.items():
        for row in rows:
            check_row(sector, row)
            key = " ".join(row.text.casefold().split())
            if key in seen:
                raise ValueError(f"duplicate text in {sector} (first seen in {seen[key]}): {row.text!r}")
            seen[key] = sector
            number += 1
            criterion = row.cse_subcriterion.split(".")[0] if row.cse_subcriterion != NONE else NONE
            yield {
                "id": f"F{number:04d}",
                "split": SPLIT,
                "text": row.text,
                "cm_ref": row.cm_ref.removeprefix(MISLEADING),
                "five_points": row.five_points,
                "five_points_alt": row.five_points_alt,
                "cse_criterion": criterion,
                "cse_subcriterion": row.cse_subcriterion,
                "style": row.style,
                "sector": sector,
                "kind": row.kind,
            }


def write_csv(path: Path) -> int:
    """Write the set to ``path`` and return the number of data rows."""
    records = list(build_rows())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return len(records)


def summary() -> str:
    """Return the set's sizes by sector, style, kind and label, for FRESH.md."""
    rows = [row for rows in SECTORS.values() for row in rows]
    lines = [f"rows: {len(rows)}"]
    lines.append(f"misleading cm_ref: {sum(row.cm_ref.startswith(MISLEADING) for row in rows)}; any cm_ref: {sum(bool(row.cm_ref) for row in rows)}")
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
