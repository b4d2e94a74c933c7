"""Build the third development extension of the labeled corpus: more statements in the voices where errors stay.

Cross-validation over the first two extensions (``build_dev_extra.py``, ``build_dev_extra2.py``) said that more
training statements in the voices that still fail would move accuracy more than tuning would. This script adds
them, written afresh and in twenty sectors (the thirteen of the first extension plus courts, a national revenue
agency, a museums service, parks, environmental health, a coroner's office and trading standards): the evaluative
voice of CSE assessment reports and of organisations' summaries of them ("There is a strong corporate commitment
to ...", "Staff are customer-focused and ...", "Customer insight is used to ..."); narrative sentences and bullets
that name several themes where one is the point ("Although the service also ..., the change that mattered was
..."), so that a side word must not decide; short statements about staff, their training and their attitude;
absences, plans and mixtures of fact and plan; and lines that are not evidence (titles, cover and index lines,
authorship and sign-off lines of every length, and activities with no customer side). Every row is labeled by
``docs/labeling.md``, including the ``kind`` label, before anyone looked at how the matcher or the classifier
scores it. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra3.py

The id, split and CSE criterion are derived here, never typed. Before writing, every row is checked by
``corpus_checks.py``: known labels, alt different from the primary, NONE rows consistent, no text repeated
(case- and space-insensitively) within this file or in the earlier corpora, and no text so close to one of theirs
that the two share at least 80% of their words (Jaccard similarity of the word sets), so that a statement is never
counted twice when all the files are trained on or folded together.
"""

# Long one-line rows keep the data readable and diffable; the typographic dashes in the texts are deliberate.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from corpus_checks import (
    SECTOR_COLUMNS,
    N,
    R,
    Row,
    UniqueTexts,
    check_sector_row,
    corpus_texts,
    near_duplicates,
    sector_records,
    write_records,
)

# Re-exported names the tests use to build rows of their own.
__all__ = ["N", "R", "Row", "build_rows", "check_row", "write_csv"]

# fmt: off

POLICE: tuple[Row, ...] = (
    R("There is a strong corporate commitment to putting victims first, and it is driven from the top by the chief officer team.", "4", "2.1", "assessor"),
    R("The force showed how it uses ward profiles and a residents' survey to find out which people feel least safe and least heard.", "1", "1.1", "assessor"),
    R("Enquiry office staff are customer-focused and knowledgeable, and they dealt patiently with the mystery shopper's questions about lost property.", "4", "2.2", "assessor"),
    R("Feedback from the quarterly victim survey is used to improve how officers keep people updated, and the results are discussed at every area performance meeting.", "2", "1.3", "assessor"),
    R("Officers and council wardens patrol the town centre together at weekends, and the assessor saw real co-operation in the way problems are passed between them.", "2", "3.4", "assessor"),
    R("The complaints process is clear and well publicised, and Professional Standards staff could explain every stage of it.", "5", "4.3", "assessor"),
    R("There was limited evidence that neighbourhood teams tell residents what they did about the priorities agreed at PACT meetings.", "5", "1.2", "assessor", "absence"),
    R("We received Compliance Plus for the way vulnerable and intimidated witnesses are each given a named officer who stays with them until the trial ends.", "1", "3.3", "summary"),
    R("The assessment report recorded a partial compliance because our standard for answering non-emergency calls is not published anywhere.", "5", "5.1", "summary", "absence"),
    R("Front counter staff are polite and patient.", "4", "2.2", "staff_short"),
    R("Officers are well trained in handling domestic abuse calls.", "3", "2.2", "staff_short"),
    R("Beat managers know their streets and the people who live in them.", "4", "2.2", "staff_short"),
    R("Alongside the PACT meetings and the new website, what made most difference to Asian women reporting domestic abuse was a female officer holding a weekly drop-in session at the Sure Start centre.", "1", "3.3", "narrative"),
    R("Although satisfaction is high, the Chief Constable asked every district to adopt one set of customer standards covering courtesy, keeping appointments and giving each caller a crime reference and an officer's name.", "4", "4.1", "narrative"),
    R("Control room call handlers completed a two-day course on recognising vulnerable and repeat callers, and the share of repeat victims identified at first contact rose from 30% to 75%.", "3", "4.2", "narrative"),
    R("Each neighbourhood team reports its priorities, what it did about them and the crime figures for its ward in a newsletter delivered to every home each quarter.", "5", "4.2", "narrative"),
    R("• Independent advisory group of community members reviews the policing of critical incidents and large events", "2", "1.2", "bullet"),
    R("- Text relay and a BSL video line for deaf callers on the non-emergency number", "1", "3.3", "bullet"),
    R("Victim satisfaction, whole experience, 2007/08: 84.6% (up 3 pts)", "2", "1.3", "terse"),
    R("No public meeting on neighbourhood priorities has been held in Castlegate since the beat manager left in 2007.", "2", "1.2", "narrative", "absence"),
    R("Letters to victims are still sent only in English, and there is no arrangement for translating them.", "1", "3.2", "narrative", "absence"),
    R("From 2009 the force intends to ring every burglary victim a month after the crime to ask how satisfied they were with the investigation.", "2", "1.3", "narrative", "plan"),
    R("A community panel has scrutinised stop and search records since 2006; a separate panel of young people is proposed for next year.", "2", "1.2", "narrative", "mixed"),
    N("Section 4 – Delivery: list of evidence items and where each is held", "noise"),
    N("Signed on behalf of the Police Authority by its Chair, Councillor M. Okafor, following the Performance Committee meeting of 3 March 2009, and countersigned by the Chief Executive", "noise"),
    N("Replacement of the vehicle tracking units across the marked fleet", "irrelevant"),
)

FIRE: tuple[Row, ...] = (
    R("Service users were unanimous that firefighters are courteous, reassuring and take time to explain things.", "4", "2.2", "assessor"),
    R("The Fire Authority has embedded a clear customer ethos, and members take an active interest in how the public experiences the service.", "4", "2.1", "assessor"),
    R("Risk mapping combines health, housing and deprivation data to identify the households most in need of prevention work, including people who never ask for help.", "1", "1.1", "assessor"),
    R("The service works closely with age concern groups, housing providers and the ambulance trust, and referrals flow both ways.", "2", "3.4", "assessor"),
    R("Evidence showed that the results of consultation on the Integrated Risk Management Plan genuinely changed the plan, notably the decision to keep a second appliance at Hollins.", "2", "1.2", "assessor"),
    R("Attendance standards are published, monitored monthly and reported to the public in the annual performance report.", "5", "5.1", "assessor"),
    R("Leaflets are produced in the main community languages and in large print, though the assessor found some out-of-date telephone numbers.", "1", "3.2", "assessor"),
    R("Our assessor praised the crews' commitment to prevention, singling out the station that ran safety sessions in every sheltered housing scheme on its ground.", "4", "2.2", "summary"),
    R("We gained full compliance, with one partial compliance on how we use complaints to improve the service.", "5", "4.2", "summary"),
    R("Crews are proud of their community.", "4", "2.2", "staff_short"),
    R("All firefighters hold the NVQ in community safety.", "3", "2.2", "staff_short"),
    R("Control operators are calm and well informed.", "4", "2.2", "staff_short"),
    R("Besides fitting alarms and running the cadets, the station's biggest change was opening its community room to residents' groups, which now book it for meetings four evenings a week.", "1", "3.3", "narrative"),
    R("The Chief Fire Officer reviews every complaint personally each month with the area managers, and two changes to the way crews leave properties after a fire came from that review.", "4", "4.3", "narrative", alt="5"),
    R("When a survey of people whose homes had been damaged by fire showed they felt abandoned once the engines left, the service produced a 'what happens next' pack covering insurers, housing and emotional support.", "1", "3.1", "narrative"),
    R("Home fire safety checks are offered in the evening and at weekends, and householders can choose a male or female officer.", "1", "3.3", "narrative"),
    R("• Safety advice for deaf households filmed in BSL with subtitles", "1", "3.2", "bullet"),
    R("• Quarterly meetings with the Fire Authority's community forum on prevention priorities", "2", "1.2", "bullet"),
    R("Response to primary fires within 8 mins: 88% (standard 85%)", "5", "5.3", "terse"),
    R("The service has never asked business owners what they think of the way fire safety inspections are carried out.", "2", "1.3", "narrative", "absence"),
    R("Joint visits with the falls prevention team stopped in 2007 and have not resumed.", "2", "3.4", "narrative", "absence"),
    R("A members' champion for equality will be appointed at the next annual meeting of the Fire Authority.", "4", "2.1", "narrative", "plan"),
    R("Every secondary school had a road safety talk this year, and we plan to add a session for learner drivers at the two colleges.", "5", "4.2", "narrative", "mixed"),
    N("Appendix F – map of fire stations and their station grounds (not to scale)", "noise"),
    N("Prepared by the Community Safety Manager", "noise"),
    N("Appliance bay doors replaced at Hollins and Marsh Lane stations", "irrelevant"),
)

