"""Build the development extension of the labeled corpus: sectors and voices the first corpus lacks.

``tests/data/labeled_statements.csv`` was written mostly in the voice of council Charter Mark portfolios. This
script adds statements from police, fire and rescue, GP practices, hospitals, schools, colleges, transport,
housing, libraries, leisure, registration, planning and revenues and benefits; long narrative sentences and
bullets that touch several themes; the evaluative voice of CSE assessment reports and of organisations'
summaries of them; short statements about staff; statements of absence, plans and mixtures of fact and plan;
and title, authorship and cover-page lines. Every row is labeled by ``docs/labeling.md``, including the ``kind``
label. All rows are development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra.py

The id, split and CSE criterion are derived here, never typed. Before writing, every row is checked: known
labels, alt different from the primary, NONE rows consistent, and no text repeated (case- and
space-insensitively) within this file or in ``labeled_statements.csv``.
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
    sector_records,
    write_records,
)

# Re-exported names the tests use to build rows of their own.
__all__ = ["N", "R", "Row", "build_rows", "check_row", "write_csv"]

# fmt: off

POLICE: tuple[Row, ...] = (
    R("The force demonstrated a clear understanding of its communities, using ward profiles and crime surveys to identify groups whose needs are not being met, such as older residents living alone and new migrant families.", "1", "1.1", "assessor"),
    R("Neighbourhood officers hold monthly PACT meetings where residents set three local priorities, and the action taken on each priority is reported back at the next meeting and in the ward newsletter.", "2", "1.2", "narrative", alt="5"),
    R("Front counter staff are courteous, knowledgeable and take ownership of enquiries.", "4", "2.2", "staff_short"),
    R("All call handlers completed a two-day course on dealing with vulnerable and repeat callers in 2007.", "3", "2.2", "terse"),
    R("999 calls answered within 10 seconds: 93.4% (target 90%)", "5", "5.3", "terse"),
    R("Our Policing Pledge, published on every station noticeboard, sets out ten promises, from how officers will treat you to how often your neighbourhood team will be at local meetings.", "5", "4.1", "narrative"),
    R("Victims of crime are contacted by their named investigating officer at least every 28 days until the case is closed.", "1", "3.3", "narrative"),
    R("Every complaint against police staff is recorded, and the outcome letter explains the right of appeal to the IPCC.", "5", "4.3", "narrative"),
    R("The Chief Constable chairs a quarterly Citizen Focus board that reviews satisfaction, complaints and call handling data and gives actions to district commanders.", "4", "2.1", "narrative"),
    R("User satisfaction with the whole service among victims of burglary, violent crime and vehicle crime was 81% in 2007/08.", "2", "1.3", "terse"),
    R("There has been no independent advisory group for the north division since the previous group disbanded in 2006.", "2", "1.2", "narrative", "absence"),
    R("We intend to publish crime maps for every neighbourhood on the force website from spring 2009.", "5", "3.1", "narrative", "plan"),
    R("Front counter opening hours were extended to 8pm at four stations last year, and we plan to pilot Saturday opening at Hillside in 2009.", "1", "3.3", "narrative", "mixed"),
    R("Putting the victim at the heart of service delivery is embedded in the force's strategy and championed by chief officers.", "4", "2.1", "assessor"),
    R("Partnership working with the council's community safety team and the housing providers is strong, with joint tasking meetings every fortnight.", "2", "3.4", "assessor"),
    R("Victims can choose text message updates instead of letters or calls", "1", "3.3", "terse"),
    R("Interpreters through Language Line at every front counter, 24/7", "1", "3.3", "terse"),
    R("We have not yet profiled who uses our front counters and who does not.", "1", "1.1", "narrative", "absence"),
    R("Following the Citizen Focus training, 87% of callers surveyed said the call handler understood their problem, up from 74%.", "3", "1.3", "narrative"),
    R("• Crime prevention leaflets in Polish, Urdu and Bengali", "1", "3.2", "bullet"),
    R("Officers listen and explain what will happen next.", "4", "2.2", "staff_short"),
    R("• Stop and search: every person searched is given a written record and told how to complain", "5", "4.3", "bullet"),
    R("Non-emergency calls answered within 30 seconds: 71%, well below our standard of 90%, and the new call centre planned for 2008 has been delayed until 2010.", "5", "5.3", "narrative", "mixed"),
    N("Northfield Constabulary – Customer Service Excellence self-assessment, March 2009", "noise"),
    N("Prepared by the Citizen Focus Unit on behalf of the Assistant Chief Constable (Territorial Policing) for the Force Performance Board", "noise"),
    N("Replacement of the air-handling units in the custody suite at Central police station", "irrelevant", "5"),
)

FIRE: tuple[Row, ...] = (
    R("We used Mosaic data and adult social care records to identify the households at greatest risk of fire, mainly older people living alone and smokers with limited mobility.", "1", "1.1", "narrative"),
    R("Home fire safety visits are offered in the evening and at weekends for working households, and crews bring an interpreter when the referral says one is needed.", "1", "3.3", "narrative"),
    R("The service demonstrated effective co-operation with partners, with joint home visits alongside the ambulance service, the police and Age Concern.", "2", "3.4", "assessor"),
    R("Dwelling fires attended within 8 minutes: 86% (standard 80%)", "5", "5.3", "terse"),
    R("Our emergency response standards, published in the Integrated Risk Management Plan, state how quickly a fire engine will arrive in each risk area.", "5", "5.1", "narrative"),
    R("The Fire Authority consulted residents for twelve weeks on the draft IRMP, with drop-in sessions at every station and a questionnaire in the free newspaper.", "2", "1.2", "narrative"),
    R("Watch managers completed the Institute of Leadership and Management certificate in 2007/08.", "3", "2.2", "terse"),
    R("Fire safety inspections have not taken place at 40% of high-risk business premises since the inspection programme was suspended in 2007.", "5", "4.2", "narrative", "absence"),
    R("We plan to set up a reference group of disabled residents to advise on our prevention work from next year.", "2", "1.2", "narrative", "plan"),
    R("Deaf residents can now have a vibrating-pad smoke alarm fitted free of charge, and we intend to add a text-phone line for hearing-impaired callers by 2009.", "1", "3.3", "narrative", "mixed"),
    R("Each upheld complaint is reviewed by the area managers to identify what should change in station procedures.", "4", "4.3", "narrative"),
    R("Firefighters are proud of the service, customer-focused and keen to help.", "4", "2.2", "staff_short"),
    R("Every household affected by a fire gets an after-the-incident visit and a named officer who helps with insurance and housing contacts.", "1", "3.3", "narrative"),
    R("- Safety leaflets in large print and audio; BSL video on the website", "1", "3.2", "bullet"),
    R("The Chief Fire Officer and Authority members take part in community safety days, and a members' working group monitors the equality scheme.", "4", "2.1", "narrative"),
    R("After-the-incident survey: 97% of householders satisfied with the way crews dealt with the fire", "2", "1.3", "terse"),
    R("Response times for every station are published each quarter on our website and reported to the local area committees.", "5", "5.3", "narrative"),
    R("The after-the-incident survey has lapsed, and no satisfaction data has been collected since April 2007.", "2", "1.3", "narrative", "absence"),
    R("Customer insight is used to target prevention activity, and the risk profiles are reviewed every year.", "1", "1.1", "assessor"),
    R("- Schools fire-setter scheme run with the youth offending team", "2", "3.4", "bullet"),
    R("Control room staff are calm and reassuring with callers.", "4", "2.2", "staff_short"),
    N("Approved by: Deputy Chief Fire Officer", "noise"),
    N("Eastshire Fire and Rescue Service – Customer Service Excellence evidence portfolio – Volume 2", "noise"),
    N("Re-roofing of the appliance bay at Westgate fire station", "irrelevant", "5"),
)

GP: tuple[Row, ...] = (
    R("Patients can book appointments up to four weeks ahead online, by phone from 8am or in person, and a telephone consultation is offered to anyone who cannot come in during the working day.", "1", "3.3", "narrative"),
    R("Our Patient Participation Group of 14 patients meets every two months and helped design the new appointment system.", "2", "1.2", "narrative"),
    R("Practice survey 2008: 89% rated the receptionists as helpful", "2", "1.3", "terse"),
    R("The practice manager reports complaint themes to the partners' meeting every quarter, and the changes agreed are recorded.", "4", "4.3", "narrative"),
    R("All reception staff have completed the Managing Difficult Situations course and a customer care refresher.", "3", "2.2", "narrative"),
    R("Double appointments are booked automatically for patients with learning disabilities and for those who need an interpreter.", "1", "3.3", "narrative"),
    R("Our practice leaflet sets out what we promise: how quickly we answer the phone, how soon you can see a doctor, how we protect your privacy and how to complain.", "5", "4.1", "narrative"),
    R("Urgent on-the-day appointments: 98% of patients who asked for one were seen the same day", "5", "5.3", "terse"),
    R("The practice has no hearing loop at reception.", "1", "3.3", "terse", "absence"),
    R("We intend to start a virtual patient group by email for patients who cannot attend evening meetings.", "2", "1.2", "narrative", "plan"),
    R("Results of the patient survey are displayed in the waiting room, although we have not yet agreed an action plan with the PPG.", "5", "1.3", "narrative", "mixed"),
    R("Receptionists are friendly and patient.", "4", "2.2", "staff_short"),
    R("We work with the district nurses, health visitors and the community mental health team from the same building and hold a weekly multidisciplinary meeting.", "2", "3.4", "narrative"),
    R("The partners agreed to open on Tuesday and Thursday evenings until 8pm from April 2008.", "4", "3.3", "narrative"),
    R("We keep a register of patients who are carers, so that they can be offered flexible appointments and a yearly health check.", "1", "1.1", "narrative"),
    R("Repeat prescriptions ready within 48 hours of the request (practice standard)", "5", "5.1", "terse"),
    R("We do not currently measure how long patients wait in the surgery after their appointment time.", "5", "5.3", "narrative", "absence"),
    R("The practice demonstrated a strong commitment to patient-centred care, led by the partners and shared by all staff.", "4", "2.1", "assessor"),
    R("Practice website: surgery times, how to register, and leaflets on common conditions", "1", "3.1", "terse"),
    R("• Online repeat prescription requests – fewer queues at the desk at peak times", "1", "3.3", "bullet"),
    R("• Chaperone available for any examination – notices in every consulting room", "1", "3.3", "bullet"),
    R("The practice nurse and two receptionists were trained to use the new telephone triage system, and patients now get a call back from a clinician within two hours.", "3", "5.2", "narrative"),
    N("Signed on behalf of the partners: Dr A. Khan (Senior Partner), Dr J. Morris, Dr P. Lewis and Mrs S. Taylor (Practice Manager), 14 July 2008", "noise"),
    N("New server installed in the practice manager's office to replace the old one", "irrelevant"),
)

HOSPITAL: tuple[Row, ...] = (
    R("Our PALS team resolved 1,240 concerns informally in 2007/08, most within a day, before they became formal complaints.", "5", "4.3", "narrative"),
    R("Ophthalmology outpatient clinics now run on Saturday mornings, and patients can choose their appointment time through Choose and Book.", "1", "3.3", "narrative"),
    R("18-week referral to treatment: 91% of admitted patients treated within 18 weeks in March 2008 (target 90%)", "5", "5.3", "terse"),
    R("The Trust Board receives a patient experience report at every public meeting, covering complaints, PALS contacts and survey results.", "4", "2.1", "narrative"),
    R("National inpatient survey 2007: 76% rated their care as excellent or very good", "2", "1.3", "terse"),
    R("The Trust worked with the PCT, social services and voluntary organisations to set up a discharge team that arranges care at home before patients leave hospital.", "2", "3.4", "narrative"),
    R("All ward clerks and outpatient receptionists completed the Trust's 'Welcome' customer care training, which is now part of induction.", "3", "2.2", "narrative"),
    R("Patient information leaflets are read and checked by a readers' panel of patients before they are printed.", "2", "1.2", "narrative"),
    R("Interpreters for 40 languages, booked by the ward and on site within 4 hours", "1", "3.3", "terse"),
    R("Discharge letters are still sent only to the patient's GP and not to the patient.", "1", "3.1", "narrative", "absence"),
    R("We plan to publish infection rates for each ward on the Trust website from 2009.", "5", "4.2", "narrative", "plan"),
    R("The average wait in A&E fell to 2 hours 10 minutes in 2007/08, and a separate minor injuries stream is proposed for 2009.", "5", "5.2", "narrative", "mixed"),
    R("Listening to patients, acting on what they tell us and reporting back on our 'You said, we did' boards on every ward has become part of the way the Trust works, and the Chief Executive personally reads every serious complaint.", "5", "1.2", "narrative", alt="4"),
    R("Staff are customer-focused and demonstrate a genuine commitment to providing a high quality service to patients and their families.", "4", "2.2", "assessor"),
    R("Nurses explain treatment clearly and kindly.", "4", "2.2", "staff_short"),
    R("Patients with dementia are identified on admission and given a 'This is me' profile, so that staff know their needs and preferences.", "1", "1.1", "narrative"),
    R("Complaints answered within 25 working days: 84% (target 90%)", "5", "5.3", "terse"),
    R("Volunteer guides greet visitors at the main entrance and take patients to their clinic.", "1", "3.3", "narrative"),
    R("Visiting hours were extended after the Patient Forum told us they were too short for working relatives.", "1", "3.3", "narrative"),
    R("• MRSA bacteraemia cases down from 41 to 19 in a year", "5", "4.2", "bullet"),
    R("• Patient Environment Action Team inspection: food rated 'good' on every ward", "5", "4.2", "bullet"),
    R("There is no Trust-wide standard for how long outpatients should wait in clinic once they arrive.", "5", "5.1", "narrative", "absence"),
    R("The patient survey for maternity services has not been repeated since 2005.", "2", "1.3", "narrative", "absence"),
    N("Riverside NHS Trust – annual review 2008", "noise"),
    N("Compiled by the Patient Experience Team, Riverside NHS Trust, for the Board of Directors and the Patient and Public Involvement Forum", "noise"),
    N("Car park barrier system replaced at the staff entrance", "irrelevant"),
)

SCHOOL: tuple[Row, ...] = (
    R("Parents receive a report every term and can see their child's attendance and homework online on the learning platform.", "1", "3.1", "narrative"),
    R("The school council, elected by pupils in every year group, helped choose the new lunch menu and the playground equipment.", "2", "1.2", "narrative"),
    R("Parent questionnaire 2008: 94% agree that their child is happy at school", "2", "1.3", "terse"),
    R("Ofsted judged the school 'good', with outstanding care, guidance and support (inspection of November 2007).", "5", "4.2", "narrative"),
    R("Governors adopted a three-stage complaints procedure, the last stage a panel of governors, and it is on the school website.", "5", "4.3", "narrative"),
    R("Teaching assistants completed training in supporting pupils with autism, and each pupil on the autistic spectrum now has a named key worker.", "3", "2.2", "narrative", alt="1"),
    R("Letters home are translated into Polish and Punjabi, and an interpreter comes to parents' evenings on request.", "1", "3.2", "narrative"),
    R("There is no breakfast club, and working parents have told us this makes mornings difficult.", "1", "3.3", "narrative", "absence"),
    R("We will introduce an online parents' survey next year to reach families who do not return the paper questionnaire.", "2", "1.3", "narrative", "plan"),
    R("Attendance rose to 95.1% in 2007/08; the planned text message on the first day of absence has not yet started.", "5", "4.2", "narrative", "mixed"),
    R("Office staff are welcoming and helpful to parents.", "4", "2.2", "staff_short"),
    R("Our home-school agreement promises that the headteacher will see any parent within two school days of a request.", "5", "5.1", "narrative"),
    R("Extended school services are run with the children's centre, the youth service and a local football club.", "2", "3.4", "narrative"),
    R("Leaders and governors have a clear vision for the school that places pupils and parents at the centre of everything it does.", "4", "2.1", "assessor"),
    R("Pupils who arrive speaking little English are assessed in their first week and given a buddy and an individual support plan.", "1", "1.1", "narrative"),
    R("Admissions information, including how places are allocated, is in the printed guide for parents and on the council website.", "1", "3.1", "narrative"),
    R("- Parents' drop-in with the SENCO every Friday morning", "1", "3.3", "bullet"),
    R("Teachers are approachable.", "4", "2.2", "staff_short"),
    R("The governing body has not reviewed the school's equality policy since 2004.", "4", "2.1", "narrative", "absence"),
    N("St Anne's CE Primary School – Self-Evaluation Form (SEF) – Section 4", "noise"),
    N("Repainting of the staff room and the headteacher's office over the summer holiday", "irrelevant"),
)

COLLEGE: tuple[Row, ...] = (
    R("Course representatives meet the Principal every term, and the minutes and the college's responses are posted on the intranet.", "2", "1.2", "narrative", alt="5"),
    R("Success rates for 16-18 learners on long courses rose to 79% in 2006/07, above the national average.", "5", "4.2", "narrative"),
    R("Learners can now enrol online, by phone or at three evening enrolment events, and fees can be paid in instalments.", "1", "3.3", "narrative"),
    R("Student services advisers completed the Level 4 Certificate in Information, Advice and Guidance.", "3", "2.2", "narrative"),
    R("Learner satisfaction survey, November 2007: 2,300 responses; 88% would recommend the college to a friend", "2", "1.3", "terse"),
    R("We run Skills for Life courses in community centres and mosques jointly with the council's adult learning service.", "2", "3.4", "narrative", alt="1"),
    R("Learners with disabilities agree an individual learning support plan with their support tutor when they start.", "1", "1.1", "narrative"),
    R("The college does not yet survey the employers who send apprentices to us.", "2", "1.3", "narrative", "absence"),
    R("A single enquiry line for all campuses is proposed for the 2009/10 enrolment period.", "1", "3.3", "narrative", "plan"),
    R("We answered 92% of enquiries within 48 hours during enrolment, but we have no standard for how quickly applicants hear about an interview.", "5", "5.3", "narrative", "mixed"),
    R("The Corporation approved a learner involvement strategy and receives a report on it every year.", "4", "1.2", "narrative"),
    R("The college demonstrated that customer insight is used to plan its curriculum, with labour market information and learner destinations shaping each year's course offer.", "1", "1.1", "assessor"),
    R("Tutors are approachable and supportive.", "4", "2.2", "staff_short"),
    R("Complaints and compliments 2007/08: 146 complaints, 71% resolved at stage 1", "5", "4.3", "terse"),
    R("Every learner receives the Learner Charter at induction, setting out our commitments on teaching, support, feedback on assignments and how to complain.", "5", "4.1", "narrative"),
    R("• Library and learning centre open until 9pm in term time", "1", "3.3", "bullet"),
    R("• Exam results published on the website by course and campus", "5", "4.2", "bullet"),
    R("Learner focus groups have not been held at the two smaller campuses this year.", "2", "1.2", "narrative", "absence"),
    N("Northgate College – Customer Service Excellence Assessment – Action Plan v0.3 DRAFT", "noise"),
    N("Payroll moved onto the new HR software module", "irrelevant"),
)

TRANSPORT: tuple[Row, ...] = (
    R("Bus punctuality: 84% of services on time at timing points in 2007/08 (target 85%)", "5", "5.3", "terse"),
    R("The transport authority holds quarterly passenger forums in each district, and the bus operators attend to answer questions.", "2", "1.2", "narrative"),
    R("Low-floor buses now run on every route, and timetables can be had in large print or read out over the phone.", "1", "3.3", "narrative"),
    R("The Passenger Charter sets out what passengers can expect on reliability, cleanliness, information and staff behaviour, and what compensation is paid when trains are late.", "5", "4.1", "narrative"),
    R("Delay Repay claims paid within 10 working days: 96%", "5", "5.3", "terse"),
    R("All drivers completed disability awareness training, including how to help wheelchair users on and off the bus.", "3", "2.2", "narrative"),
    R("Dial-a-ride for people who cannot use ordinary buses, bookable up to a week ahead", "1", "3.3", "terse"),
    R("Real-time bus information at 300 stops and by text message", "1", "3.1", "terse"),
    R("There is no complaints procedure for the community transport scheme run by volunteers.", "5", "4.3", "narrative", "absence"),
    R("A joint ticket accepted by all three bus operators is planned for 2010, subject to agreement with the operators.", "2", "3.4", "narrative", "plan"),
    R("Passenger satisfaction with bus services was 79% in the autumn 2008 survey; the spring survey has been cancelled for lack of funding.", "2", "1.3", "narrative", "mixed"),
    R("The organisation demonstrated effective co-operation with partners, including the bus operators, the police and the rail company, to make the interchange safer at night.", "2", "3.4", "assessor"),
    R("Drivers are polite and helpful.", "4", "2.2", "staff_short"),
    R("The Transport Committee set a target that 95% of reported faults at bus shelters are repaired within 5 working days.", "4", "5.1", "narrative"),
    R("Travel training helps young people with learning disabilities learn to use the buses on their own.", "1", "3.3", "narrative"),
    R("- Concessionary pass applications now accepted at all libraries", "1", "3.3", "bullet"),
    R("- Lost property enquiries answered within 3 working days (published standard)", "5", "5.1", "bullet"),
    R("We have not consulted passengers about the timetable changes since the network review of 2006.", "2", "1.2", "narrative", "absence"),
    N("Metro Transport Authority – Customer Services Plan 2008-2011 – Consultation Draft – Page 3 of 27", "noise"),
    N("Fuel tanks at the bus depot replaced to meet environmental regulations", "irrelevant"),
)

HOUSING: tuple[Row, ...] = (
    R("Tenants' and residents' associations meet their area housing manager every quarter, and the Tenants' Federation has two seats on the Housing Board.", "2", "1.2", "narrative"),
    R("Emergency repairs attended within 24 hours: 98.6% (target 98%)", "5", "5.3", "terse"),
    R("Repairs appointments are now offered in morning, afternoon, school-run and Saturday slots.", "1", "3.3", "narrative"),
    R("The Housing Board approved a repairs policy that lets tenants choose an appointment time for every non-emergency repair.", "4", "3.3", "narrative"),
    R("Tenancy sustainment officers helped 212 tenants at risk of eviction keep their homes in 2007/08.", "1", "4.2", "narrative"),
    R("Repairs satisfaction cards: 93% satisfied with their last repair (2,850 returned)", "2", "1.3", "terse"),
    R("Housing officers completed the CIH Level 3 Certificate in Housing.", "3", "2.2", "terse"),
    R("Our tenant profile shows that 22% of tenants are over 70 and 9% have a disability, and it guides where we hold estate surgeries.", "1", "1.1", "narrative"),
    R("Annual report to tenants: performance on repairs, relets, rent collection and complaints against our local offer standards", "5", "4.2", "terse"),
    R("Families with children who come to us homeless are seen by a housing options adviser the same day and placed that night if needed.", "1", "5.2", "narrative"),
    R("Estate inspections with residents stopped when the estate officer post was deleted in 2007.", "2", "1.2", "narrative", "absence"),
    R("We plan to introduce a team of tenant mystery shoppers in 2009.", "2", "1.3", "narrative", "plan"),
    R("Empty homes were re-let in an average of 27 days in 2007/08, and we intend to publish re-let times for each estate from next April.", "5", "5.3", "narrative", "mixed"),
    R("Working with the police, the youth service and the residents' association on the Elm Park estate, the housing team ran a summer programme for young people, put new lighting in the underpasses and now reports back to residents every quarter on anti-social behaviour cases.", "2", "3.4", "narrative", alt="5"),
    R("Putting the customer at the heart of service delivery is evident in the way housing staff talk about tenants and in the organisation's business plan.", "4", "2.1", "assessor"),
    R("Housing officers know their patches and their tenants well.", "4", "2.2", "staff_short"),
    R("Complaints about anti-social behaviour cases are reviewed by the Head of Housing to change how cases are handled.", "4", "4.3", "narrative"),
    R("Leaseholders have no published service standards for consultation on major works.", "5", "4.1", "narrative", "absence"),
    R("• Rent statements in large print or Braille on request", "1", "3.2", "bullet"),
    R("• Sheltered housing wardens visit every resident daily", "1", "3.3", "bullet"),
    R("• Gas safety checks: 99.8% of homes with a valid certificate", "5", "4.2", "bullet"),
    N("Prepared by: Head of Housing Management", "noise"),
    N("Air conditioning replaced in the housing office server room", "irrelevant"),
)

LIBRARY: tuple[Row, ...] = (
    R("Opening hours at the Central Library were extended to 8pm on Mondays and Thursdays following the library users' survey.", "1", "3.3", "narrative"),
    R("Library users' survey (PLUS) 2007: 92% rated staff helpfulness as good or very good", "2", "1.3", "terse"),
    R("The home library service takes books every fortnight to 340 housebound readers, chosen by a named volunteer who knows their tastes.", "1", "3.3", "narrative"),
    R("Reading groups for visually impaired people are run with the RNIB, using audio and large print copies.", "2", "3.4", "narrative", alt="1"),
    R("Library staff completed the 'Reader Development' course and information literacy training.", "3", "2.2", "narrative"),
    R("The library service works with the primary care trust to run Books on Prescription in every branch.", "2", "3.4", "narrative"),
    R("Catalogue online 24/7 with reservations and renewals", "1", "3.3", "terse"),
    R("Visits per 1,000 population: 6,240 in 2007/08, up 4%", "5", "4.2", "terse"),
    R("Mobile library stops in the rural villages were withdrawn in 2006 and have not been replaced.", "1", "3.3", "narrative", "absence"),
    R("We intend to consult teenagers on a new young people's area at the Central Library next year.", "2", "1.2", "narrative", "plan"),
    R("Free internet access is available at all 14 branches, and wi-fi will be introduced in 2009.", "1", "3.3", "narrative", "mixed"),
    R("Staff are customer-focused and knowledgeable, and go out of their way to find what readers want.", "4", "2.2", "assessor"),
    R("Staff are welcoming to new members.", "4", "2.2", "staff_short"),
    R("Library membership is free for everyone, and no fines are charged on children's books or to people over 60.", "1", "3.3", "narrative"),
    R("Information about council services, benefits and local groups is available in every branch at the 'Ask Here' points.", "1", "3.1", "narrative"),
    R("- Homework club with volunteer tutors, Tue & Thu after school", "1", "3.3", "bullet"),
    R("- Requests for new books: stock on the shelf within 2 weeks (published standard)", "5", "5.1", "bullet"),
    R("Non-users have never been asked why they do not use the library.", "1", "1.1", "narrative", "absence"),
    N("Libraries and Heritage Service – Evidence Log (Criterion 3) – last updated 03/03/2009", "noise"),
    N("Library staff room kitchen refitted", "irrelevant"),
)

LEISURE: tuple[Row, ...] = (
    R("The leisure card gives 50% off swimming and gym sessions to people on benefits, students and the over-60s.", "1", "3.3", "narrative"),
    R("Women-only swimming sessions were introduced after consultation with Muslim women's groups.", "1", "3.3", "narrative"),
    R("A user forum at each leisure centre meets twice a year; the notes and our responses are displayed in reception.", "2", "1.2", "narrative", alt="5"),
    R("Leisure centre staff hold the National Pool Lifeguard Qualification and NVQ Level 2 in customer service.", "3", "2.2", "narrative"),
    R("Comment cards: 412 received in 2007/08, 63% of them compliments", "2", "1.3", "terse"),
    R("Exercise referral with GP practices: 680 patients referred, 54% completed the 12-week programme", "2", "4.2", "terse"),
    R("Courts and classes bookable online up to 7 days ahead", "1", "3.3", "terse"),
    R("There is no changing-places toilet or hoist at the Riverside pool.", "1", "3.3", "narrative", "absence"),
    R("A survey of people who do not use our leisure centres is proposed for 2009, to find out what puts them off.", "1", "1.1", "narrative", "plan"),
    R("Visits rose to 1.2 million in 2007/08; we have not yet set targets for visits by disabled people.", "5", "4.2", "narrative", "mixed"),
    R("Customer insight is used effectively to plan the programme, with membership data analysed by age, postcode and activity.", "1", "1.1", "assessor"),
    R("Reception staff are cheerful and efficient.", "4", "2.2", "staff_short"),
    R("The Leisure Trust Board set a standard that every complaint is acknowledged within 2 working days and answered within 10.", "4", "5.1", "narrative"),
    R("Complaints answered within 10 working days: 88% (standard 100%)", "5", "5.3", "terse"),
    R("Sports development officers run free holiday activities in the parks with the youth service and local clubs.", "2", "3.4", "narrative"),
    R("• Timetable changes consulted on with members for 4 weeks before they start", "2", "1.2", "bullet"),
    R("• Quality award (Quest) 'highly commended' at all three centres", "5", "4.2", "bullet"),
    R("Duty managers are no longer trained in handling complaints since the course was dropped in 2007.", "3", "4.3", "narrative", "absence"),
    N("Signed: Leisure Services Manager", "noise"),
    N("Pool plant room pumps serviced under the annual maintenance contract", "irrelevant"),
)

REGISTRATION: tuple[Row, ...] = (
    R("Birth registration appointments within 5 working days: 97% (standard 100%)", "5", "5.3", "terse"),
    R("Customers can book registration appointments online and at six children's centres as well as at the register office.", "1", "3.3", "narrative"),
    R("Registrars visit hospital wards and hospices to register a death when the informant cannot travel.", "1", "3.3", "narrative"),
    R("Our service standards, displayed in every office, cover waiting for an appointment, issuing certificates, courtesy and privacy, and name the Superintendent Registrar responsible.", "5", "4.1", "narrative"),
    R("Registration staff completed bereavement awareness training run by Cruse.", "3", "2.2", "narrative"),
    R("Working with the DWP and the council's benefits and council tax teams, we offer a service in which a family registering a death tells us once and the other services are informed.", "2", "3.4", "narrative"),
    R("Survey of couples married in 2007: 98% satisfied with their ceremony", "2", "1.3", "terse"),
    R("Certificates cannot yet be ordered online.", "1", "3.3", "terse", "absence"),
    R("We propose to publish on the council website how long customers wait for a birth registration appointment.", "5", "5.3", "narrative", "plan"),
    R("Leaflets on registering a death are available in six languages, but there is no Easy Read version yet.", "1", "3.2", "narrative", "mixed"),
    R("Registrars are sensitive and discreet.", "4", "2.2", "staff_short"),
    R("The service demonstrated a strong customer focus, with managers and staff sharing a commitment to high quality service at important moments in people's lives.", "4", "2.1", "assessor"),
    R("- Ceremonies on Saturdays and bank holidays in 42 approved venues", "1", "3.3", "bullet"),
    R("- Citizenship ceremony guests asked to rate the ceremony: 96% 'excellent'", "2", "1.3", "bullet"),
    N("Registration and Celebratory Services – CSE Self-Assessment Workbook – Criterion 5 – Timeliness and Quality of Service", "noise", "5"),
    N("Strong room shelving replaced to hold the historic registers", "irrelevant"),
)

PLANNING: tuple[Row, ...] = (
    R("Major applications decided within 13 weeks: 72% (national target 60%)", "5", "5.3", "terse"),
    R("Pre-application advice with a named case officer for every major scheme", "1", "3.3", "terse"),
    R("The Statement of Community Involvement sets out how we consult on planning policies and applications, and it was adopted after a public examination.", "2", "1.2", "narrative"),
    R("Every planning application and decision notice can be viewed and commented on online through Public Access.", "5", "3.1", "narrative"),
    R("Planning officers completed training in writing decision letters and committee reports in plain English.", "3", "3.2", "narrative"),
    R("An agents' forum meets twice a year to discuss the validation checklist and changes to the service.", "2", "1.2", "narrative"),
    R("Survey of applicants 2007/08: 71% satisfied with the service", "2", "1.3", "terse"),
    R("We do not currently acknowledge comments from neighbours on planning applications.", "2", "1.2", "narrative", "absence"),
    R("Standards for planning enforcement, including how quickly we will visit a reported breach, will be introduced next year.", "5", "5.1", "narrative", "plan"),
    R("A duty planning officer is available every weekday morning, and we intend to add an evening session once a month.", "1", "3.3", "narrative", "mixed"),
    R("Co-operation with partners, including the parish councils and the highways authority, is well established and effective.", "2", "3.4", "assessor"),
    R("Planning officers are helpful and professional.", "4", "2.2", "staff_short"),
    R("The Head of Planning reviews every complaint upheld by the Ombudsman and reports the lessons to the planning committee.", "4", "4.3", "narrative"),
    R("• Householder guide to extensions, in plain English with drawings", "1", "3.2", "bullet"),
    R("• Appeals allowed against our decisions: 28% (2007/08)", "5", "4.2", "bullet"),
    N("Development Control – Charter Mark Renewal 2007 – Section B – Evidence Summary – Compiled by the Business Support Manager on behalf of the Head of Planning", "noise"),
    N("Planning office desks reconfigured for hot-desking", "irrelevant"),
)

REVENUES: tuple[Row, ...] = (
    R("New Housing Benefit claims processed in an average of 24 days in 2007/08 (target 30)", "5", "5.3", "terse"),
    R("Council tax can be paid by direct debit on any of four dates, online, at post offices or at any PayPoint.", "1", "3.3", "narrative"),
    R("Benefits take-up campaign with Age Concern and the Pension Service: 310 older people helped to claim", "2", "4.2", "terse"),
    R("Visiting officers help housebound and vulnerable claimants fill in forms at home.", "1", "3.3", "narrative"),
    R("Benefits assessors completed the IRRV Level 3 technical qualification.", "3", "2.2", "terse"),
    R("A claimants' forum with the advice agencies meets every quarter to discuss our forms and letters.", "2", "1.2", "narrative"),
    R("Benefit letters were rewritten in plain English and tested with the claimants' forum.", "1", "3.2", "narrative", alt="2"),
    R("Council tax collection rate 97.8% (2007/08)", "5", "4.2", "terse"),
    R("No e-billing option is available to council tax payers yet.", "1", "3.3", "terse", "absence"),
    R("We plan to offer evening appointments for working claimants from next year.", "1", "3.3", "narrative", "plan"),
    R("Right first time: 94% of claims processed without error, and we intend to publish accuracy figures every quarter from April.", "5", "5.2", "narrative", "mixed"),
    R("Customer insight is used to decide where to target take-up work, using benefit data mapped by ward and age.", "1", "1.1", "assessor"),
    R("Benefits staff are patient and clear.", "4", "2.2", "staff_short"),
    R("Claims from care leavers and people fleeing domestic violence are decided within 48 hours of receiving all the information.", "1", "5.2", "narrative"),
    R("Every benefit decision letter explains how to ask for a reconsideration and how to appeal, and the time limit for doing so.", "5", "4.3", "narrative"),
    R("Sign-ups to direct debit rose by 1,900 after the payment campaign.", "5", "4.2", "narrative"),
    R("• Backdating requests decided within 14 days (service standard)", "5", "5.1", "bullet"),
    R("• Council tax bills explained in a plain-English leaflet sent with every bill", "1", "3.2", "bullet"),
    R("Discretionary Housing Payments are not yet advertised, so few claimants know they can apply.", "1", "3.1", "narrative", "absence"),
    N("Revenues and Benefits Service – Annual Review 2007/08 – Cover page", "noise"),
    N("Document imaging servers moved to the new data centre", "irrelevant"),
)


# A second pass over every sector: organisations' summaries of their assessment, more of the assessor's voice,
# training, gaps and plans, long multi-theme sentences and bullets, and more title and sign-off lines.
MORE: dict[str, tuple[Row, ...]] = {
    "police": (
        R("Our assessor found that we use customer insight well to shape neighbourhood policing, but that we do not yet publish what we learn from it.", "1", "1.1", "summary", "mixed"),
        R("New PCSOs spend a week with their neighbourhood team and a day with the victim support coordinator as part of induction.", "3", "2.2", "narrative"),
        R("Satisfaction of people who report hate crime is not measured separately.", "2", "1.3", "narrative", "absence"),
        R("Neighbourhood officers will be trained in restorative justice during 2009.", "3", "2.2", "narrative", "plan"),
        R("Results from the victim satisfaction survey are not published locally.", "5", "1.3", "narrative", "absence"),
        R("Our neighbourhood teams, working closely with housing officers, youth workers and the fire service, publish a ward newsletter each quarter telling residents what was done about the priorities they set at PACT meetings, how many crimes were solved and how to contact their named beat manager.", "5", "1.2", "narrative"),
        N("Prepared by the Performance and Improvement Team, Corporate Services Directorate, on behalf of the Chief Constable, for submission to the certification body", "noise"),
    ),
    "fire_rescue": (
        R("The assessment report praised the way our crews put the customer at the heart of service delivery, from the first call to the after-the-incident visit.", "4", "2.2", "summary"),
        R("Crews were trained by the local deaf society to communicate with deaf householders during home safety visits.", "3", "3.3", "narrative"),
        R("A customer charter setting out what the public can expect from us at an incident and afterwards will be published next year.", "5", "4.1", "narrative", "plan"),
        R("All 28 wholetime stations now have a hearing loop at the front desk; the retained stations are still to be fitted.", "1", "3.3", "narrative", "mixed"),
        R("The service worked with the county's Gypsy and Traveller liaison officer and the primary care trust to visit every authorised site, fit smoke alarms and give fire safety advice in person, because our leaflets had not reached these families.", "2", "3.4", "narrative", alt="1"),
        N("Pool cars for staff replaced with hybrid vehicles", "irrelevant"),
    ),
    "gp_practice": (
        R("Our CSE assessor noted that the practice had not yet set a standard for how quickly patients can see a nurse.", "5", "5.1", "summary", "absence"),
        R("The partners have agreed in principle to open on Saturday mornings, subject to funding from the PCT.", "4", "3.3", "narrative", "plan"),
        R("There is no written complaints procedure for patients to see.", "5", "4.3", "terse", "absence"),
        R("Doctors take time to listen.", "4", "2.2", "staff_short"),
    ),
    "hospital": (
        R("In her report the assessor highlighted the Trust's co-operation with partners in social care as an area of Compliance Plus.", "2", "3.4", "summary"),
        R("There is a strong commitment to customer service at all levels, from the Chief Executive to the front line.", "4", "2.1", "assessor"),
        R("Complaints staff and matrons completed training in local resolution and mediation.", "3", "4.3", "narrative"),
        R("We intend to train all outpatient reception staff in deaf awareness during 2009.", "3", "3.3", "narrative", "plan"),
        R("Waiting times for hip replacements came down from 40 to 17 weeks, but the orthopaedic outpatients survey planned for 2007 did not take place.", "5", "5.2", "narrative", "mixed"),
        R("No patient panel has met since the patients' forum was abolished in 2008.", "2", "1.2", "narrative", "absence"),
        R("After a review led by the Director of Nursing, drawing on complaints, PALS contacts and a survey of 600 outpatients, the Trust moved its outpatient clinics to the ground floor, added evening clinics and began sending text reminders, and missed appointments fell from 12% to 7%.", "4", "4.2", "narrative"),
        N("Approved by the Trust Board on 26 March 2008 – Version 2.1 – Review date March 2009", "noise"),
    ),
    "school": (
        R("The assessment found that the school consults parents regularly and acts on what they say.", "2", "1.2", "summary"),
        R("The governors intend to set up a parents' forum from September.", "4", "1.2", "narrative", "plan"),
        R("Pupils' views have not been sought on the behaviour policy.", "2", "1.2", "narrative", "absence"),
        R("Through the extended schools partnership with the children's centre and the health visitors, parents of children starting in reception now get a home visit from their child's teacher, a welcome pack in their own language and a named contact in the office.", "2", "3.4", "narrative", alt="1"),
        N("Signed by the Chair of Governors and the Headteacher on behalf of the governing body, 12 June 2008, following the full governors' meeting", "noise"),
    ),
    "college": (
        R("The assessor found partial compliance in timeliness: the college has standards for answering enquiries but does not publish how well it meets them.", "5", "5.1", "summary", "mixed"),
        R("Learner representatives and the staff who support them were trained in running focus groups.", "3", "1.2", "narrative"),
        R("Training for all lecturers on supporting learners with dyslexia is planned for the spring term.", "3", "2.2", "narrative", "plan"),
        R("Retention improved to 88%, and we will set retention targets for each curriculum area from 2009/10.", "5", "4.2", "narrative", "mixed"),
        R("• Open evenings, taster days, online enrolment and a crèche for learners with young children", "1", "3.3", "bullet"),
        R("Staff go the extra mile for learners.", "4", "2.2", "staff_short"),
        N("Compiled by: J. Patel, Quality Manager", "noise"),
        N("Page 12 of 40 – Northgate College – CSE Self-Assessment", "noise"),
    ),
    "transport": (
        R("Our assessment report says staff are customer-focused and take pride in the service, and recommends more training for new drivers in dealing with complaints.", "4", "2.2", "summary", "mixed"),
        R("The organisation demonstrated that it sets and monitors challenging standards for the timeliness of its services.", "5", "5.1", "assessor"),
        R("Timetable information is not available in any language other than English.", "1", "3.2", "narrative", "absence"),
        R("We are proposing a passenger panel to test new timetables before they are printed.", "2", "1.2", "narrative", "plan"),
        R("– Complaints: 1,412 received, 94% answered within 10 days, compensation paid in 212 cases, lessons reported to the Board", "5", "4.3", "bullet"),
        R("Station staff are visible and helpful.", "4", "2.2", "staff_short"),
        N("Appendix 4: Passenger Charter (separate document)", "noise"),
    ),
    "housing": (
        R("The assessor noted that customer insight is used to target services, for example by holding estate surgeries where older tenants live.", "1", "1.1", "summary"),
        R("The organisation provides a comprehensive range of information about its services, in print, online and at every counter.", "1", "3.1", "assessor"),
        R("Every housing officer has a personal development plan agreed at an annual appraisal.", "3", "2.2", "narrative"),
        R("No satisfaction survey of tenants has been carried out since the 2004 STATUS survey.", "2", "1.3", "narrative", "absence"),
        R("A choice-based lettings scheme, in which applicants bid for homes online, will be introduced in 2009 jointly with two housing associations.", "1", "3.3", "narrative", "plan", alt="2"),
        R("• Older tenants: a yearly visit, a large-print newsletter, priority repairs and a named officer for each sheltered scheme", "1", "3.3", "bullet"),
        N("Westdale Homes – Customer Service Excellence – Application for Assessment", "noise"),
    ),
    "library": (
        R("We were awarded Compliance Plus for our work with partners, in particular the Books on Prescription scheme and the reading groups run with the RNIB.", "2", "3.4", "summary"),
        R("Front-line staff were trained in BSL Level 1, so there is a signing member of staff at each main branch.", "3", "3.3", "narrative"),
        R("The children's library survey showed 90% of parents satisfied; the planned survey of teenagers has not happened.", "2", "1.3", "narrative", "mixed"),
        R("Self-service issue and return machines will be installed at the five largest branches next year.", "1", "3.3", "narrative", "plan"),
        R("The library service's plan for 2008-11, approved by the Cabinet after consultation with users and non-users, commits us to longer opening hours, a new mobile library for the rural villages and home delivery for every housebound reader who asks.", "4", "3.3", "narrative"),
        N("Contents: 1 Introduction; 2 About the service; 3 Evidence against the criteria; 4 Action plan", "noise"),
        N("Estates: boiler flues at the Central Library replaced on time and within budget", "irrelevant"),
    ),
    "leisure": (
        R("The assessment recognised our leisure card and women-only sessions as good examples of services designed around customers' needs.", "1", "3.3", "summary"),
        R("Satisfaction is measured regularly, and the results are used to drive improvement.", "2", "1.3", "assessor"),
        R("Swimming lessons for disabled children run on Saturdays, and we plan to add a session for adults with learning disabilities.", "1", "3.3", "narrative", "mixed"),
        R("We intend to publish monthly customer satisfaction results in each centre's reception from April.", "5", "1.3", "narrative", "plan"),
        R("We have no way of recording comments made by phone.", "2", "1.3", "narrative", "absence"),
        N("Payroll for leisure centre staff outsourced to the Trust's new provider", "irrelevant"),
    ),
    "registration": (
        R("The assessor commented that staff are highly professional and treat customers with dignity and respect at difficult times.", "4", "2.2", "summary"),
        R("Staff receive good training and development and are well equipped to deal with customers' enquiries.", "3", "2.2", "assessor"),
        R("There is no appointment system at the two outlying offices, so customers may wait for up to an hour.", "1", "3.3", "narrative", "absence"),
        R("Nationality checking service to be offered at the register office from next year", "1", "3.3", "terse", "plan"),
    ),
    "planning": (
        R("Our assessment identified that the planning service does not yet measure customer satisfaction regularly.", "2", "1.3", "summary", "absence"),
        R("Complaints are handled promptly and sensitively, and there is good evidence of learning from them.", "5", "4.3", "assessor"),
        R("How long we take to decide applications is not published on the council website.", "5", "5.3", "narrative", "absence"),
        R("Our validation checklist was revised with local agents in 2007, and we plan to consult them again on charging for pre-application advice.", "2", "1.2", "narrative", "mixed"),
        N("Racking in the planning file store replaced; no change to public access", "irrelevant"),
    ),
    "revenues_benefits": (
        R("The assessor was impressed that managers review right-first-time and processing times every week and act quickly when performance dips.", "4", "2.1", "summary"),
        R("The organisation demonstrated that it delivers the outcomes it promises, with performance above target on most indicators.", "5", "4.2", "assessor"),
        R("After refresher training on the new benefit rules, the error rate in assessments fell from 8% to 3%.", "3", "5.2", "narrative"),
        R("There is no home-visiting service for council tax payers, only for benefit claimants.", "1", "3.3", "narrative", "absence"),
        R("Targets for answering council tax calls within 30 seconds will be set from next April.", "5", "5.1", "narrative", "plan"),
        R("With the help of the CAB, the advice agencies and our claimants' forum, the benefits service redesigned its claim form, cut it from 40 pages to 12, trained all staff in the new process and now decides 85% of claims within 14 days, against 60% two years ago.", "2", "5.3", "narrative", alt="3"),
        R("Counter staff were praised by customers for being knowledgeable.", "4", "2.2", "staff_short"),
        N("Internal audit of the council tax refunds process completed with no recommendations", "irrelevant"),
    ),
}

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
}

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "dev_extra_statements.csv"
FIRST_CORPUS = HERE / "labeled_statements.csv"


def check_row(sector: str, row: Row) -> None:
    """Raise ValueError if a row breaks the labeling conventions of docs/labeling.md."""
    check_sector_row(sector, row)


def build_rows(taken: set[str]) -> Iterator[dict[str, str]]:
    """Yield the CSV records in id order; ``taken`` holds texts (or text keys) that may not appear."""
    tables = {sector: rows + MORE.get(sector, ()) for sector, rows in SECTORS.items()}
    return sector_records(tables, "D", UniqueTexts(taken, "labeled_statements.csv"))


def write_csv(path: Path) -> int:
    """Check every row, then write the extension to ``path``; return the number of data rows."""
    return write_records(path, SECTOR_COLUMNS, list(build_rows(corpus_texts(FIRST_CORPUS))))


def main() -> None:
    """Regenerate tests/data/dev_extra_statements.csv next to this script."""
    count = write_csv(OUTPUT)
    print(f"wrote {count} rows to {OUTPUT}")


if __name__ == "__main__":
    main()
