"""Build the second development extension of the labeled corpus: the voices and sectors the matcher still fails.

The first extension (``build_dev_extra.py``) showed by cross-validation that more training statements in the
voices that fail would help more than tuning. This script adds them: the evaluative voice of CSE assessment
reports and of organisations' summaries of them; long narrative sentences and bullets that touch several themes
where one theme is the point; short statements about staff; culture and commitment statements; satisfaction
mentioned in statements about something else; "putting the customer at the heart" and "co-operation"; absences,
plans and mixtures of fact and plan; title, authorship and cover-page lines; and activities with no customer
side. Fifteen sectors, including national agencies and courts. Every row is labeled by ``docs/labeling.md``,
including the ``kind`` label, and was labeled before anyone looked at how the matcher scores it. All rows are
development data (split ``dev``): tune on them freely.

Run from the repository root::

    python tests/data/build_dev_extra2.py

The id, split and CSE criterion are derived here, never typed. Before writing, every row is checked by
``corpus_checks.py``: known labels, alt different from the primary, NONE rows consistent, and no text repeated
(case- and space-insensitively) within this file or in ``labeled_statements.csv`` or ``dev_extra_statements.csv``.
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
    R("The force demonstrated that it knows its communities well, drawing on neighbourhood profiles, calls-for-service data and contact with minority groups to understand who is not reporting crime.", "1", "1.1", "assessor"),
    R("Officers and police staff are customer-focused and show real pride in the service they give to victims.", "4", "2.2", "assessor"),
    R("Customer insight is used to shape how the force keeps victims informed, with each victim's preferred way of receiving updates recorded at the first contact.", "1", "1.1", "assessor"),
    R("A commitment to quality service runs through the force, led visibly by the Chief Constable and the police authority.", "4", "2.1", "assessor"),
    R("Co-operation with the local authority, the youth offending team and Victim Support is well developed and focused on outcomes for the public.", "2", "3.4", "assessor"),
    R("The force puts the victim at the centre of everything it does, and this is reflected in its policing plan and in the way officers speak about their work.", "4", "2.1", "assessor"),
    R("Our assessor reported that we measure victim satisfaction thoroughly but do not yet tell the public what the surveys found.", "2", "1.3", "summary", "mixed"),
    R("The assessment commended the force for the range of information it gives victims and witnesses, from the first contact leaflet to the guide to going to court.", "1", "3.1", "summary"),
    R("In the assessment feedback, our front counter staff were described as friendly, well informed and patient with distressed callers.", "4", "2.2", "summary"),
    R("PCSOs are approachable.", "4", "2.2", "staff_short"),
    R("Call takers stay calm under pressure.", "4", "2.2", "staff_short"),
    R("Custody staff treat detainees' families with respect.", "4", "2.2", "staff_short"),
    R("Although the district also runs street surgeries and a youth forum, the change residents noticed most in 2008 was the reopening of the Moorside police office on weekday evenings and Saturday mornings, agreed by the district commander after the counter closed in 2006.", "4", "3.3", "narrative"),
    R("Satisfaction among victims of hate crime was the lowest of any group, so the force opened third-party reporting centres in mosques, community centres and a gay bar, where trained volunteers take reports.", "1", "3.3", "narrative"),
    R("Following a review of the Policing Pledge, neighbourhood teams promise to attend every residents' association meeting at least twice a year, to treat callers with courtesy and to give each caller the name of the officer dealing with their problem.", "5", "4.1", "narrative"),
    R("Two hundred response officers completed a one-day course on the needs of people with learning disabilities, which Mencap helped to design, and which also covered how to explain a caution in simple words.", "3", "2.2", "narrative"),
    R("• Residents' scrutiny group reviews a sample of stop and search records every quarter and questions the officers involved", "2", "1.2", "bullet"),
    R("• Standard: burglary victims visited by a crime prevention officer within 48 hours of reporting", "5", "5.1", "bullet"),
    R("- Crime alerts by text and email, free to anyone who registers on the force website", "1", "3.1", "bullet"),
    R("Emergency attendance in urban areas within 15 minutes: 91.2% of incidents, 2007/08", "5", "5.3", "terse"),
    R("Complaints against officers resolved locally: 64% (2006/07: 51%)", "5", "4.3", "terse"),
    R("There has been no survey of people who report crime online since the online reporting form was launched.", "2", "1.3", "narrative", "absence"),
    R("The force does not yet have a standard for how quickly letters and emails from the public are answered.", "5", "5.1", "narrative", "absence"),
    R("Beat surgeries in the rural villages lapsed when the neighbourhood team was cut, and none has taken place since last summer.", "1", "3.3", "narrative", "absence"),
    R("We intend to give every victim a named officer and a single phone number for the life of their case from April 2009.", "1", "3.3", "narrative", "plan"),
    R("A youth advisory panel will be set up next year to help the force understand how young people experience stop and search.", "2", "1.2", "narrative", "plan"),
    R("Every custody suite now has a BSL video explaining detainees' rights, and we plan to add versions in Polish and Romanian in 2009.", "1", "3.2", "narrative", "mixed"),
    N("Eastvale Police – Customer Service Excellence evidence portfolio, Volume 2 (Criteria 3 to 5)", "noise"),
    N("Compiled by Inspector J. Hartley, Performance Review Department, and approved for submission by the Deputy Chief Constable, 14 January 2009", "noise"),
    N("Upgrade of the force's radio masts and replacement of the control room standby generator", "irrelevant"),
)

FIRE: tuple[Row, ...] = (
    R("The service demonstrated a thorough understanding of community risk, combining census data, hospital admissions for burns and referrals from social care to identify the people most likely to die in a fire.", "1", "1.1", "assessor"),
    R("Crews are customer-focused and committed to providing a high quality service, and this was evident in every station visited.", "4", "2.2", "assessor"),
    R("The organisation has a strong culture of public service, championed by the Chief Fire Officer and shared at every level.", "4", "2.1", "assessor"),
    R("Co-operation between the service and its partners in the community safety partnership is excellent, with shared referral routes for vulnerable households.", "2", "3.4", "assessor"),
    R("Customer insight is used to target home safety checks on the streets where the risk is highest.", "1", "1.1", "assessor"),
    R("The service places the public at the heart of its planning, and firefighters understand why prevention matters as much as response.", "4", "2.1", "assessor"),
    R("Our assessor recognised how well crews explain fire risks to householders, although she noted that satisfaction with home safety visits is not yet measured.", "4", "2.2", "summary", "mixed"),
    R("The assessment found that the Fire Authority sets clear attendance standards and reports performance against them to the public every quarter.", "5", "5.1", "summary"),
    R("The report highlighted our work with the Deaf community, in particular the text alarm scheme and the BSL interpreter who now joins every visit to a deaf household.", "1", "3.3", "summary"),
    R("Firefighters are respectful in people's homes.", "4", "2.2", "staff_short"),
    R("Control staff are reassuring and clear.", "4", "2.2", "staff_short"),
    R("Fire safety officers are knowledgeable and fair.", "4", "2.2", "staff_short"),
    R("While the service also takes part in the local strategic partnership and runs a cadet scheme, its main customer improvement this year was a telephone line that lets any resident book a free home safety check at a time that suits them, including evenings.", "1", "3.3", "narrative"),
    R("After residents in the survey said they did not know what a home safety check involved, we rewrote the leaflet in plain English with pictures, tested it with a group of older people and sent it to every household in the high-risk wards.", "1", "3.2", "narrative"),
    R("The Fire Authority agreed in 2007 that an engine should reach life-threatening incidents within 10 minutes on 90% of occasions, and this target now appears in the Integrated Risk Management Plan.", "4", "5.1", "narrative"),
    R("Every watch completed a half-day session on working with interpreters and communicating with people who have little English, after crews reported problems on visits to new arrivals.", "3", "3.3", "narrative"),
    R("• Smoke alarms fitted free for households over 65", "1", "3.3", "bullet"),
    R("• Complaints acknowledged by the station manager and answered in full by a group manager", "5", "4.3", "bullet"),
    R("- Post-incident questionnaire: 96% rated the crew's help as good or very good", "2", "1.3", "bullet"),
    R("Home safety checks completed 2007/08: 11,240 (target 10,000)", "5", "4.2", "terse"),
    R("Average time to answer 999 calls in control: 6 seconds", "5", "5.3", "terse"),
    R("No consultation with residents took place on the closure of the night shift at Westbrook station.", "2", "1.2", "narrative", "absence"),
    R("The service has not yet checked whether its website meets accessibility guidelines.", "1", "3.2", "narrative", "absence"),
    R("Joint home visits with the district nurses stopped when the partnership funding ended in March 2008.", "2", "3.4", "narrative", "absence"),
    R("We propose to publish the attendance time for every incident on a map on our website from next year.", "5", "5.3", "narrative", "plan"),
    R("A members' panel on customer service will be established by the Fire Authority in 2009 to oversee complaints and satisfaction.", "4", "2.1", "narrative", "plan"),
    R("The schools education programme reached every primary school in the county in 2007, and we intend to extend it to secondary schools and colleges over the next two years.", "5", "4.2", "narrative", "mixed"),
    N("Annex C: Station-by-station performance tables (see separate workbook)", "noise"),
    N("Approved by the Chief Fire Officer and the Chair of the Fire Authority Performance and Scrutiny Committee for inclusion in the 2008 assessment submission", "noise"),
    N("Breathing apparatus compressors serviced and recertified at all twelve stations", "irrelevant"),
)

GP: tuple[Row, ...] = (
    R("The practice demonstrated a good understanding of its patient population, with registers for carers, housebound patients and patients whose first language is not English.", "1", "1.1", "assessor"),
    R("Reception and nursing staff are patient-focused, caring and committed to giving a good service.", "4", "2.2", "assessor"),
    R("There is a strong ethos of patient care throughout the practice, set by the partners and understood by every member of the team.", "4", "2.1", "assessor"),
    R("Patient insight is used to plan services, for example by running diabetes clinics at times when working patients can attend.", "1", "1.1", "assessor"),
    R("The practice co-operates well with the health visitors, the community pharmacy and the local carers' centre.", "2", "3.4", "assessor"),
    R("The practice has put patients at the heart of how it is run, and patients said they feel listened to.", "4", "2.1", "assessor"),
    R("Our assessor found that the Patient Participation Group is active and influential, and suggested that we report its achievements more widely.", "2", "1.2", "summary"),
    R("Our summary of the assessment notes that 95% of urgent requests are dealt with on the same day, but that we do not yet publish this figure to patients.", "5", "5.3", "summary", "mixed"),
    R("The report praised our reception team for their discretion and kindness.", "4", "2.2", "summary"),
    R("Receptionists are discreet.", "4", "2.2", "staff_short"),
    R("GPs explain results in plain terms.", "4", "2.2", "staff_short"),
    R("Practice nurses are warm and reassuring.", "4", "2.2", "staff_short"),
    R("After the patient survey showed that 38% of patients found it hard to get through on the phone, the partners bought a new telephone system with a queuing message, moved two receptionists onto the phones between 8 and 10am and opened online appointment booking.", "4", "3.3", "narrative"),
    R("Patients with a learning disability are offered a double appointment, an easy-read invitation and a reminder call the day before, and their carers are invited to attend with them.", "1", "3.3", "narrative"),
    R("The practice leaflet, website and noticeboard were rewritten in 2008 to explain how to book, how to get repeat prescriptions and what to do when the surgery is closed.", "1", "3.1", "narrative"),
    R("All reception staff completed the AMSPAR certificate in medical reception, and two have gone on to the practice management diploma.", "3", "2.2", "narrative"),
    R("• Patients can see a GP of their choice, and a female GP is available every day", "1", "3.3", "bullet"),
    R("• Written complaints acknowledged in 2 working days and answered in 10", "5", "5.1", "bullet"),
    R("• Significant event meetings each month review complaints and change procedures", "4", "4.3", "bullet"),
    R("Patients seen within 48 hours of asking: 97% (PCT standard 100%)", "5", "5.3", "terse"),
    R("Childhood immunisation uptake at 24 months: 94%", "5", "4.2", "terse"),
    R("The practice has never surveyed patients who have left its list.", "1", "1.1", "narrative", "absence"),
    R("There is no hearing loop at reception, and deaf patients have to shout their details across the counter.", "1", "3.3", "narrative", "absence"),
    R("Staff have not had any training in handling complaints since the practice manager left in 2006.", "3", "4.3", "narrative", "absence"),
    R("The partners plan to introduce extended opening on Tuesday and Thursday evenings from autumn 2009.", "4", "3.3", "narrative", "plan"),
    R("We will publish the results of the patient survey in the waiting room and on the website once the 2009 survey is complete.", "5", "1.3", "narrative", "plan"),
    R("Repeat prescriptions can now be ordered by email, and the practice intends to offer text reminders for appointments next year.", "1", "3.3", "narrative", "mixed"),
    N("Hilltop Surgery Practice Development Plan 2008–2010 – draft 3", "noise"),
    N("Signed on behalf of the partners by Dr A. Mensah, senior partner, and Mrs K. Lowe, practice manager", "noise"),
    N("Practice computer server replaced and clinical records migrated over the Easter weekend", "irrelevant"),
)

HOSPITAL: tuple[Row, ...] = (
    R("The Trust demonstrated that it understands the diverse needs of its patients, using its equality monitoring data and a study of outpatients who do not attend to find which groups struggle to reach its services.", "1", "1.1", "assessor"),
    R("Ward staff are caring, professional and committed to treating patients with dignity.", "4", "2.2", "assessor"),
    R("There is a clear commitment from the Board to improving the patient experience, and non-executive directors take part in regular ward visits.", "4", "2.1", "assessor"),
    R("Patient feedback is used to improve services: comment cards on every ward are reviewed each month and the changes made are displayed on a 'you said, we did' board.", "2", "1.3", "assessor", alt="5"),
    R("The Trust works in close co-operation with the local authority, the ambulance service and voluntary groups to plan discharges from hospital.", "2", "3.4", "assessor"),
    R("Putting patients first is part of the Trust's culture and features in its values, its staff awards and its annual plan.", "4", "2.1", "assessor"),
    R("Our CSE assessor praised the PALS team and the way complaints are used to improve care, but noted that the outpatient appointment letters are still hard to understand.", "4", "4.3", "summary", "mixed"),
    R("The assessment recognised the Trust's interpreting service, which provides face-to-face interpreters in 46 languages and a telephone service around the clock.", "1", "3.3", "summary"),
    R("According to the assessor, staff in the emergency department are calm, kind and keep patients informed about waiting times.", "4", "2.2", "summary"),
    R("Porters are courteous and helpful.", "4", "2.2", "staff_short"),
    R("Midwives listen to mothers.", "4", "2.2", "staff_short"),
    R("Clinic clerks are efficient and friendly.", "4", "2.2", "staff_short"),
    R("Although the maternity unit also surveys mothers, works with the local Maternity Services Liaison Committee and publishes a birth choices leaflet, the main change in 2008 was a midwife-led birth centre that lets low-risk women give birth close to home.", "1", "3.3", "narrative"),
    R("Although inpatients rated food and cleanliness highly in the 2007 survey, the Board's priority for 2008 was a Trust-wide privacy and dignity policy, adopted in May and monitored by the Patient Experience Committee.", "4", "2.1", "narrative"),
    R("The Trust's customer care standards promise that every patient will be greeted by name, told who is looking after them, kept informed of delays and treated in private when they wish.", "5", "4.1", "narrative"),
    R("Outpatient waiting areas now display the current waiting time for each clinic, updated every half hour by the clinic clerk.", "5", "5.3", "narrative"),
    R("All 340 healthcare assistants completed the Trust's Dignity in Care course, which combines classroom sessions with shadowing experienced nurses on the wards.", "3", "2.2", "narrative"),
    R("• Car park charges waived for parents of children in intensive care and for patients attending chemotherapy", "1", "3.3", "bullet"),
    R("• Complaints: 412 received, 96% acknowledged within 3 working days", "5", "5.3", "bullet"),
    R("• Discharge letters rewritten in plain English and checked by the readers' panel", "1", "3.2", "bullet"),
    R("18-week referral to treatment achieved for 92% of admitted patients, Mar 2008", "5", "5.3", "terse"),
    R("MRSA bacteraemia cases 2007/08: 14 (2006/07: 31)", "5", "4.2", "terse"),
    R("The Trust has no information about its services in Braille, and blind patients are not asked how they would like to receive letters.", "1", "3.2", "narrative", "absence"),
    R("The patients' forum for the community hospitals has not met since the Patient and Public Involvement Forums were abolished.", "2", "1.2", "narrative", "absence"),
    R("Time standards for answering the switchboard were dropped in 2006 and have not been replaced.", "5", "5.1", "narrative", "absence"),
    R("The Trust plans to open a one-stop breast clinic where women will get their results on the day of their first appointment.", "1", "3.3", "narrative", "plan"),
    R("We intend to train all ward sisters in handling complaints at the ward so that fewer concerns become formal complaints.", "3", "4.3", "narrative", "plan"),
    R("Complaints are now answered in an average of 22 working days, and the Trust proposes to reduce this to 15 days by March 2010.", "5", "5.3", "narrative", "mixed"),
    N("Westfield Hospitals NHS Trust: Customer Service Excellence – Self Assessment Workbook, Criteria 1–5", "noise"),
    N("Prepared by the Head of Patient Experience with contributions from the Divisional Directors of Nursing, the PALS Manager and the Equality and Diversity Lead, June 2008", "noise"),
    N("Replacement of the sterile services department washer-disinfectors", "irrelevant"),
)

SCHOOL: tuple[Row, ...] = (
    R("The school demonstrated a detailed knowledge of its families, tracking groups such as young carers, looked-after children and pupils new to English to make sure none is overlooked.", "1", "1.1", "assessor"),
    R("Teaching and support staff are caring, enthusiastic and committed to every pupil.", "4", "2.2", "assessor"),
    R("The headteacher and governors have created a culture in which parents are welcomed as partners and their views are valued.", "4", "2.1", "assessor"),
    R("The school works in close co-operation with the children's centre, the school nurse and the local mosque to support families.", "2", "3.4", "assessor"),
    R("Parental insight is used to plan the extended day, with the breakfast club and after-school clubs timed to fit parents' working hours.", "1", "1.1", "assessor"),
    R("Putting children and families at the heart of everything the school does is more than a slogan here: it shapes the school development plan and the way staff are recruited.", "4", "2.1", "assessor"),
    R("Our assessor found that the school consults parents well but does not yet measure how satisfied they are with the information it sends home.", "2", "1.2", "summary", "mixed"),
    R("The report recognised the school's home-school liaison worker, who visits families at home and speaks Bengali and Sylheti.", "1", "3.3", "summary"),
    R("The assessment commended the school office staff for their friendly and efficient manner with parents and visitors.", "4", "2.2", "summary"),
    R("Lunchtime supervisors are kind to the children.", "4", "2.2", "staff_short"),
    R("Teaching assistants are patient and encouraging.", "4", "2.2", "staff_short"),
    R("The bursar is helpful to parents with money worries.", "4", "2.2", "staff_short"),
    R("Although the school also runs parent workshops on reading and has a busy PTA, the change parents valued most this year was being able to see their child's attendance, homework and reports online at any time.", "1", "3.3", "narrative"),
    R("Parents' evening satisfaction forms showed that working fathers rarely came, so the governors agreed to hold one evening each term from 6 to 9pm and to offer telephone appointments.", "4", "3.3", "narrative"),
    R("The school prospectus, website and termly newsletter explain the curriculum, the behaviour policy, the uniform, how to apply for free school meals and who to contact about a concern.", "1", "3.1", "narrative"),
    R("After the whole staff took part in training on restorative approaches, exclusions fell from 19 days to 4 days in a year.", "3", "4.2", "narrative"),
    R("• Parent forum meets each half term with the head and two governors", "2", "1.2", "bullet"),
    R("• Complaints policy: class teacher, then head, then governors' panel", "5", "4.3", "bullet"),
    R("• Letters home translated into Polish, Urdu and Somali", "1", "3.2", "bullet"),
    R("Attendance 2007/08: 95.1% (target 94.5%)", "5", "4.2", "terse"),
    R("KS2 English and maths level 4+: 78%", "5", "4.2", "terse"),
    R("There is no written standard for how quickly the school replies to letters or emails from parents.", "5", "5.1", "narrative", "absence"),
    R("The school has not asked pupils' views on the new behaviour policy.", "2", "1.2", "narrative", "absence"),
    R("Since the learning mentor left in 2007 there has been no named contact for families of pupils with poor attendance.", "1", "3.3", "narrative", "absence"),
    R("Governors intend to publish a summary of complaints received and how they were resolved in the annual report to parents from 2009.", "5", "4.3", "narrative", "plan"),
    R("A parent survey will be run every spring from next year.", "2", "1.3", "narrative", "plan"),
    R("The new entrance ramp and accessible toilet were completed in 2008, and a lift to the first floor is proposed for 2010 if the funding bid succeeds.", "1", "3.3", "narrative", "mixed"),
    N("St Luke's C of E Primary School – Customer Service Excellence portfolio – contents and index", "noise"),
    N("Signed: Chair of Governors; Headteacher; School Business Manager (date of the full governing body meeting at which this portfolio was approved)", "noise"),
    N("Kitchen extraction fan replaced and boiler flue inspected over the half-term holiday", "irrelevant"),
)

COLLEGE: tuple[Row, ...] = (
    R("The college demonstrated that it analyses enrolment and destination data by postcode, age and ethnicity to identify groups under-represented among its learners.", "1", "1.1", "assessor"),
    R("Tutors and support staff are learner-focused and committed to helping every student succeed.", "4", "2.2", "assessor"),
    R("Senior managers and governors lead by example, and the commitment to the learner experience is clear in the strategic plan and the way the college is run.", "4", "2.1", "assessor"),
    R("The college co-operates effectively with employers, the local authority and Connexions to plan its courses and support learners.", "2", "3.4", "assessor"),
    R("Learner insight is used to plan services, with each year's enrolment data analysed to decide which courses run in the evenings and at outreach centres.", "1", "1.1", "assessor"),
    R("The learner voice is at the heart of the college: student representatives sit on every course team and on the governing body.", "2", "1.2", "assessor"),
    R("Our assessment summary records that the college met all the elements for information and access, and that the assessor especially liked the new student services centre.", "1", "3.3", "summary"),
    R("The assessor found that complaints are handled fairly but that the college does not analyse them to find common causes.", "5", "4.3", "summary", "mixed"),
    R("In the assessment report, the enrolment team were described as welcoming and well informed.", "4", "2.2", "summary"),
    R("Library staff are helpful to students.", "4", "2.2", "staff_short"),
    R("Lecturers are enthusiastic about their subjects.", "4", "2.2", "staff_short"),
    R("Learning support assistants are patient and discreet.", "4", "2.2", "staff_short"),
    R("While the college also holds termly learner forums and publishes its success rates, the main improvement for adult learners in 2008 was a crèche at the town campus and evening classes timed to start after the school pick-up.", "1", "3.3", "narrative"),
    R("Learner satisfaction with the canteen rose after the principal agreed to a new catering contract with healthier food and longer opening hours.", "4", "1.3", "narrative"),
    R("The student charter tells learners what they can expect from the college – a timetable before term starts, marked work back within three weeks, and respectful treatment – and what the college expects from them.", "5", "4.1", "narrative"),
    R("All new lecturers take the PTLLS teaching qualification in their first year, and every teacher is observed once a year and set development targets.", "3", "2.2", "narrative"),
    R("• Course guides in large print and on audio CD on request", "1", "3.2", "bullet"),
    R("• Financial support advisers at every campus, with same-day appointments", "1", "3.3", "bullet"),
    R("- Learner survey: 89% would recommend the college to a friend", "2", "1.3", "bullet"),
    R("Success rate, 16-18 long courses: 79% (national 76%)", "5", "4.2", "terse"),
    R("Enquiries answered within 2 working days: 88%", "5", "5.3", "terse"),
    R("There is no survey of employers who pay for apprenticeships.", "2", "1.3", "narrative", "absence"),
    R("The college website has not been checked for accessibility, and several pages cannot be read by screen readers.", "1", "3.2", "narrative", "absence"),
    R("The staff suggestion scheme lapsed after the 2006 restructure and has not been revived.", "4", "2.1", "narrative", "absence"),
    R("We intend to introduce a single enquiry number and a named adviser for every adult applicant from September 2009.", "1", "3.3", "narrative", "plan"),
    R("The governors propose to set a standard for how quickly fee refunds are paid.", "4", "5.1", "narrative", "plan"),
    R("Nine in ten applicants now receive an interview within two weeks, and we plan to bring this to ten days next year.", "5", "5.3", "narrative", "mixed"),
    N("Northgate College – CSE re-assessment evidence – Criterion 2 tab – version 1.4 (draft for SMT)", "noise"),
    N("Prepared by the Quality Manager and approved by the Vice Principal (Curriculum and Quality) on behalf of the Senior Management Team", "noise"),
    N("MIS database migrated to the new server and payroll interface tested", "irrelevant"),
)

TRANSPORT: tuple[Row, ...] = (
    R("The organisation demonstrated a good understanding of its passengers, using ticket data, on-board surveys and a study of people who never use the bus to understand what stops them.", "1", "1.1", "assessor"),
    R("Drivers and station staff are customer-focused, and many passengers commented on their friendliness.", "4", "2.2", "assessor"),
    R("A passenger-first culture is led from the top, with directors riding the routes each month and talking to passengers and drivers.", "4", "2.1", "assessor"),
    R("The company works in co-operation with the county council, the rail operator and community transport schemes to join up timetables and tickets.", "2", "3.4", "assessor"),
    R("Passenger insight is used to plan route changes, and the effect of each change on different groups is assessed before it is made.", "1", "1.1", "assessor"),
    R("The authority has placed passengers at the heart of its transport plan, and the plan's priorities came from what passengers said.", "4", "2.1", "assessor"),
    R("Our summary of the assessment notes that the assessor praised the punctuality information on our website but found that we do not yet publish our passenger satisfaction results.", "5", "5.3", "summary", "mixed"),
    R("The assessor recognised our travel training scheme, which helps young people with learning disabilities to travel independently to college.", "1", "3.3", "summary"),
    R("The assessment feedback described our travel shop staff as knowledgeable and keen to help.", "4", "2.2", "summary"),
    R("Drivers wait for passengers to sit down.", "4", "2.2", "staff_short"),
    R("Inspectors are firm but polite.", "4", "2.2", "staff_short"),
    R("Travel centre staff know the network well.", "4", "2.2", "staff_short"),
    R("Although the passenger forum and the bus users' group were consulted on the timetable and the fares were frozen, the real change for wheelchair users in 2008 was that every bus on the town routes became low-floor with a ramp.", "1", "3.3", "narrative"),
    R("Satisfaction with bus stops was poor in the 2007 survey, so the highways team and the bus company jointly replaced 120 shelters and added real-time displays at the busiest stops.", "2", "3.4", "narrative"),
    R("Our passenger charter promises clean buses, a timetable at every stop, courteous drivers, and a refund if a bus fails to run.", "5", "4.1", "narrative"),
    R("Timetable leaflets were redesigned with larger type and clearer maps after a group of partially sighted passengers tested the old and new versions.", "1", "3.2", "narrative"),
    R("All drivers completed a disability awareness module as part of their Certificate of Professional Competence, with sessions led by wheelchair users.", "3", "2.2", "narrative"),
    R("• We aim to post concessionary passes within 10 days of application", "5", "5.1", "bullet"),
    R("• Lost property can be reported online or at any travel shop", "1", "3.3", "bullet"),
    R("• Complaints to the Bus Appeals Body if passengers are not satisfied with our reply", "5", "4.3", "bullet"),
    R("Buses departing on time: 86.4% (Traffic Commissioner standard 95%)", "5", "5.3", "terse"),
    R("Passenger journeys 2007/08: 14.2 million, up 6%", "5", "4.2", "terse"),
    R("There is no audio announcement of the next stop on any of our buses.", "1", "3.3", "narrative", "absence"),
    R("We have not consulted passengers on the withdrawal of the evening service to Hollins.", "2", "1.2", "narrative", "absence"),
    R("The mystery traveller programme stopped in 2007 and punctuality is now measured only by the operators themselves.", "2", "1.3", "narrative", "absence"),
    R("We plan to introduce smartcard tickets that can be topped up online and at local shops during 2010.", "1", "3.3", "narrative", "plan"),
    R("A complaints code, with compensation for missed connections, will be introduced next year.", "5", "4.3", "narrative", "plan"),
    R("Real-time bus information is now available by text message at every stop, and we intend to add it to the council's website in the spring.", "1", "3.1", "narrative", "mixed"),
    N("Integrated Transport Unit – CSE Annual Review 2008 – Front cover", "noise"),
    N("Compiled by the Passenger Services Manager from returns made by the operators, the travel shops and the concessionary fares team; checked by the Head of Transport", "noise"),
    N("Depot fuel tanks replaced and interceptor drains cleaned", "irrelevant"),
)

HOUSING: tuple[Row, ...] = (
    R("The organisation demonstrated that it knows its tenants well, holding profile information on household make-up, disability, language and preferred contact method for 92% of tenancies.", "1", "1.1", "assessor"),
    R("Housing staff are tenant-focused and committed to sorting out problems at the first contact.", "4", "2.2", "assessor"),
    R("Board members and the chief executive show a strong personal commitment to tenants, and tenant board members play a full part in decisions.", "4", "2.1", "assessor"),
    R("Co-operation with the police, social services and the voluntary sector on anti-social behaviour is strong and well organised.", "2", "3.4", "assessor"),
    R("Tenant insight is used to shape the repairs service, with appointment slots designed around what working tenants said they needed.", "1", "1.1", "assessor"),
    R("Putting tenants at the heart of the business is reflected in the association's values, its board papers and the way front-line staff are recognised.", "4", "2.1", "assessor"),
    R("Our assessor found that tenants are involved in every part of the service, from scrutinising repairs to interviewing new staff.", "2", "1.2", "summary"),
    R("The assessment noted that we offer a wide choice of ways to pay rent but that rent statements are still hard to read.", "1", "3.3", "summary", "mixed"),
    R("According to the assessment report, our neighbourhood officers are respected and trusted by tenants.", "4", "2.2", "summary"),
    R("Repairs operatives are tidy and polite.", "4", "2.2", "staff_short"),
    R("Income officers are firm but fair.", "4", "2.2", "staff_short"),
    R("Wardens know every resident by name.", "4", "2.2", "staff_short"),
    R("Although the association also runs a tenants' conference, publishes an annual report to tenants and has a new website, the most important change in 2008 was that repairs can now be booked for a morning, afternoon or school-hours slot that the tenant chooses.", "1", "3.3", "narrative"),
    R("Tenants were satisfied with repairs overall, but the complaints review showed that missed appointments caused most of the complaints, so the repairs manager changed the way jobs are scheduled and now rings tenants if an operative is running late.", "4", "4.3", "narrative"),
    R("Our service standards for tenants cover how we will treat you, how we keep your personal information, when we will visit and how to get a problem put right.", "5", "4.1", "narrative"),
    R("Sheltered housing wardens completed a course on recognising dementia and on working with families and social workers when a resident's needs change.", "3", "2.2", "narrative"),
    R("• Tenancy sustainment officers helped 214 tenants in debt keep their homes in 2007/08", "1", "4.2", "bullet"),
    R("• Estate inspections with tenant representatives every quarter", "2", "1.2", "bullet"),
    R("• Tenants' handbook on audio CD and in six community languages", "1", "3.2", "bullet"),
    R("Emergency repairs attended within 24 hours: 98.7%", "5", "5.3", "terse"),
    R("Rent collected as % of rent due: 98.9%", "5", "4.2", "terse"),
    R("The association has no information on which tenants have a disability that affects how they use the repairs service.", "1", "1.1", "narrative", "absence"),
    R("There is no written procedure for compensating tenants when a repair appointment is missed.", "5", "4.3", "narrative", "absence"),
    R("The tenants' newsletter has not been produced since the communications officer post was left vacant in 2007.", "1", "3.1", "narrative", "absence"),
    R("We will introduce a mobile working system next year so that operatives can book follow-up visits with the tenant on the spot.", "1", "3.3", "narrative", "plan"),
    R("The board plans to adopt a customer care strategy in 2009, with a board member responsible for service quality.", "4", "2.1", "narrative", "plan"),
    R("Void properties were re-let in an average of 26 days in 2007/08, and we aim to bring this down to 21 days by introducing accompanied viewings next year.", "5", "5.3", "narrative", "mixed"),
    N("Brookside Homes – Customer Service Excellence Assessment 2008 – Section 4: Delivery", "noise"),
    N("Approved by the Board on 22 July 2008 (minute 108/08) and signed by the Chair and the Chief Executive", "noise"),
    N("Communal boilers at Lime Court converted from oil to gas", "irrelevant"),
)

LIBRARY: tuple[Row, ...] = (
    R("The service demonstrated that it uses membership data, census information and surveys of non-users to understand who does not use libraries and why.", "1", "1.1", "assessor"),
    R("Library staff are customer-focused, knowledgeable and enthusiastic about reading.", "4", "2.2", "assessor"),
    R("There is a strong commitment to the customer from the head of service to the mobile library drivers, and it is reflected in the service plan.", "4", "2.1", "assessor"),
    R("The library service co-operates with schools, children's centres and adult learning to reach families who do not visit libraries.", "2", "3.4", "assessor"),
    R("Customer insight is used to plan the stock, with loans and reservations analysed by branch to decide what to buy.", "1", "1.1", "assessor"),
    R("Customers are put at the heart of the service, and staff feel able to change the way things are done when readers ask.", "4", "2.1", "assessor"),
    R("Our assessor particularly praised the home library service, which delivers books every three weeks to 380 housebound readers, chosen by volunteers who know each reader's tastes.", "1", "3.3", "summary"),
    R("The report noted that we survey adult users every three years but have not yet asked children and teenagers what they think of the service.", "2", "1.3", "summary", "mixed"),
    R("The assessment feedback said that branch staff are friendly and go out of their way to help.", "4", "2.2", "summary"),
    R("Mobile library drivers are cheerful.", "4", "2.2", "staff_short"),
    R("Staff help people use the computers.", "4", "2.2", "staff_short"),
    R("Librarians know their regular readers.", "4", "2.2", "staff_short"),
    R("Although the service also runs reading groups, publishes its performance and takes part in the Summer Reading Challenge, what changed most for readers in 2008 was that every branch opened on Saturday afternoons after the cabinet member agreed the extra budget.", "4", "3.3", "narrative"),
    R("Satisfaction with the range of books was high in the 2007 survey, but the children's panel told us the teenage section was dull, so young people now choose part of the stock themselves at a termly buying day.", "2", "1.2", "narrative"),
    R("The library charter promises that staff will be courteous, that requests will be reserved free for children and that the library will tell you if something you reserved cannot be found.", "5", "4.1", "narrative"),
    R("Every branch now has a large-print and audio collection, a magnifier and a computer with screen-reading software, chosen with advice from the local society for the blind.", "1", "3.3", "narrative"),
    R("All library assistants completed the People's Network IT support training and the Reader Development course, and six took the ECDL.", "3", "2.2", "narrative"),
    R("• Library catalogue and renewals online 24 hours a day", "1", "3.3", "bullet"),
    R("• Fines waived for children and for users of the housebound service", "1", "3.3", "bullet"),
    R("• Stock requests supplied within 14 days: 71%", "5", "5.3", "bullet"),
    R("Visits 2007/08: 1.42 million (+4%)", "5", "4.2", "terse"),
    R("PLSS standard for opening hours per 1,000 population: met", "5", "4.2", "terse"),
    R("There is no library in the new Ashfield estate, and the mobile library no longer stops there.", "1", "3.3", "narrative", "absence"),
    R("We have not consulted users about the planned reduction in opening hours at the three smallest branches.", "2", "1.2", "narrative", "absence"),
    R("The library leaflet listing services for people with disabilities has not been updated since 2004.", "1", "3.1", "narrative", "absence"),
    R("We intend to launch an online enquiry service, answered by library staff within one working day, in April 2009.", "1", "3.3", "narrative", "plan"),
    R("A members' review of the library strategy is proposed for next year.", "4", "2.1", "narrative", "plan"),
    R("Housebound readers now get a visit every three weeks, and we plan to add talking books and DVDs to the service once the new van arrives.", "1", "3.3", "narrative", "mixed"),
    N("Appendix 7 – Library Service Customer Service Excellence evidence matrix (see spreadsheet)", "noise"),
    N("Prepared by the Service Development Librarian for the Head of Libraries, Heritage and Arts, with acknowledgements to the branch managers and the Friends of Libraries groups", "noise"),
    N("Self-service kiosks' software licences renewed for three years", "irrelevant"),
)

LEISURE: tuple[Row, ...] = (
    R("The trust demonstrated a clear understanding of who uses its centres and who does not, using membership data and a household survey in the most deprived wards.", "1", "1.1", "assessor"),
    R("Leisure staff are customer-focused, approachable and proud of their centres.", "4", "2.2", "assessor"),
    R("The board and managers are committed to putting customers first, and this is reflected in the trust's business plan and in its staff awards.", "4", "2.1", "assessor"),
    R("The trust works in co-operation with the primary care trust, GPs and schools to get inactive people exercising.", "2", "3.4", "assessor"),
    R("Customer insight is used to plan the timetable, with session bookings reviewed each term and quiet sessions replaced by ones customers want.", "1", "1.1", "assessor"),
    R("Customer care is embedded in the culture of every centre, and managers lead by example on the poolside and at reception.", "4", "2.1", "assessor"),
    R("The assessor praised our exercise referral instructors, who design a personal programme for each person referred by their GP and review it with them every four weeks.", "1", "3.3", "summary"),
    R("Our assessment summary records that we publish a customer charter but do not yet report our performance against it.", "5", "4.1", "summary", "mixed"),
    R("The assessment report described our receptionists as welcoming, well informed and good at dealing with complaints on the spot.", "4", "2.2", "summary"),
    R("Lifeguards are alert and friendly.", "4", "2.2", "staff_short"),
    R("Fitness instructors take time with beginners.", "4", "2.2", "staff_short"),
    R("Duty managers are visible and approachable.", "4", "2.2", "staff_short"),
    R("Although the trust also runs a user forum, publishes its results and holds regular mystery visits, the change that mattered most to disabled customers in 2008 was the new pool hoist, accessible changing rooms and a carers' free entry scheme.", "1", "3.3", "narrative"),
    R("Customers gave low satisfaction scores for the changing rooms, so the board approved a £400,000 refurbishment that added accessible family cubicles and a changing place with a hoist.", "4", "3.3", "narrative"),
    R("Our customer promises say that classes will start on time, equipment faults will be fixed within a week, the pool will be clean and staff will deal with any concern before you leave.", "5", "4.1", "narrative"),
    R("Swimming lesson guides were rewritten with parents to explain each stage in simple words, with photographs of what children should be able to do.", "1", "3.2", "narrative"),
    R("Every receptionist completed NVQ Level 2 in Customer Service, and the duty managers completed the ISRM supervisory certificate.", "3", "2.2", "narrative"),
    R("• Women-only swimming sessions twice a week with female staff", "1", "3.3", "bullet"),
    R("• Online booking for courts and classes from 2007", "1", "3.3", "bullet"),
    R("• Complaints: 98 received, 12 upheld; all replied to in writing", "5", "4.3", "bullet"),
    R("Quest score 2008: 'Highly Commended' (2006: 'Commended')", "5", "4.2", "terse"),
    R("Leisure card holders on benefits: 3,140", "5", "4.2", "terse"),
    R("There are no sessions for people with learning disabilities at the Riverside centre since the specialist instructor left.", "1", "3.3", "narrative", "absence"),
    R("The trust has never asked people who cancelled their membership why they left.", "1", "1.1", "narrative", "absence"),
    R("Mystery visits have not been carried out at the two smaller centres since 2006.", "2", "1.3", "narrative", "absence"),
    R("We plan to introduce a text message service to tell members when classes are cancelled.", "1", "3.3", "narrative", "plan"),
    R("The board intends to set targets for how quickly complaints are answered, to be published in the 2009 charter.", "4", "5.1", "narrative", "plan"),
    R("Junior membership rose by 18% after the free summer swimming scheme, and we intend to run it over the Easter holidays too.", "1", "4.2", "narrative", "mixed"),
    N("Greenway Leisure Trust – Performance and Customer Service Report to the Board, Quarter 3 2008/09", "noise"),
    N("Signed off by the General Manager (Operations) and the Chair of the Trust Board; distribution: Board members, centre managers, council client officer", "noise"),
    N("Pool plant room filters replaced and chlorine dosing system upgraded", "irrelevant"),
)

REGISTRATION: tuple[Row, ...] = (
    R("The service demonstrated that it understands the different needs of its customers, from bereaved relatives to couples planning weddings and people applying for citizenship.", "1", "1.1", "assessor"),
    R("Registrars are customer-focused, sensitive and highly professional at some of the most important moments in people's lives.", "4", "2.2", "assessor"),
    R("The superintendent registrar leads a strong culture of customer service, and staff feel trusted to use their judgement.", "4", "2.1", "assessor"),
    R("The service co-operates well with hospital bereavement offices, funeral directors and the coroner's office so that families do not have to repeat information.", "2", "3.4", "assessor"),
    R("Customer insight is used to plan the ceremonies offered, and venues were added after analysing where couples lived and where they married.", "1", "1.1", "assessor"),
    R("Putting the customer at the heart of the service is evident in the care taken with every registration and ceremony.", "4", "2.1", "assessor"),
    R("Our assessor commended the way we handle death registrations, with appointments available at the hospital and a single visit that also deals with benefits and council services.", "1", "3.3", "summary"),
    R("The assessment noted that we collect feedback after every ceremony but do not yet survey people who register a death.", "2", "1.3", "summary", "mixed"),
    R("The assessment report described our reception staff as calm and compassionate.", "4", "2.2", "summary"),
    R("Registrars are unhurried and kind.", "4", "2.2", "staff_short"),
    R("Celebrants make couples feel at ease.", "4", "2.2", "staff_short"),
    R("Counter staff check every detail carefully.", "4", "2.2", "staff_short"),
    R("While the service also surveys couples and publishes its fees, the most welcome change in 2008 was the Tell Us Once pilot, through which one visit to register a death now informs the council tax, benefits, library and electoral teams.", "2", "3.4", "narrative"),
    R("Couples were very satisfied with ceremonies, but some complained that certificates contained spelling mistakes, so every entry is now read back to the informant and checked by a second registrar before it is signed.", "4", "4.3", "narrative"),
    R("Our published standards promise that you will be seen on time, that we will explain each step, and that certificates will be accurate.", "5", "4.1", "narrative"),
    R("The guide to registering a death was rewritten with the hospital chaplaincy in plain English and is now given to every family on the ward.", "1", "3.2", "narrative"),
    R("All deputy registrars completed the LOST training on the registration of deaths and the Certificate in Registration Services.", "3", "2.2", "narrative"),
    R("• Births can be registered at the maternity unit every weekday", "1", "3.3", "bullet"),
    R("• Fees for every ceremony and certificate on the website", "5", "3.1", "bullet"),
    R("• Appointments to register a death within 2 working days: 96%", "5", "5.3", "bullet"),
    R("Births registered within 42 days: 99.4%", "5", "5.3", "terse"),
    R("Citizenship ceremonies held 2007/08: 34", "5", "4.2", "terse"),
    R("There is no evening or Saturday appointment for registering a birth.", "1", "3.3", "narrative", "absence"),
    R("Information on the website about marriage notices is out of date and gives the old fee.", "1", "3.2", "narrative", "absence"),
    R("Staff have not been trained in deaf awareness, and no one in the office can use basic BSL.", "3", "3.3", "narrative", "absence"),
    R("From next April couples will be able to book their ceremony and give notice online.", "1", "3.3", "narrative", "plan"),
    R("We propose to set a standard for how long customers wait in the office past their appointment time.", "5", "5.1", "narrative", "plan"),
    R("Deaths can now be registered at three hospitals, and a fourth office at the community hospital is planned for next year.", "1", "3.3", "narrative", "mixed"),
    N("Register Office – CSE evidence – Element index, page 3 of 11", "noise"),
    N("Prepared by the Registration Services Manager and approved by the Proper Officer for Registration, Head of Democratic and Legal Services", "noise"),
    N("Strongroom security upgraded and register safes inspected by the insurer", "irrelevant"),
)

PLANNING: tuple[Row, ...] = (
    R("The service demonstrated that it knows who its customers are, distinguishing householders, agents, developers and objectors and the different help each group needs.", "1", "1.1", "assessor"),
    R("Planning officers are customer-focused and give clear, honest advice even when the answer is no.", "4", "2.2", "assessor"),
    R("The head of planning has built a culture of openness and service, and members of the planning committee support it.", "4", "2.1", "assessor"),
    R("Co-operation with parish councils, the highways authority and conservation groups is well established and helps applications move smoothly.", "2", "3.4", "assessor"),
    R("Customer insight is used to improve the pre-application service, which was redesigned around the questions agents ask most often.", "1", "1.1", "assessor"),
    R("The customer is at the heart of the planning service's improvement plan, which every officer helped to write.", "4", "2.1", "assessor"),
    R("Our assessor found that the planning pages of the website are comprehensive but noted that applicants still cannot track their applications online.", "1", "3.1", "summary", "mixed"),
    R("The assessment report recognised our duty planner service, which lets anyone speak to a qualified planner without an appointment every weekday morning.", "1", "3.3", "summary"),
    R("The assessor found that our agents' forum has real influence on how the service is run.", "2", "1.2", "summary"),
    R("Enforcement officers are tactful.", "4", "2.2", "staff_short"),
    R("Technical support staff answer the phone promptly and politely.", "4", "2.2", "staff_short"),
    R("Case officers keep applicants informed.", "4", "2.2", "staff_short"),
    R("Although the service also publishes its performance, runs an agents' forum and consulted widely on the local development framework, the change applicants noticed most in 2008 was a named case officer for every application, with a direct phone number and email address.", "1", "3.3", "narrative"),
    R("Satisfaction with the planning service was lowest among objectors, so officers now write to everyone who commented on an application explaining the decision and the reasons for it.", "5", "3.1", "narrative"),
    R("The planning charter sets out how we will treat applicants and objectors alike, what advice we will give before an application, and how we will explain our decisions.", "5", "4.1", "narrative"),
    R("Every planning officer attended a course on writing clear reports and letters, and decision notices have since been rewritten to explain conditions in plain language.", "3", "3.2", "narrative"),
    R("• Major applications decided within 13 weeks: 74% (target 60%)", "5", "5.3", "bullet"),
    R("• Appeals allowed against the council's decision: 28%", "5", "4.2", "bullet"),
    R("• Guidance notes on house extensions, listed buildings and protected trees", "1", "3.1", "bullet"),
    R("Householder applications decided in 8 weeks: 91%", "5", "5.3", "terse"),
    R("Pre-application advice charges and planning fees published online", "5", "3.1", "terse"),
    R("The service has no target for how quickly enforcement complaints are investigated.", "5", "5.1", "narrative", "absence"),
    R("There has been no survey of applicants since 2006.", "2", "1.3", "narrative", "absence"),
    R("We do not yet publish the decisions of officers acting under delegated powers.", "5", "3.1", "narrative", "absence"),
    R("From January 2009 applicants will be able to submit and pay for applications online through the Planning Portal.", "1", "3.3", "narrative", "plan"),
    R("We intend to hold design workshops with residents before large schemes are submitted.", "2", "1.2", "narrative", "plan"),
    R("All validation checks are now completed within three working days, and we plan to confirm validation by email from next year.", "5", "5.3", "narrative", "mixed"),
    N("Development Control – Customer Service Excellence – Element 3.4.1 – see appendix D", "noise"),
    N("Prepared by the Development Control Manager; checked by the Planning Policy Team Leader; approved by the Head of Planning and Building Control, 3 March 2009", "noise"),
    N("Back-scanning of planning files from 1948 to 1990 completed", "irrelevant"),
)

REVENUES: tuple[Row, ...] = (
    R("The service demonstrated that it analyses its caseload by age, ward and household type to identify residents who may be entitled to help but are not claiming it.", "1", "1.1", "assessor"),
    R("Benefits staff are customer-focused, knowledgeable and committed to getting claims right the first time.", "4", "2.2", "assessor"),
    R("Managers show strong commitment to customer service and celebrate good practice through monthly team awards.", "4", "2.1", "assessor"),
    R("The service co-operates well with Jobcentre Plus, the Pension Service and local advice agencies to speed up claims.", "2", "3.4", "assessor"),
    R("Customer insight is used to design take-up campaigns aimed at pensioners and working families.", "1", "1.1", "assessor"),
    R("Putting the customer first is part of the way the revenues team works, from the manager to the newest clerk.", "4", "2.1", "assessor"),
    R("Our assessor noted the big improvement in processing times, but found that we do not yet tell customers what our performance is.", "5", "5.2", "summary", "mixed"),
    R("In the assessment report our home visiting officers were praised for the help they give elderly and disabled claimants to complete forms.", "1", "3.3", "summary"),
    R("The assessor commented that counter staff are courteous and explain decisions well.", "4", "2.2", "summary"),
    R("Visiting officers are sympathetic.", "4", "2.2", "staff_short"),
    R("Call centre advisers are polite and clear.", "4", "2.2", "staff_short"),
    R("Recovery staff are fair with people in arrears.", "4", "2.2", "staff_short"),
    R("Although the service also surveys customers, publishes its times and works with the advice centres, the change that made most difference to claimants in 2008 was the benefits manager's redesign of the claims process, after which most claims are decided at a single appointment instead of taking weeks.", "4", "5.2", "narrative"),
    R("Customers told us they were satisfied with the counter service but not with letters, so every standard letter was rewritten in plain English and tested with the claimants' panel.", "1", "3.2", "narrative"),
    R("Our service standards say that we will treat you with respect, explain our decisions, keep your information confidential and put mistakes right quickly.", "5", "4.1", "narrative"),
    R("Every assessor completed a course on the new Local Housing Allowance, and new starters follow a six-month training programme with a mentor.", "3", "2.2", "narrative"),
    R("• New claims processed in an average of 21 days (target 28)", "5", "5.3", "bullet"),
    R("• Council tax collection rate: 97.6%", "5", "4.2", "bullet"),
    R("• Direct debit available on any of four dates each month", "1", "3.3", "bullet"),
    R("Appeals against benefit decisions: 86, of which 31 revised", "5", "4.3", "terse"),
    R("Accuracy of benefit assessments checked: 97%", "5", "4.2", "terse"),
    R("There is no standard for how quickly council tax refunds are paid.", "5", "5.1", "narrative", "absence"),
    R("We have not asked business ratepayers what they think of the service.", "2", "1.3", "narrative", "absence"),
    R("The benefits take-up officer post has been vacant since 2007, and no take-up work has been done since.", "1", "1.1", "narrative", "absence"),
    R("We plan to let residents report a change of circumstances online from next April.", "1", "3.3", "narrative", "plan"),
    R("A benefits customer forum will be set up in 2009 to help us design our forms and letters.", "2", "1.2", "narrative", "plan"),
    R("The new council tax bill leaflet has won a Plain English Campaign award, and we intend to rewrite the business rates leaflet in the same way.", "1", "3.2", "narrative", "mixed"),
    N("Revenues and Benefits Service – Customer Service Excellence – Portfolio of Evidence – Index", "noise"),
    N("Compiled by the Benefits Quality and Performance Officer from the service's performance monitoring returns, March 2009", "noise"),
    N("Document management system upgraded to version 6", "irrelevant"),
)

AGENCY: tuple[Row, ...] = (
    R("The agency demonstrated that it segments its customers by their needs and circumstances, including those who find dealing with tax difficult.", "1", "1.1", "assessor"),
    R("Advisers in the contact centres are customer-focused and committed to resolving queries on the first call.", "4", "2.2", "assessor"),
    R("Senior leaders champion customer service, and the agency's board reviews customer experience measures every month.", "4", "2.1", "assessor"),
    R("The agency co-operates with voluntary organisations such as TaxAid and Citizens Advice to reach customers who need extra help.", "2", "3.4", "assessor"),
    R("Customer insight is used to redesign forms and guidance, starting with the areas that generate most calls.", "1", "1.1", "assessor"),
    R("Putting the customer at the centre is a stated priority of the agency's business plan and is reflected in its staff objectives.", "4", "2.1", "assessor"),
    R("The assessor recognised our needs-enhanced support service, which provides face-to-face help for customers who cannot deal with us by phone or online.", "1", "3.3", "summary"),
    R("The assessment summary notes that we measure customer satisfaction every quarter but that the results are not yet shared with staff in every office.", "2", "1.3", "summary", "mixed"),
    R("The assessor observed that advisers are courteous and patient with callers who are anxious about debts.", "4", "2.2", "summary"),
    R("Advisers are well informed.", "4", "2.2", "staff_short"),
    R("Compliance officers are professional and fair.", "4", "2.2", "staff_short"),
    R("Enquiry centre staff are welcoming.", "4", "2.2", "staff_short"),
    R("Although the agency also publishes its charter and runs customer research panels, the change that helped small employers most in 2008 was a dedicated helpline with extended hours during the year-end period.", "1", "3.3", "narrative"),
    R("Complaints about delays in dealing with post rose sharply, so the agency's directors moved 300 staff onto post processing and set a target to clear every item within 15 working days.", "4", "5.1", "narrative"),
    R("The customer charter sets out what customers can expect: to be treated as honest, to be given accurate advice, to have their information kept private and to be told how to complain.", "5", "4.1", "narrative"),
    R("Every adviser completed a two-day course on how to listen, question and explain when callers are under stress, and the call quality checks now include these skills.", "3", "2.2", "narrative"),
    R("• Calls answered: 89% (target 90%)", "5", "4.2", "bullet"),
    R("• Adjudicator: independent review for customers unhappy with our complaint reply", "5", "4.3", "bullet"),
    R("• Guidance in Welsh, large print, Braille and audio", "1", "3.2", "bullet"),
    R("Post cleared within 15 working days: 80%", "5", "5.3", "terse"),
    R("Repayment claims paid accurately: 98.5%", "5", "4.2", "terse"),
    R("There is no way for customers to check the progress of their repayment claim without phoning.", "1", "3.3", "narrative", "absence"),
    R("The agency has not published the results of its customer survey for two years.", "5", "1.3", "narrative", "absence"),
    R("The minicom service for deaf customers was withdrawn in 2007 and has not been replaced.", "1", "3.3", "narrative", "absence"),
    R("We will introduce online accounts for self-employed customers next year.", "1", "3.3", "narrative", "plan"),
    R("A customer consultation on the new penalty regime is proposed for the spring.", "2", "1.2", "narrative", "plan"),
    R("Seventy per cent of complaints were resolved at the first tier in 2007/08, and we intend to raise this by giving advisers authority to make small payments.", "5", "4.3", "narrative", "mixed"),
    N("Customer Service Excellence: Agency-wide Assessment, Year 2 Surveillance Visit – Opening Meeting Agenda", "noise"),
    N("Signed by the Director, Customer Contact, on behalf of the Executive Committee, and countersigned by the Head of Customer Experience", "noise"),
    N("Data centre consolidation: two legacy mainframes decommissioned", "irrelevant"),
)

COURTS: tuple[Row, ...] = (
    R("The court service demonstrated that it understands the needs of its different users, from witnesses and victims to litigants in person and legal professionals.", "1", "1.1", "assessor"),
    R("Ushers and counter staff are customer-focused and show a real commitment to helping court users.", "4", "2.2", "assessor"),
    R("The area director and the court managers lead a culture in which court users are treated with courtesy and respect.", "4", "2.1", "assessor"),
    R("The court co-operates well with the Witness Service, the police and the Crown Prosecution Service to support witnesses through their day in court.", "2", "3.4", "assessor"),
    R("User insight is used to plan services, for example by counting litigants in person in the county court and the help they ask for.", "1", "1.1", "assessor"),
    R("Court users are at the heart of the area's business plan, which was shaped by the local court users' group.", "4", "2.1", "assessor"),
    R("Our assessor praised the court users' group, which meets quarterly with magistrates, solicitors, the police and the Witness Service.", "2", "1.2", "summary"),
    R("The assessment found that the court publishes its service standards but does not yet survey jurors about their experience.", "5", "4.1", "summary", "mixed"),
    R("The assessment report said that ushers are calm, helpful and good at explaining what happens next.", "4", "2.2", "summary"),
    R("Ushers are courteous.", "4", "2.2", "staff_short"),
    R("Counter staff are patient with litigants in person.", "4", "2.2", "staff_short"),
    R("Listing officers respond helpfully to solicitors.", "4", "2.2", "staff_short"),
    R("Although the court also runs a user survey and publishes its performance, the change that helped vulnerable witnesses most in 2008 was a separate waiting room and a video link so that they do not have to see the defendant.", "1", "3.3", "narrative"),
    R("User satisfaction with the building was poor, so the area director approved a new help desk in the entrance hall, staffed all day, where visitors can find out which courtroom they need.", "4", "3.3", "narrative"),
    R("Our court users' charter explains the standards you can expect: courtesy, privacy for sensitive discussions, information about delays and a clear explanation of how to complain.", "5", "4.1", "narrative"),
    R("Every usher completed a course on supporting vulnerable and intimidated witnesses, developed with the Witness Service.", "3", "2.2", "narrative"),
    R("• Leaflets on small claims and possession hearings in plain English", "1", "3.2", "bullet"),
    R("• Complaints: 61 received; 2 referred to the Parliamentary Ombudsman", "5", "4.3", "bullet"),
    R("• Fines can be paid by phone, online or at any post office", "1", "3.3", "bullet"),
    R("Witnesses waiting less than 2 hours to give evidence: 83%", "5", "5.3", "terse"),
    R("Effective trial rate, Crown Court 2007/08: 48%", "5", "4.2", "terse"),
    R("There is no hearing loop in courtrooms 3 and 4.", "1", "3.3", "narrative", "absence"),
    R("The county court has no information for litigants in person about what happens at a hearing.", "1", "3.1", "narrative", "absence"),
    R("Jury satisfaction surveys stopped in 2006 and have not been restarted.", "2", "1.3", "narrative", "absence"),
    R("We plan to offer email correspondence for all civil cases from next year.", "1", "3.3", "narrative", "plan"),
    R("The area intends to set a standard for answering the telephone within 30 seconds.", "5", "5.1", "narrative", "plan"),
    R("Child witnesses can now give evidence from a remote site, and we propose to extend this to adult vulnerable witnesses in 2009.", "1", "3.3", "narrative", "mixed"),
    N("Magistrates' Courts Area – Customer Service Excellence Self-assessment, page 12", "noise"),
    N("Prepared by the Customer Service Manager and approved by the Area Director after consultation with the Bench Chairman and the Justices' Clerk", "noise"),
    N("Cell block CCTV and door entry system replaced", "irrelevant"),
)

# A second pass: speed gains (5.2) and training, the two areas the tables above have least of.
MORE: dict[str, tuple[Row, ...]] = {
    "police": (
        R("Since crime reports can be made online, victims of minor crime get a crime number in minutes rather than waiting on the phone.", "5", "5.2", "narrative"),
    ),
    "hospital": (
        R("After the radiology team was trained to book scans while the patient is still in clinic, the wait for a routine scan fell from six weeks to ten days.", "3", "5.2", "narrative"),
    ),
    "housing": (
        R("The lettings team now visits new tenants in their first month, and arrears among new tenancies have halved since the visits began.", "1", "4.2", "narrative"),
    ),
    "college": (
        R("Enrolment now takes one visit instead of three, because the principal asked for fees, funding checks and timetabling to be done at the same desk.", "4", "5.2", "narrative"),
        R("Careers advisers: all qualified to QCF Level 4 in guidance, two working towards Level 6", "3", "2.2", "terse"),
    ),
    "revenues_benefits": (
        R("Right first time on new claims rose from 71% to 88% after the team introduced a checklist at the counter.", "5", "5.2", "narrative"),
        R("Counter staff were trained in the new claim checklist, and the share of claims needing further evidence fell from 40% to 15%.", "3", "5.2", "narrative"),
    ),
    "registration": (
        R("Certificate orders are now posted the same day instead of within five days, following the manager's review of the back office.", "4", "5.2", "narrative"),
    ),
    "national_agency": (
        R("Advisers took an e-learning course on the new tax credits rules, and the share of calls transferred to a specialist dropped by a third.", "3", "5.2", "narrative"),
    ),
    "courts": (
        R("Ushers were trained in mediation, and 40% of small claims listed for mediation now settle on the day without a hearing.", "3", "4.3", "narrative"),
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
    "national_agency": AGENCY,
    "courts": COURTS,
}

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "dev_extra2_statements.csv"
# The corpora this extension may not repeat a text of.
EARLIER_CORPORA = (HERE / "labeled_statements.csv", HERE / "dev_extra_statements.csv")


def check_row(sector: str, row: Row) -> None:
    """Raise ValueError if a row breaks the labeling conventions of docs/labeling.md."""
    check_sector_row(sector, row)


def build_rows(taken: set[str]) -> Iterator[dict[str, str]]:
    """Yield the CSV records in id order; ``taken`` holds texts (or text keys) that may not appear."""
    unique = UniqueTexts(taken, "labeled_statements.csv or dev_extra_statements.csv")
    tables = {sector: rows + MORE.get(sector, ()) for sector, rows in SECTORS.items()}
    return sector_records(tables, "E", unique)


def write_csv(path: Path) -> int:
    """Check every row, then write the extension to ``path``; return the number of data rows."""
    return write_records(path, SECTOR_COLUMNS, list(build_rows(corpus_texts(*EARLIER_CORPORA))))


def main() -> None:
    """Regenerate tests/data/dev_extra2_statements.csv next to this script."""
    count = write_csv(OUTPUT)
    print(f"wrote {count} rows to {OUTPUT}")


if __name__ == "__main__":
    main()