GP: tuple[Row, ...] = (
    R("The practice has a genuine culture of putting patients first, led by partners who expect every member of staff to treat patients as they would wish to be treated.", "4", "2.1", "assessor"),
    R("Receptionists are friendly and discreet, and patients told the assessor they never feel rushed.", "4", "2.2", "assessor"),
    R("The patient survey is repeated every year and the practice can show changes it made as a result, including extra telephone lines at 8 am.", "2", "1.3", "assessor"),
    R("The practice knows who its patients are: its registers of carers, patients with learning disabilities and homeless patients are kept up to date and used.", "1", "1.1", "assessor"),
    R("Staff training is well organised, with protected learning time each month and a record of each person's courses.", "3", "2.2", "assessor"),
    R("There is good co-operation with the district nursing team, the local hospice and social services, with a weekly meeting about patients at the end of life.", "2", "3.4", "assessor"),
    R("The practice could not show that it checks how long patients wait to be seen once they arrive for an appointment.", "5", "5.3", "assessor", "absence"),
    R("Our assessment summary highlights the Patient Participation Group, which helped redesign the appointment system and now meets every two months.", "2", "1.2", "summary"),
    R("The assessor commended our practice leaflet and website for explaining clearly how to get repeat prescriptions, test results and home visits.", "1", "3.1", "summary"),
    R("Receptionists are kind and helpful.", "4", "2.2", "staff_short"),
    R("The practice nurses are approachable.", "4", "2.2", "staff_short"),
    R("All reception staff completed customer care training.", "3", "2.2", "staff_short"),
    R("Although the practice also improved its telephone system and published a new leaflet, the change patients valued most was the Saturday morning surgery the partners agreed to open in 2008.", "4", "3.3", "narrative"),
    R("Following complaints about the telephone queue, the practice manager listened to a week of calls, changed the rota so that three receptionists answer the phone between 8 and 9, and the average wait fell from eleven minutes to three.", "4", "5.2", "narrative"),
    R("The practice's annual report tells patients how many appointments were offered, how many were missed and what the practice did about the results of the patient survey.", "5", "4.2", "narrative"),
    R("Patients whose first language is not English can book a double appointment with a telephone interpreter, and reception staff note the language on the record.", "1", "3.3", "narrative"),
    R("• Named GP for every patient over 75", "1", "3.3", "bullet"),
    R("- Complaints leaflet in the waiting room explains how to go to the Ombudsman", "5", "4.3", "bullet"),
    R("QOF points 2007/08: 998.6 of 1,000", "5", "4.2", "terse"),
    R("There is no hearing loop at the reception desk.", "1", "3.3", "terse", "absence"),
    R("The practice has no information for patients in Polish, although one patient in twelve is Polish-speaking.", "1", "3.2", "narrative", "absence"),
    R("We plan to let patients book and cancel appointments online from the spring.", "1", "3.3", "narrative", "plan"),
    R("Ninety-one per cent of patients could see a GP within 48 hours in the last survey; the partners intend to add a nurse-led minor illness clinic next year.", "5", "5.3", "narrative", "mixed"),
    N("Whitebridge Surgery – Customer Service Excellence self-assessment, December 2008", "noise"),
    N("Document owner: Practice Manager. Review date: annually. Version 1.4", "noise"),
    N("Practice server replaced and clinical system data migrated over a weekend", "irrelevant"),
)

HOSPITAL: tuple[Row, ...] = (
    R("The Trust board has made patient experience one of its three strategic priorities, and a non-executive director champions it.", "4", "2.1", "assessor"),
    R("Ward staff are compassionate and attentive, and relatives spoke warmly of the way nurses kept them informed.", "4", "2.2", "assessor"),
    R("PALS is well known, easy to reach and resolves most concerns informally within days.", "5", "4.3", "assessor"),
    R("Insight from the inpatient survey is used well: noise at night, the most common complaint, led to quiet hours and ear plugs on every ward.", "2", "1.3", "assessor"),
    R("Information for patients is comprehensive and consistent, from appointment letters to discharge leaflets.", "1", "3.1", "assessor"),
    R("The Trust works in partnership with the council, the ambulance service and voluntary groups to support patients leaving hospital, and delayed discharges have fallen.", "2", "3.4", "assessor"),
    R("There is a strong sense of corporate commitment to dignity in care, reinforced by the Chief Nurse's weekly ward walkabouts.", "4", "2.1", "assessor"),
    R("Compliance Plus was awarded for our Patient Panel, which has reviewed every new patient leaflet since 2006.", "2", "1.2", "summary", alt="1"),
    R("Our assessor found that waiting time standards are clear, but that outpatients are not told on arrival how long the clinic is running late.", "5", "5.1", "summary", "mixed"),
    R("Porters chat kindly with patients on the way to theatre.", "4", "2.2", "staff_short"),
    R("Healthcare assistants are trained in dementia care.", "3", "2.2", "staff_short"),
    R("Clinic receptionists treat patients with dignity.", "4", "2.2", "staff_short"),
    R("As well as new signage and a volunteer guide service at the main entrance, the Trust gave patients with learning disabilities a hospital passport that travels with them and tells staff how they communicate.", "1", "3.3", "narrative"),
    R("Eighty-three per cent of inpatients rated their care as excellent or very good in the national survey, and the results are displayed on every ward together with the actions taken.", "5", "1.3", "narrative", alt="2"),
    R("After a run of complaints about cancelled operations, the medical director set up a weekly theatre scheduling meeting, and on-the-day cancellations fell from 6% to 2%.", "4", "4.2", "narrative"),
    R("All consultants and junior doctors in the emergency department attended a workshop on breaking bad news, run with the local bereavement service.", "3", "2.2", "narrative"),
    R("• Interpreters booked automatically when the referral letter gives a language", "1", "3.3", "bullet"),
    R("• Patient stories read at the start of every Trust board meeting", "4", "2.1", "bullet"),
    R("A&E: 98.3% seen and discharged or admitted within 4 hours (2007/08)", "5", "5.3", "terse"),
    R("The Trust does not yet survey outpatients, so their experience is not measured at all.", "2", "1.3", "narrative", "absence"),
    R("Mealtime volunteers stopped helping on the elderly care wards when the coordinator left, and the scheme has not been restarted.", "2", "3.4", "narrative", "absence"),
    R("A single telephone number for all outpatient appointments is proposed for 2009.", "1", "3.3", "narrative", "plan"),
    R("The renal unit opened an evening dialysis session in 2008 so that patients can keep working, and we intend to do the same in the satellite unit.", "1", "3.3", "narrative", "mixed"),
    N("St Anne's Hospital NHS Trust – portfolio of evidence, Criterion 2, page 14 of 40", "noise"),
    N("This submission was compiled by the Patient Experience Team with contributions from the divisional governance leads and approved by the Director of Nursing and the Trust Secretary", "noise"),
    N("Sterile services department re-equipped with two new washer disinfectors", "irrelevant"),
)

SCHOOL: tuple[Row, ...] = (
    R("The headteacher and governors set high expectations for the way parents are treated, and this is understood by all staff.", "4", "2.1", "assessor"),
    R("Teachers and support staff are approachable, and parents said concerns are dealt with quickly and without fuss.", "4", "2.2", "assessor"),
    R("The school consults parents widely, through an annual questionnaire, year-group forums and a parents' council with elected representatives.", "2", "1.2", "assessor"),
    R("Pupil data is analysed by ethnicity, free school meals and special needs so that the school knows which groups are falling behind.", "1", "1.1", "assessor"),
    R("Information for parents is clear and helpful, with a prospectus, termly newsletters and a website that is kept up to date.", "1", "3.1", "assessor"),
    R("The school works effectively with the children's centre, the educational psychology service and the police schools officer.", "2", "3.4", "assessor"),
    R("The complaints policy is fair, but it is not on the website and few parents knew it existed.", "5", "4.3", "assessor", "mixed"),
    R("Our assessor was impressed by the parents' council, which chose the new uniform supplier and reshaped the homework policy.", "2", "1.2", "summary"),
    R("The report recognised our induction of new teaching assistants, all of whom now shadow an experienced colleague for two weeks.", "3", "2.2", "summary"),
    R("Office staff are welcoming.", "4", "2.2", "staff_short"),
    R("Lunchtime supervisors have had behaviour management training.", "3", "2.2", "staff_short"),
    R("Teachers are committed to every child.", "4", "2.2", "staff_short"),
    R("While the school also runs coffee mornings and a homework club, what reached the Bangladeshi mothers who never came to parents' evening was a bilingual teaching assistant visiting them at home before each term.", "1", "3.3", "narrative"),
    R("After the parents' questionnaire showed that 40% did not understand the reading scheme, the literacy coordinator ran workshops and produced a short illustrated guide for each year group.", "1", "3.1", "narrative"),
    R("The governors' annual report to parents sets out attendance, test results, the number of exclusions and what the school did about last year's questionnaire.", "5", "4.2", "narrative"),
    R("Key Stage 2 results rose for the third year running, with 84% reaching level 4 in English and maths.", "5", "4.2", "narrative"),
    R("• Breakfast club from 7.45 am for working parents", "1", "3.3", "bullet"),
    R("• All staff trained in safeguarding and first aid, refreshed every three years", "3", "2.2", "bullet"),
    R("Attendance 2007/08: 95.2% (LA average 94.1%)", "5", "4.2", "terse"),
    R("There has been no survey of pupils' views since 2005.", "2", "1.3", "terse", "absence"),
    R("The school has not published how quickly it responds to letters and emails from parents, nor set itself a target.", "5", "5.1", "narrative", "absence"),
    R("Text messaging to parents about absence will be introduced in September.", "1", "3.3", "narrative", "plan"),
    R("The school council meets every fortnight and chose this year's charity, and we intend to give it a say in the new playground design.", "2", "1.2", "narrative", "mixed"),
    N("Oakfield Primary School – evidence file, Criterion 3 (Information and Access)", "noise"),
    N("Approved by the Governing Body at its meeting of 12 February 2009 (minute 8.3)", "noise"),
    N("Kitchen extraction fans replaced during the summer holiday", "irrelevant"),
)

COLLEGE: tuple[Row, ...] = (
    R("Senior managers model the college's values, and the principal's open-door sessions for students are well attended.", "4", "2.1", "assessor"),
    R("Tutors are enthusiastic and supportive, and learners spoke of staff going out of their way to help them stay on their courses.", "4", "2.2", "assessor"),
    R("The college makes good use of learner voice: course representatives meet heads of department each term and their points are tracked to a conclusion.", "2", "1.2", "assessor"),
    R("Enrolment and destination data are analysed to identify under-represented groups, and the college knows which wards send few adult learners.", "1", "1.1", "assessor"),
    R("Co-operation with employers, the local authority and Jobcentre Plus is a strength, with shared projects for young people not in education or employment.", "2", "3.4", "assessor"),
    R("Staff development is well planned and closely linked to the college's priorities, with every lecturer completing at least thirty hours of CPD a year.", "3", "2.2", "assessor"),
    R("The learner satisfaction survey is thorough, though the college does not yet show learners what changed as a result.", "2", "1.3", "assessor", "mixed"),
    R("We were awarded Compliance Plus for the support we give learners with disabilities, including note-takers, adapted equipment and a named learning support assistant.", "1", "3.3", "summary"),
    R("The assessor identified our admissions process as an area for improvement, because applicants waited up to six weeks for an interview.", "5", "5.3", "summary", "absence"),
    R("Student services staff are helpful and kind.", "4", "2.2", "staff_short"),
    R("All new lecturers complete the PTLLS qualification in their first year.", "3", "2.2", "staff_short"),
    R("Learning advisers are patient with adult returners.", "4", "2.2", "staff_short"),
    R("Although the college's marketing team also redesigned the prospectus and website, the change that brought most adults back into learning was a set of short taster courses run in community centres on three estates.", "1", "3.3", "narrative"),
    R("The governing body agreed a customer service strategy in 2007 that sets out how applicants, learners, parents and employers should be treated, and progress against it is reported to governors twice a year.", "4", "2.1", "narrative"),
    R("Success rates on level 2 courses rose from 68% to 79% over three years, and retention of 16–18 year olds is now above the national average.", "5", "4.2", "narrative"),
    R("Every enquiry made through the website is answered within two working days, and 97% met this standard in the spring term.", "5", "5.3", "narrative"),
    R("• Free travel pass for learners from low-income households", "1", "3.3", "bullet"),
    R("• Learner complaints logged centrally and reviewed by the senior team each month", "4", "4.3", "bullet", alt="5"),
    R("Learner satisfaction 2007/08: 91% (FE Choices)", "2", "1.3", "terse"),
    R("The college has never analysed which groups of applicants are offered a place but fail to enrol.", "1", "1.1", "narrative", "absence"),
    R("The employer forum has not met since the business development manager left.", "2", "1.2", "narrative", "absence"),
    R("From next year every learner will have an online record showing attendance, progress and targets that they and their parents can see.", "1", "3.1", "narrative", "plan"),
    R("The crèche at the main site opened in January with 24 places, and a second crèche is proposed for the Northgate centre.", "1", "3.3", "narrative", "mixed"),
    N("Riverside College – self-assessment report 2007/08, Section 5: Leadership and Management", "noise"),
    N("Author: Quality Manager, with thanks to the heads of school, the learner services team and the students' union for their contributions to this document", "noise"),
    N("New management information system for timetabling and room bookings", "irrelevant"),
)

TRANSPORT: tuple[Row, ...] = (
    R("The transport authority demonstrated a strong commitment to accessible travel, championed by the portfolio holder and built into the Local Transport Plan.", "4", "2.1", "assessor"),
    R("Drivers were described by passengers as friendly and patient, particularly with older people and parents with buggies.", "4", "2.2", "assessor"),
    R("The council has a good understanding of who uses its bus services and who does not, from on-board surveys and a study of people without cars.", "1", "1.1", "assessor"),
    R("Travel information is accurate and consistent across timetables, stop displays, the website and the call centre.", "1", "3.2", "assessor"),
    R("Joint working with bus operators through the quality partnership has improved punctuality and the standard of vehicles.", "2", "3.4", "assessor"),
    R("Complaints about the highways service are logged, answered and analysed for trends, and the analysis changed the way pothole repairs are prioritised.", "4", "4.3", "assessor"),
    R("Passengers' views are sought regularly, but there was little evidence that operators are told what passengers said.", "2", "1.2", "assessor", "mixed"),
    R("Our assessment summary records full compliance in Information and Access, with particular praise for real-time bus information at stops and by text message.", "1", "3.1", "summary"),
    R("The assessor noted that refused blue badge applicants are not told how to appeal.", "5", "4.3", "summary", "absence"),
    R("Parking attendants are courteous.", "4", "2.2", "staff_short"),
    R("Bus drivers have completed disability equality training.", "3", "2.2", "staff_short"),
    R("Highways inspectors explain their decisions clearly.", "4", "2.2", "staff_short"),
    R("While the council also resurfaced the town centre and added cycle lanes, the change older residents noticed most was the dial-a-ride service extended to Saturdays after the cabinet found the money for a second minibus.", "4", "3.3", "narrative"),
    R("After the passenger panel said the old timetable books were impossible to read, they were redesigned with larger type and a simple map, and the panel tested the drafts before they were printed.", "2", "1.2", "narrative", alt="1"),
    R("The highways charter promises that dangerous potholes will be made safe within 24 hours and other defects repaired within 28 days, and performance is reported on the council's website every month.", "5", "5.1", "narrative"),
    R("Travel training for young people with special needs means that 31 pupils who were taken to school by taxi now travel on their own by bus.", "1", "4.2", "narrative"),
    R("• Concessionary fares extended to companions of disabled pass holders", "1", "3.3", "bullet"),
    R("• Parking appeals decided by an independent adjudicator, with guidance on the website", "5", "4.3", "bullet"),
    R("Buses on time at timing points: 86% (target 90%) 2007/08", "5", "5.3", "terse"),
    R("There is no way for passengers to report a faulty bus stop display other than writing to the council.", "1", "3.3", "narrative", "absence"),
    R("The council has not consulted residents about the proposed controlled parking zone in Highfield.", "2", "1.2", "narrative", "absence"),
    R("A single smartcard for buses and the park and ride is planned for 2010.", "1", "3.3", "terse", "plan"),
    R("Street lighting faults reported by the public are fixed within five working days on 94% of occasions, and we intend to cut the target to three days next year.", "5", "5.3", "narrative", "mixed"),
    N("Integrated Transport Unit – Customer Service Excellence submission (draft 3, not for circulation)", "noise"),
    N("Compiled by the Passenger Transport Officer", "noise"),
    N("Gritting lorries fitted with new spreader control units", "irrelevant"),
)

HOUSING: tuple[Row, ...] = (
    R("There is a strong corporate commitment to tenant involvement, with a board member responsible for it and a budget set aside every year.", "4", "2.1", "assessor"),
    R("Housing officers are knowledgeable about their patches and treat tenants with respect.", "4", "2.2", "assessor"),
    R("Tenant profiling is thorough: the landlord knows the age, ethnicity, disability and preferred language of nine in ten households.", "1", "1.1", "assessor"),
    R("Residents are involved at every level, from estate inspections to scrutiny of the repairs contract.", "2", "1.2", "assessor"),
    R("Satisfaction with the repairs service is measured after every job, and the contractor's performance is judged partly on those results.", "2", "1.3", "assessor"),
    R("Information on rents, repairs and tenants' rights is clear and available in several formats.", "1", "3.2", "assessor"),
    R("The association works well with support agencies to sustain tenancies, and evictions have fallen as a result.", "2", "3.4", "assessor"),
    R("Our summary notes that the assessor saw real improvement in how we handle complaints, although stage two complaints are still not all answered within our 20-day target.", "5", "5.3", "summary", "mixed"),
    R("We achieved Compliance Plus for understanding our customers, which the assessor linked to our door-to-door census of tenants in 2007.", "1", "1.1", "summary"),
    R("Repairs operatives clean up after themselves and always show their identity card.", "4", "2.2", "staff_short"),
    R("Neighbourhood officers have completed mediation training.", "3", "4.3", "staff_short"),
    R("Lettings staff are fair and open.", "4", "2.2", "staff_short"),
    R("Besides the new repairs line and the tenants' newsletter, what made most difference to older tenants was the handyperson scheme, run with Age Concern, which does small jobs free for people over 70.", "2", "3.4", "narrative", alt="1"),
    R("When tenants complained that repair appointments were missed, the director of housing ended the contractor's all-day slots and introduced morning, afternoon and school-run appointments.", "4", "3.3", "narrative"),
    R("Our annual report to tenants, checked by the tenants' editorial panel, gives rent arrears, relet times, repairs performance and the outcome of every complaint that went to the Ombudsman.", "5", "4.2", "narrative"),
    R("Ninety-eight per cent of emergency repairs were completed within 24 hours, against a target of 100%.", "5", "5.3", "narrative"),
    R("• Tenancy sustainment officer for every new tenant in their first year", "1", "3.3", "bullet"),
    R("• Estate walkabouts with residents every quarter", "2", "1.2", "bullet"),
    R("Average relet time 2007/08: 24 days (2006/07: 33 days)", "5", "5.3", "terse"),
    R("The landlord has no information about how many of its tenants have a disability.", "1", "1.1", "narrative", "absence"),
    R("Repairs satisfaction has not been measured since the survey contract ended in 2006.", "2", "1.3", "narrative", "absence"),
    R("We will introduce a choice-based lettings scheme so that applicants can bid for homes online, by phone or at a library.", "1", "3.3", "narrative", "plan"),
    R("The tenants' scrutiny panel reviewed the gas servicing contract this year, and we plan to ask it to look at anti-social behaviour next.", "2", "1.2", "narrative", "mixed"),
    N("Housing Services – Customer Service Excellence Assessment – Evidence Index", "noise"),
    N("Signed: Director of Housing", "noise"),
    N("Housing office boiler plant replaced and the building's roof insulated", "irrelevant"),
)

LIBRARY: tuple[Row, ...] = (
    R("The library service has a clear vision for serving the whole community, and the head of service leads by example on the enquiry desk.", "4", "2.1", "assessor"),
    R("Library staff are customer-focused and enthusiastic about books, and readers value their recommendations.", "4", "2.2", "assessor"),
    R("The service understands who does not use libraries, having studied lapsed members and non-users in its two most deprived wards.", "1", "1.1", "assessor"),
    R("Customer insight is used to improve services: comments cards are read weekly, and the service could show changes made, such as longer loans for book groups.", "2", "1.3", "assessor"),
    R("Links with health visitors and the Bookstart scheme bring babies and their parents into branches for rhyme times.", "2", "3.4", "assessor"),
    R("Reading groups for people with dementia and their carers are an excellent example of tailoring the service to individual needs.", "1", "3.3", "assessor"),
    R("Service standards are displayed in every branch, but performance against them is not reported to library users.", "5", "4.1", "assessor", "mixed"),
    R("Our assessor particularly praised the home library service, which delivers books to 400 housebound readers chosen to suit each person's taste.", "1", "3.3", "summary"),
    R("We were told that our consultation on branch opening hours was exemplary, because the options came from users themselves.", "2", "1.2", "summary"),
    R("Library assistants are cheerful.", "4", "2.2", "staff_short"),
    R("Staff have been trained to help people get online.", "3", "2.2", "staff_short"),
    R("The children's librarian is much loved.", "4", "2.2", "staff_short"),
    R("Although the service also bought more large-print books and extended Saturday hours, the biggest change for job seekers was free computer sessions with a volunteer helper, run with the Jobcentre every Tuesday morning.", "2", "3.4", "narrative", alt="1"),
    R("The cabinet member for culture decided in 2007 to keep the three smallest branches open after a petition, and funded extra evening opening at the central library.", "4", "3.3", "narrative", alt="2"),
    R("Each branch displays a 'you said, we did' board showing comments from readers and what the service did in response.", "5", "1.2", "narrative"),
    R("Book issues rose by 8% after the move to self-service, and visits to the central library are the highest for ten years.", "5", "4.2", "narrative"),
    R("• Talking books and e-audio free to visually impaired members", "1", "3.3", "bullet"),
    R("- Reservations can be made online, by phone or by text", "1", "3.3", "bullet"),
    R("Reservations supplied within 15 days: 71% (target 70%)", "5", "5.3", "terse"),
    R("Borrowers' opinions of the service were last surveyed in 2004.", "2", "1.3", "terse", "absence"),
    R("The mobile library no longer stops in the outlying villages of Coldstream and Hatherley.", "1", "3.3", "narrative", "absence"),
    R("Homework help clubs are to be introduced at four branches from September.", "1", "3.3", "narrative", "plan"),
    R("The library's catalogue became available online this year, and we intend to add an email alert when reserved items arrive.", "1", "3.3", "narrative", "mixed"),
    N("Library & Information Service – CSE portfolio – back cover", "noise"),
    N("Prepared by J. Whitlock (Principal Librarian, Service Development) with the assistance of the branch managers of Eastgate, Hill Top, Marsh and Westfield libraries, April 2009", "noise"),
    N("Library management system server moved to the council's data centre", "irrelevant"),
)

LEISURE: tuple[Row, ...] = (
    R("Leisure managers have a clear customer focus and involve the whole team in planning improvements.", "4", "2.1", "assessor"),
    R("Reception and pool staff are welcoming and knowledgeable, and several customers mentioned how lifeguards had helped their children gain confidence.", "4", "2.2", "assessor"),
    R("The service analyses membership data to identify groups who are under-represented, such as older men and women from South Asian communities.", "1", "1.1", "assessor"),
    R("A user forum at each centre meets regularly and has influenced the programme, including women-only swimming sessions.", "2", "1.2", "assessor"),
    R("There is good partnership working with the primary care trust on exercise referral, and GPs refer patients directly.", "2", "3.4", "assessor"),
    R("The service has a genuine commitment to delivering a high quality service, which comes through in the way managers talk about customers.", "4", "2.1", "assessor"),
    R("Complaints and comments are well handled, but customers are not told about changes that resulted from them.", "5", "4.3", "assessor", "mixed"),
    R("Our assessor awarded Compliance Plus for the passport to leisure scheme, which gives half-price entry to people on benefits and their children.", "1", "3.3", "summary"),
    R("We were commended for measuring satisfaction at every centre twice a year and for acting on the results.", "2", "1.3", "summary"),
    R("Lifeguards keep a friendly eye on nervous swimmers.", "4", "2.2", "staff_short"),
    R("Gym instructors hold REPs Level 3.", "3", "2.2", "staff_short"),
    R("Receptionists know regular customers by name.", "4", "2.2", "staff_short"),
    R("While the refurbishment also gave the centre a new café and changing village, the change disabled customers welcomed most was the pool hoist and the accessible changing room with a ceiling track.", "1", "3.3", "narrative"),
    R("Following a pool attendant's suggestion, managers changed the way lanes are allocated, and complaints about crowding in the early morning fell from thirty a month to five.", "4", "4.3", "narrative", alt="5"),
    R("The service publishes its customer charter on the website and in every centre, setting out cleanliness standards, class cancellation notice and how to complain.", "5", "4.1", "narrative"),
    R("After the holiday activity programme was booked online for the first time, 2,100 children took part in the summer, up from 1,400.", "5", "4.2", "narrative"),
    R("• Free swimming for under-16s and over-60s", "1", "3.3", "bullet"),
    R("• Mystery visits by members of the user forum every six months", "2", "1.3", "bullet"),
    R("Visits per 1,000 population: 6,480 (upper quartile)", "5", "4.2", "terse"),
    R("None of the centres offers a session for people with learning disabilities.", "1", "3.3", "narrative", "absence"),
    R("There is no published standard for how quickly cancelled classes are refunded.", "5", "5.1", "narrative", "absence"),
    R("The council intends to consult residents about the future of the Granby baths before any decision on closure.", "2", "1.2", "narrative", "plan"),
    R("Online booking for courts and classes went live in May, and we plan to add a mobile app next year.", "1", "3.3", "narrative", "mixed"),
    N("Leisure Services – Customer Service Excellence – contents page", "noise"),
    N("Approved by the Head of Culture and Leisure", "noise"),
    N("Pool plant room: new filters and dosing pumps installed", "irrelevant"),
)

REGISTRATION: tuple[Row, ...] = (
    R("The registration service is led by a superintendent registrar who sets a clear tone of care and dignity for every customer.", "4", "2.1", "assessor"),
    R("Registrars are sensitive and professional when registering deaths, and bereaved families praised the time taken to explain what happens next.", "4", "2.2", "assessor"),
    R("The service knows its customers well, tracking where couples and bereaved families come from and the languages they speak.", "1", "1.1", "assessor"),
    R("Couples are consulted through a post-ceremony questionnaire, and the service could point to changes such as a choice of readings and music.", "2", "1.3", "assessor"),
    R("The Tell Us Once pilot with the DWP and the council's other services is a good example of co-operative working for bereaved people.", "2", "3.4", "assessor"),
    R("Standards for the time taken to see customers are clear and published, and the service reports its performance to the council's scrutiny committee.", "5", "5.1", "assessor"),
    R("The service met every one of its national registration standards in 2007/08, which the assessor verified from the monitoring returns.", "5", "4.2", "assessor"),
    R("Our summary of the assessment records Compliance Plus for access, because appointments to register a death are offered at three hospitals as well as the register office.", "1", "3.3", "summary"),
    R("We were advised that our website does not say what documents people must bring, and that we should fix this before reassessment.", "1", "3.1", "summary", "absence"),
    R("Registrars are calm and reassuring.", "4", "2.2", "staff_short"),
    R("Deputy registrars attended a course on supporting bereaved parents.", "3", "2.2", "staff_short"),
    R("Ceremony staff are proud of their work.", "4", "2.2", "staff_short"),
    R("Although the office was also redecorated and the waiting room made more private, bereaved families valued most the change that lets them register a death at the hospital where it happened, by appointment, on the same day the certificate is issued.", "1", "3.3", "narrative"),
    R("The service asked couples who had married in the previous year what they thought of the ceremony rooms, and the answers led the council to license four new venues including the museum and a country park.", "1", "3.3", "narrative", alt="2"),
    R("Our service commitments promise an appointment to register a birth within five working days, a certificate posted the same day it is ordered, and a courteous, private interview.", "5", "4.1", "narrative"),
    R("Over two years, 1,840 new citizens attended ceremonies, and 96% of those who returned a card rated the ceremony as excellent.", "2", "1.3", "narrative"),
    R("• Births registered at the maternity unit on weekday mornings", "1", "3.3", "bullet"),
    R("• Guidance on registering a death translated into Urdu, Bengali and Polish", "1", "3.2", "bullet"),
    R("Deaths registered within 5 days: 93% (GRO standard 90%)", "5", "5.3", "terse"),
    R("No feedback is collected from families who register a death.", "2", "1.3", "terse", "absence"),
    R("Saturday appointments for birth registration ended in 2007 when the part-time registrar retired.", "1", "3.3", "narrative", "absence"),
    R("An online booking system for ceremonies and certificates is proposed for 2009/10.", "1", "3.3", "narrative", "plan"),
    R("Nationality checking has been offered since 2007 and saved 600 applicants a trip to Liverpool; we intend to add passport checking next year.", "1", "3.3", "narrative", "mixed"),
    N("Register Office – Customer Service Excellence 2009 – Criterion 4 divider", "noise"),
    N("Compiled by the Superintendent Registrar and checked by the Head of Customer Services before submission to the assessment body; any queries to be directed to the compiler at the register office", "noise"),
    N("Strongroom shelving replaced and register volumes rebound", "irrelevant"),
)

PLANNING: tuple[Row, ...] = (
    R("The head of planning has created a culture in which officers see applicants and objectors alike as customers, and this is reflected in the service plan.", "4", "2.1", "assessor"),
    R("Planning officers are helpful and explain the reasons for their advice, although some agents felt that advice varied between officers.", "4", "2.2", "assessor"),
    R("The service understands its different customers, having surveyed householders, agents, developers and parish councils separately.", "1", "1.1", "assessor"),
    R("Consultation on the Local Development Framework went well beyond the statutory minimum, with drop-in events in every town and sessions for young people.", "2", "1.2", "assessor"),
    R("The pre-application advice service is a strength, with clear charges and a written response within an agreed time.", "1", "3.3", "assessor"),
    R("There is a strong commitment to openness: committee reports, officers' delegated decisions and the reasons for them are all published online.", "5", "3.1", "assessor"),
    R("The service works closely with the highways authority, the Environment Agency and parish councils, but consultees' response times are not monitored.", "2", "3.4", "assessor", "mixed"),
    R("Our assessor praised the Planning Customer Forum of agents and residents, which led to our new validation checklist.", "2", "1.2", "summary"),
    R("The assessment recorded partial compliance on timeliness, because major applications were still taking longer than the national target.", "5", "5.3", "summary", "absence"),
    R("Duty planners are patient with householders.", "4", "2.2", "staff_short"),
    R("Enforcement officers have been trained in conflict resolution.", "3", "2.2", "staff_short"),
    R("Technical support staff are efficient and polite.", "4", "2.2", "staff_short"),
    R("As well as putting all applications online and producing new guidance notes, the service started a duty planner surgery in the market towns every fortnight, so that rural residents no longer travel to the civic centre for advice.", "1", "3.3", "narrative"),
    R("After agents told the forum that applications were being rejected for small missing items, the development manager changed the validation process and the share of applications valid on receipt rose from 48% to 70%.", "4", "5.2", "narrative"),
    R("Planning committee agendas, officers' reports and minutes are published on the website five working days before each meeting.", "5", "3.1", "narrative"),
    R("Every neighbour who comments on an application is now told the decision and where to read the officer's report, which has cut the number of complaints about not being kept informed.", "5", "3.1", "narrative"),
    R("• Householder guide to extensions with drawings and examples", "1", "3.1", "bullet"),
    R("• Planning appeals decided in our favour: 72%", "5", "4.2", "bullet"),
    R("Minor apps within 8 wks: 81% (NI 157b target 65%)", "5", "5.3", "terse"),
    R("There is no service standard for how quickly planning enquiries by email are answered.", "5", "5.1", "narrative", "absence"),
    R("Parish councils have not been asked for their views of the service since 2005.", "2", "1.3", "narrative", "absence"),
    R("We intend to introduce an online tracking service so that applicants can see the stage their application has reached.", "1", "3.1", "narrative", "plan"),
    R("The design guide for shopfronts was published last year after consultation with traders, and a guide for rural buildings will follow.", "1", "3.1", "narrative", "mixed"),
    N("Planning & Building Control – Evidence Folder 2 of 3", "noise"),
    N("Prepared by: Development Control Manager", "noise"),
    N("Plan scanning equipment upgraded and archive drawings digitised", "irrelevant"),
)

REVENUES: tuple[Row, ...] = (
    R("The benefits service demonstrated that it understands its claimants: caseload data is analysed by age, disability and first language, and take-up campaigns target pensioners who are not claiming.", "1", "1.1", "assessor"),
    R("Benefit assessors are customer-focused and willing to take the time to explain complex rules in plain terms.", "4", "2.2", "assessor"),
    R("The council tax and benefits service has a strong commitment from senior management to treating customers fairly, set out in its customer care policy and discussed at every team meeting.", "4", "2.1", "assessor"),
    R("Customer feedback is gathered at the counter and by telephone, and it led directly to the redesign of the benefit claim form.", "2", "1.3", "assessor"),
    R("Joint working with the Pension Service and Citizens Advice means that many claims are now taken at a single visit.", "2", "3.4", "assessor"),
    R("Letters are clear, with plain-English explanations of how benefit has been worked out.", "1", "3.2", "assessor"),
    R("The service sets and publishes clear standards for processing new claims and changes, and reports on them monthly.", "5", "5.1", "assessor"),
    R("We were pleased that our assessor recognised the visiting officers, who take claims in people's homes for anyone who cannot come to an office.", "1", "3.3", "summary"),
    R("The assessment summary points out that we do not learn enough from appeals and complaints, and recommends a quarterly review by managers.", "4", "4.3", "summary", "absence"),
    R("Counter staff are courteous and discreet.", "4", "2.2", "staff_short"),
    R("Benefit assessors are IRRV qualified.", "3", "2.2", "staff_short"),
    R("Council tax recovery staff explain people's options rather than threaten them.", "4", "2.2", "staff_short"),
    R("While the service also introduced electronic document storage and a new website, the change that most helped claimants was a checklist sent with every claim form so that people bring everything the first time, which halved the number of return visits.", "1", "3.1", "narrative"),
    R("Average time to process new benefit claims fell from 41 days to 22 days after the head of revenues reorganised the teams around the customer rather than the benefit.", "4", "5.2", "narrative"),
    R("The criteria for discretionary housing payments are published on the council's website, with examples of the hardship cases the panel has helped.", "5", "3.1", "narrative"),
    R("Council tax collection reached 97.6%, the highest in the county, while the number of summonses issued fell by a fifth.", "5", "4.2", "narrative"),
    R("• Benefit surgeries at the hospital's renal unit for dialysis patients", "1", "3.3", "bullet"),
    R("• All letters checked by the Plain English Campaign before use", "1", "3.2", "bullet"),
    R("HB new claims avg 19.8 days; CoC avg 8.4 days (Q3 07/08)", "5", "5.3", "terse"),
    R("There is still no way to report a change of circumstances online.", "1", "3.3", "narrative", "absence"),
    R("The service has never analysed which groups of residents fail to claim the council tax benefit they are entitled to.", "1", "1.1", "narrative", "absence"),
    R("Direct debit dates will be extended to four choices a month from April 2009.", "1", "3.3", "narrative", "plan"),
    R("Overpayments are explained in a letter written with the welfare rights unit, and we plan to offer a face-to-face meeting to anyone with a debt over £1,000.", "1", "3.2", "narrative", "mixed"),
    N("Revenues & Benefits – CSE evidence – summary sheet (totals carried forward)", "noise"),
    N("Signed off by the Head of Revenues and Benefits, Finance Directorate, on behalf of the Council's Corporate Management Team, following review by the Customer Services Board, 20 January 2009", "noise"),
    N("Cash office safes replaced and security contract renewed", "irrelevant"),
)

COURTS: tuple[Row, ...] = (
    R("Court managers lead a culture that puts court users first, and staff are encouraged to suggest improvements.", "4", "2.1", "assessor"),
    R("Ushers and list office staff are helpful and calm, even on the busiest days, and witnesses said they felt safe.", "4", "2.2", "assessor"),
    R("The court service has surveyed court users and knows which groups, such as litigants in person, find the process hardest.", "1", "1.1", "assessor"),
    R("A court user group of solicitors, probation, police and advice agencies meets quarterly and has shaped listing practice.", "2", "1.2", "assessor"),
    R("Co-operation with the Witness Service and the Crown Prosecution Service is excellent, and witnesses are supported from the first letter to the end of the case.", "2", "3.4", "assessor"),
    R("Complaints are acknowledged promptly and each one is reviewed by the court manager, but there is no analysis of themes.", "5", "4.3", "assessor", "mixed"),
    R("Published standards for answering letters and for waiting times at court are clear and known to staff.", "5", "5.1", "assessor"),
    R("Our assessment summary commends the help desk for litigants in person, run with the local law centre.", "2", "3.4", "summary"),
    R("The assessor found that the court's information for witnesses is good, but that nothing explains the small claims procedure in simple language.", "1", "3.2", "summary", "mixed"),
    R("Court clerks are patient with people who represent themselves.", "4", "2.2", "staff_short"),
    R("Ushers have completed equality and diversity training.", "3", "2.2", "staff_short"),
    R("Enforcement staff treat debtors with respect.", "4", "2.2", "staff_short"),
    R("Besides installing a hearing loop and improving the signage, the court arranged separate waiting rooms for prosecution and defence witnesses, so that victims no longer sit beside the people they are giving evidence against.", "1", "3.3", "narrative"),
    R("The Justices' Clerk introduced a daily listing review after court users complained of waiting all day, and the average wait for witnesses fell from three hours to ninety minutes.", "4", "5.2", "narrative"),
    R("Each year the court publishes its performance against the standards in the Courts Charter, including how many hearings started on time.", "5", "5.3", "narrative"),
    R("Fines collection improved to 86% after the court started taking payments by telephone and at post offices.", "5", "4.2", "narrative"),
    R("• Video link for vulnerable witnesses to give evidence from a separate room", "1", "3.3", "bullet"),
    R("• Leaflets on what happens at a family hearing, in plain English with a glossary", "1", "3.2", "bullet"),
    R("Cases listed within 13 wks of issue: 78%", "5", "5.3", "terse"),
    R("There is no regular survey of witnesses or jurors.", "2", "1.3", "terse", "absence"),
    R("The court's telephone line is not answered at lunchtime, and no standard has been set for answering it.", "5", "5.1", "narrative", "absence"),
    R("We plan to offer an evening session for small claims mediation so that working people can attend.", "1", "3.3", "narrative", "plan"),
    R("Jurors now receive a DVD about jury service with their summons, and we intend to put it on the website later this year.", "1", "3.1", "narrative", "mixed"),
    N("County Court – Customer Service Excellence – cover sheet and declaration", "noise"),
    N("Approved: Area Director", "noise"),
    N("Cells block CCTV upgraded and the secure dock glazing replaced", "irrelevant"),
)

AGENCY: tuple[Row, ...] = (
    R("The agency's leadership has made customer service an explicit part of every manager's objectives, and this is reviewed at the executive board each quarter.", "4", "2.1", "assessor"),
    R("Contact centre advisers are courteous and professional, and mystery callers found they gave accurate answers on tax credits.", "4", "2.2", "assessor"),
    R("Customer segmentation is well developed: the agency knows which groups of taxpayers struggle with self assessment and why.", "1", "1.1", "assessor"),
    R("Customer insight is used to redesign forms and letters, which are tested with taxpayers before they are issued.", "2", "1.2", "assessor", alt="1"),
    R("The agency co-operates with voluntary organisations such as TaxAid and Citizens Advice, funding outreach advice for people on low incomes.", "2", "3.4", "assessor"),
    R("The customer charter sets out what people can expect, including accuracy, courtesy and respect for privacy, and results against it are published each year.", "5", "4.1", "assessor"),
    R("Service standards for answering post are clear, but the agency could not show how often they were met.", "5", "5.3", "assessor", "absence"),
    R("Our assessment summary highlights the Extra Support team, which gives people with disabilities, mental illness or literacy problems a named adviser and longer appointments.", "1", "3.3", "summary"),
    R("We were told that our complaints handling is thorough but slow, and that the adjudicator's recommendations are not fed back to staff.", "5", "4.3", "summary", "mixed"),
    R("Advisers are knowledgeable.", "4", "2.2", "staff_short"),
    R("Enquiry centre staff have had disability awareness training.", "3", "2.2", "staff_short"),
    R("Inspectors from the agency are even-handed with small traders.", "4", "2.2", "staff_short"),
    R("Although the agency also launched online filing and a new helpline, what made most difference to small employers was a team of advisers who visit new businesses in their first year to explain payroll.", "1", "3.3", "narrative"),
    R("After the customer panel said that reminder letters were frightening and hard to follow, the letters were rewritten in plain English and the number of calls asking what they meant fell by 40%.", "1", "3.2", "narrative", alt="2"),
    R("The Chief Executive's annual report to Parliament includes the agency's performance against its published targets for accuracy, speed and customer satisfaction.", "5", "4.2", "narrative"),
    R("The share of calls answered rose from 59% to 84% after managers moved staff from back-office work to the helpline at peak times.", "4", "5.2", "narrative"),
    R("• Textphone and Typetalk for deaf and hard-of-hearing callers", "1", "3.3", "bullet"),
    R("• Complaints adjudicator independent of the agency", "5", "4.3", "bullet"),
    R("Correspondence answered in 15 working days, Jan–Mar 08: 83% (target 80%)", "5", "5.3", "terse"),
    R("The agency does not yet ask small businesses what they think of its service.", "2", "1.3", "narrative", "absence"),
    R("Face-to-face enquiry centres in three rural towns closed in 2007, and no outreach has replaced them.", "1", "3.3", "narrative", "absence"),
    R("A single online account for tax and credits is planned for 2010.", "1", "3.3", "narrative", "plan"),
    R("Welsh-language forms are available for every main tax, and a Welsh helpline will be added in the new year.", "1", "3.2", "narrative", "mixed"),
    N("National Revenue Agency – Customer Service Excellence application – Annex 3 (glossary of terms)", "noise"),
    N("Compiled by Customer Strategy Directorate", "noise"),
    N("Data centre migrated to new hosting contract", "irrelevant"),
)

MUSEUM: tuple[Row, ...] = (
    R("The museums service has a clear commitment to being open to everyone, and the head of service makes sure that every exhibition plan considers who might be left out.", "4", "2.1", "assessor"),
    R("Front-of-house staff and volunteers are welcoming and well informed about the collections.", "4", "2.2", "assessor"),
    R("Visitor profiling is good: postcode data and exit surveys show which communities visit, and the service has studied why young adults stay away.", "1", "1.1", "assessor"),
    R("Community groups were involved in choosing objects and writing labels for the migration gallery.", "2", "1.2", "assessor"),
    R("The service works with schools, universities and community arts groups, and shares a learning officer with the archives.", "2", "3.4", "assessor"),
    R("Visitor comments are collected and read, but there is no overall measure of satisfaction.", "2", "1.3", "assessor", "absence"),
    R("Information about exhibitions, events and access is comprehensive, and the website lists which galleries have step-free access.", "1", "3.1", "assessor"),
    R("Our assessor praised the reminiscence boxes that our outreach officer takes to care homes for people with dementia.", "1", "3.3", "summary"),
    R("We achieved full compliance at our first assessment, with Compliance Plus in three elements.", "5", "4.2", "summary"),
    R("Gallery attendants are friendly.", "4", "2.2", "staff_short"),
    R("Volunteers are trained in object handling and in talking to visitors.", "3", "2.2", "staff_short"),
    R("Curators are generous with their time.", "4", "2.2", "staff_short"),
    R("Although the museum also refreshed its shop and café, the change families noticed most was free entry on Sundays and a trail for under-fives, both agreed by the cabinet member after the children's consultation.", "4", "3.3", "narrative", alt="2"),
    R("After visitors with sight loss told us the new galleries were impossible to enjoy, we added audio description on every object label and tactile replicas, and we held a touch tour once a month.", "1", "3.2", "narrative"),
    R("The annual review tells the public how many people visited, how many school pupils took part in sessions and what the service cost per visit.", "5", "4.2", "narrative"),
    R("All front-of-house staff completed autism awareness training, and we now run quiet mornings before opening for families with autistic children.", "3", "2.2", "narrative"),
    R("• Large-print gallery guides free at the desk", "1", "3.2", "bullet"),
    R("• Visitor panel meets twice a year to review new displays", "2", "1.2", "bullet"),
    R("Visits 2007/08: 212,400 (+14%)", "5", "4.2", "terse"),
    R("There is no way to ask a curator a question other than in writing.", "1", "3.3", "narrative", "absence"),
    R("The schools forum lapsed two years ago and teachers are no longer consulted about the education programme.", "2", "1.2", "narrative", "absence"),
    R("An online catalogue of the collections will be launched next year.", "1", "3.1", "narrative", "plan"),
    R("A signed tour is offered on the first Saturday of the month, and we intend to film BSL guides for the main galleries.", "1", "3.3", "narrative", "mixed"),
    N("Heritage and Museums Service – CSE Portfolio – Contents", "noise"),
    N("Prepared by the Visitor Services Manager on behalf of the Museums Management Team, with photographs by the Collections Officer and a foreword by the Cabinet Member for Culture and Heritage", "noise"),
    N("Environmental monitoring sensors installed in the store", "irrelevant"),
)

PARKS: tuple[Row, ...] = (
    R("The parks team is proud of its parks and passionate about involving local people in looking after them.", "4", "2.2", "assessor"),
    R("There is a strong commitment from elected members to green spaces, shown by the decision to protect the parks budget for three years.", "4", "2.1", "assessor"),
    R("The service knows who uses each park from user counts and surveys, and has found that older people and disabled people use them least.", "1", "1.1", "assessor"),
    R("Friends groups are active in twenty parks, and each one agrees a management plan with the service.", "2", "1.2", "assessor"),
    R("The service works with the police, the youth service and the wildlife trust on projects that bring young people into the parks.", "2", "3.4", "assessor"),
    R("Standards for grass cutting, litter clearance and play area inspections are published, and performance is monitored by park keepers weekly.", "5", "4.1", "assessor"),
    R("Complaints about dogs and litter are recorded but there was no evidence that they are analysed or acted on.", "4", "4.3", "assessor", "absence"),
    R("We were commended for the Green Flag awards at four parks and for involving friends groups in the judging visits.", "5", "4.2", "summary"),
    R("Our assessor recommended that we find out why many residents of the east side estates never visit Victoria Park.", "1", "1.1", "summary", "absence"),
    R("Park keepers are friendly and visible.", "4", "2.2", "staff_short"),
    R("Gardeners are trained in horticulture to NVQ Level 2.", "3", "2.2", "staff_short"),
    R("Rangers are enthusiastic about wildlife.", "4", "2.2", "staff_short"),
    R("As well as new benches and better paths, the parks service started a weekly health walk from each of the six largest parks with volunteer leaders from the walking group.", "2", "3.4", "narrative", alt="1"),
    R("The play strategy was drawn up after children designed their ideal playground at school workshops, and two new play areas were built to their drawings.", "2", "1.2", "narrative"),
    R("Litter bins in the town centre parks are emptied twice a day in summer, and reports of overflowing bins are dealt with within four hours.", "5", "5.1", "narrative"),
    R("User satisfaction with parks rose to 78% in the residents' survey, up from 64% three years ago.", "2", "1.3", "narrative"),
    R("• Accessible fishing platforms at Mill Pond", "1", "3.3", "bullet"),
    R("• Events calendar posted to every household in May", "1", "3.1", "bullet"),
    R("Play areas inspected weekly: 100%", "5", "4.2", "terse"),
    R("None of the park toilets has a changing place for disabled adults.", "1", "3.3", "narrative", "absence"),
    R("Park keepers at Greenhill were withdrawn in 2007 and the park has had no staff on site since.", "1", "3.3", "narrative", "absence"),
    R("We propose to set up a parks forum so that all friends groups can meet together twice a year.", "2", "1.2", "narrative", "plan"),
    R("The new skate park was designed with local teenagers and opened in July, and we plan to ask them to help run it.", "2", "1.2", "narrative", "mixed"),
    N("Parks and Open Spaces – evidence for Criterion 1 – continued overleaf", "noise"),
    N("Signature of the Parks Development Manager (on original)", "noise"),
    N("Mower fleet replaced under new lease", "irrelevant"),
)

ENVIRONMENTAL: tuple[Row, ...] = (
    R("Environmental health managers have built a culture of fairness and helpfulness towards businesses, and the enforcement policy reflects it.", "4", "2.1", "assessor"),
    R("Officers are approachable and give practical advice, and food business owners said they understood what was expected of them.", "4", "2.2", "assessor"),
    R("The service knows its businesses: it has profiled food premises by type, language spoken and history of compliance.", "1", "1.1", "assessor"),
    R("Businesses were consulted on the new food hygiene rating scheme before it started.", "2", "1.2", "assessor"),
    R("Joint inspections with the fire service and trading standards reduce the burden on businesses and avoid conflicting advice.", "2", "3.4", "assessor"),
    R("Service requests about noise, pests and food complaints are dealt with quickly, and response times are reported to members.", "5", "5.3", "assessor"),
    R("Food hygiene guidance is available in Chinese, Bengali and Turkish, though the assessor found that some translations were out of date.", "1", "3.2", "assessor", "mixed"),
    R("Our summary notes that the assessor was impressed by the out-of-hours noise service, which residents can call until 3 am at weekends.", "1", "3.3", "summary"),
    R("We were marked as partially compliant for not publishing the results of food hygiene inspections.", "5", "4.2", "summary", "absence"),
    R("Pest control technicians are discreet.", "4", "2.2", "staff_short"),
    R("All officers have completed the Regulators' Compliance Code training.", "3", "2.2", "staff_short"),
    R("Noise officers are patient with complainants.", "4", "2.2", "staff_short"),
    R("Although the team also inspected more premises and brought two prosecutions, its work that most helped new food businesses was a free start-up session, run in four languages with the chamber of commerce.", "2", "3.4", "narrative", alt="1"),
    R("After the principal officer reviewed how noise complaints were handled, diary sheets were replaced by a phone app for recording noise, and the average case was closed in 18 days rather than 45.", "4", "5.2", "narrative"),
    R("Every business inspected receives a letter within ten days setting out what must be done, what is only advised, and how to appeal against a decision.", "5", "4.1", "narrative"),
    R("The proportion of food premises broadly compliant with hygiene law rose from 74% to 87% over three years.", "5", "4.2", "narrative"),
    R("• Pest control free for residents on benefits", "1", "3.3", "bullet"),
    R("• Satisfaction card left after every inspection", "2", "1.3", "bullet"),
    R("Service requests responded to within 3 working days: 96%", "5", "5.3", "terse"),
    R("The service has never asked complainants whether they were satisfied with how their noise complaint was handled.", "2", "1.3", "narrative", "absence"),
    R("There is no out-of-hours contact for pest control emergencies.", "1", "3.3", "terse", "absence"),
    R("We will publish food hygiene scores for every premises on the council website from next April.", "5", "4.2", "narrative", "plan"),
    R("A partnership with the university now tests private water supplies, and we intend to extend it to air quality monitoring.", "2", "3.4", "narrative", "mixed"),
    N("Environmental Health Division – Customer Service Excellence – Section 2 cover", "noise"),
    N("Compiled by the Principal Environmental Health Officer (Food and Safety) with the assistance of the administration team, for submission to the assessment body in March", "noise"),
    N("Sampling equipment calibrated and laboratory contract renewed", "irrelevant"),
)

CORONER: tuple[Row, ...] = (
    R("The coroner sets a compassionate tone for the whole office, and bereaved families are treated with dignity from the first call.", "4", "2.1", "assessor"),
    R("Coroner's officers are sensitive, well informed and patient with families at a very difficult time.", "4", "2.2", "assessor"),
    R("The office has looked at which families find the inquest process hardest to follow, including those whose first language is not English.", "1", "1.1", "assessor"),
    R("Co-operation with the hospital mortuary, the police and funeral directors is good, and families are not asked for the same information twice.", "2", "3.4", "assessor"),
    R("The leaflet for bereaved families explains the coroner's role clearly and has been translated into five languages.", "1", "3.2", "assessor"),
    R("Families are asked for their views after an inquest, but the number who reply is small.", "2", "1.3", "assessor"),
    R("There was little evidence that families are told how long an inquest is likely to take.", "1", "3.1", "assessor", "absence"),
    R("Our assessor commended the private family room at the coroner's court, with its own entrance away from the press.", "1", "3.3", "summary"),
    R("We gained Compliance Plus for the way coroner's officers keep families informed, with a named officer for every case.", "1", "3.3", "summary"),
    R("Coroner's officers are kind.", "4", "2.2", "staff_short"),
    R("Officers have attended bereavement training run by Cruse.", "3", "2.2", "staff_short"),
    R("The coroner's clerk is helpful.", "4", "2.2", "staff_short"),
    R("Besides moving the inquest court to a building with parking and level access, the office arranged for families to see the court room before the hearing and to meet the coroner's officer beforehand.", "1", "3.3", "narrative"),
    R("After the coroner reviewed families' complaints about delays, post-mortem reports are now chased weekly, and the average time to release a body for burial fell from eight days to four.", "4", "5.2", "narrative"),
    R("The coroner's annual report sets out how many deaths were reported, how many inquests were held and how long they took, and it is available to the public.", "5", "5.3", "narrative"),
    R("Faith communities asked for faster release of bodies for burial, and the coroner agreed a protocol with the local mosques and synagogue for out-of-hours decisions.", "4", "3.4", "narrative", alt="2"),
    R("• Families may bring a friend or adviser to meetings with the coroner's officer", "1", "3.3", "bullet"),
    R("• Complaints about the service go first to the coroner's office manager", "5", "4.3", "bullet"),
    R("Inquests concluded within 6 months: 68% (2007)", "5", "5.3", "terse"),
    R("There is no standard for how soon families are contacted after a death is reported.", "5", "5.1", "terse", "absence"),
    R("The office's website has not been updated since 2005 and still gives the old court address.", "1", "3.2", "narrative", "absence"),
    R("The coroner intends to meet local funeral directors twice a year to review how the service is working.", "2", "3.4", "narrative", "plan"),
    R("Families can now receive documents by email, and a secure online system for inquest papers is proposed for next year.", "1", "3.3", "narrative", "mixed"),
    N("HM Coroner – Eastern District – Customer Service Excellence – Index to Evidence", "noise"),
    N("Approved by HM Coroner", "noise"),
    N("Mortuary refrigeration units serviced and alarm system tested", "irrelevant"),
)

TRADING: tuple[Row, ...] = (
    R("Trading standards managers lead a service that is genuinely focused on protecting vulnerable consumers, and this runs through every team plan.", "4", "2.1", "assessor"),
    R("Officers are knowledgeable and fair, and traders said advice was practical and given without fuss.", "4", "2.2", "assessor"),
    R("Intelligence from Consumer Direct and local complaints is analysed to find the people most at risk from doorstep crime.", "1", "1.1", "assessor"),
    R("The service has put the consumer at the heart of its work, and senior managers review the most serious cases each week.", "4", "2.1", "assessor"),
    R("Partnership with the police and Age Concern on doorstep crime is a model of co-operation, with no-cold-calling zones agreed with residents.", "2", "3.4", "assessor"),
    R("Businesses and consumers are asked for feedback after every investigation, and satisfaction is high.", "2", "1.3", "assessor"),
    R("The enforcement policy is published, but few businesses knew where to find it.", "5", "3.1", "assessor"),
    R("Our assessor praised our Buy with Confidence scheme, which gives residents a list of vetted traders.", "1", "3.1", "summary"),
    R("We were told that we do not yet set a standard for how quickly consumer complaints are dealt with.", "5", "5.1", "summary", "absence"),
    R("Trading standards officers are approachable.", "4", "2.2", "staff_short"),
    R("Officers are trained to Diploma in Consumer Affairs level.", "3", "2.2", "staff_short"),
    R("The consumer advice team are patient and thorough.", "4", "2.2", "staff_short"),
    R("While the service also tested underage sales and checked weights in markets, its work that most helped older residents was a call blocker scheme that stops scam telephone calls to people who have been targeted before.", "1", "3.3", "narrative"),
    R("A residents' survey in the three no-cold-calling zones found that 88% felt safer at home, and the results were published in the council magazine.", "5", "1.3", "narrative", alt="2"),
    R("The head of service decided that every victim of doorstep crime should be visited within 24 hours, and this is now a published standard.", "4", "5.1", "narrative"),
    R("After the team was trained in financial abuse, referrals to adult social care rose from 12 to 58 in a year.", "3", "4.2", "narrative"),
    R("• Business advice pack for new traders, in English and Turkish", "1", "3.2", "bullet"),
    R("• Consumer complaints referred to the right agency within one working day", "5", "5.1", "bullet"),
    R("Doorstep crime victims visited within 24 hrs: 94%", "5", "5.3", "terse"),
    R("The service has no way of hearing from consumers who do not speak English.", "1", "3.3", "narrative", "absence"),
    R("Talks to community groups about scams stopped when the education officer post was cut.", "1", "3.1", "narrative", "absence"),
    R("A panel of local traders will be set up next year to comment on the service's business advice.", "2", "1.2", "narrative", "plan"),
    R("Scam warnings are sent to 900 subscribers by email each month, and we intend to add a text alert for people without internet access.", "1", "3.1", "narrative", "mixed"),
    N("Trading Standards – CSE – Appendix 7 – Blank feedback form", "noise"),
    N("Prepared by Trading Standards Team Leader", "noise"),
    N("Metrology laboratory weights recalibrated", "irrelevant"),
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
    "courts": COURTS,
    "national_agency": AGENCY,
    "museum": MUSEUM,
    "parks": PARKS,
    "environmental_health": ENVIRONMENTAL,
    "coroner": CORONER,
    "trading_standards": TRADING,
}

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "dev_extra3_statements.csv"
# The corpora this extension may not repeat (or nearly repeat) a text of.
EARLIER_CORPORA = (
    HERE / "labeled_statements.csv",
    HERE / "dev_extra_statements.csv",
    HERE / "dev_extra2_statements.csv",
)
# Two texts whose word sets overlap this much (Jaccard) count as the same statement.
NEAR = 0.8


def check_row(sector: str, row: Row) -> None:
    """Raise ValueError if a row breaks the labeling conventions of docs/labeling.md."""
    check_sector_row(sector, row)


def build_rows(taken: set[str]) -> Iterator[dict[str, str]]:
    """Yield the CSV records in id order; ``taken`` holds texts that may not appear, exactly or nearly."""
    texts = [row.text for rows in SECTORS.values() for row in rows]
    close = near_duplicates(texts, taken, NEAR)
    if close:
        mine, theirs, similarity = close[0]
        raise ValueError(f"{len(close)} near-duplicate texts (Jaccard >= {NEAR}), first {similarity:.2f}: "
                         f"{mine!r} ~ {theirs!r}")
    unique = UniqueTexts(taken, "labeled_statements.csv, dev_extra_statements.csv or dev_extra2_statements.csv")
    return sector_records(SECTORS, "G", unique)


def write_csv(path: Path) -> int:
    """Check every row, then write the extension to ``path``; return the number of data rows."""
    return write_records(path, SECTOR_COLUMNS, list(build_rows(corpus_texts(*EARLIER_CORPORA))))


def main() -> None:
    """Regenerate tests/data/dev_extra3_statements.csv next to this script."""
    count = write_csv(OUTPUT)
    print(f"wrote {count} rows to {OUTPUT}")


if __name__ == "__main__":
    main()
