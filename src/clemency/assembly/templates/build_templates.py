"""Build the shipped DOCX templates with python-docx.

Run `python -m clemency.assembly.templates.build_templates` after editing this file, then commit the
.docx files. Lawyers may also edit the .docx files in Word; the template lint in the test suite
then catches curly quotes, split tags and unknown variables.

Loops and conditionals that span paragraphs use docxtpl's `{%p ... %}` tags, each alone in its
own paragraph. Variables are the case context's (see `clemency.assembly.context`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt

HERE = Path(__file__).parent
FONT = "Liberation Serif"  # metric-compatible with Times New Roman; installed in CI

CONVICTION_BLOCK = [
    "{%p for conviction in convictions %}",
    "Court: {{ conviction.court }}",
    "Docket number: {{ conviction.docket_number }}",
    "Date of sentence: {{ conviction.sentence_date|longdate }}",
    "Plea or trial: {{ conviction.plea }}",
    "{%p for charge in conviction.charges %}",
    "Offense: {{ charge.description }} ({{ charge.statute }}){% if charge.counts %}, {{ charge.counts }} "
    "count(s){% endif %}",
    "{%p endfor %}",
    "Sentence imposed: {{ conviction.sentence.imposed }}",
    "Term of supervised release: {{ conviction.sentence.supervised_release_days|term }}",
    "Fine: {{ conviction.sentence.fine_dollars|money }}    Restitution: "
    "{{ conviction.sentence.restitution_dollars|money }}",
    "{%p endfor %}",
]


class Builder:
    def __init__(self, title: str) -> None:
        self.doc: DocxDocument = Document()
        style = self.doc.styles["Normal"]
        style.font.name = FONT  # type: ignore[attr-defined]
        style.font.size = Pt(12)  # type: ignore[attr-defined]
        for name in ("Title", "Heading 1", "Heading 2"):
            heading = self.doc.styles[name]
            heading.font.name = FONT  # type: ignore[attr-defined]
        section = self.doc.sections[0]
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
        self.doc.core_properties.title = title
        self.doc.core_properties.author = "Clemency"
        footer = section.footer.paragraphs[0]
        footer.text = "{{ case.reference }} - prepared {{ case.prepared_on|longdate }}"
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def title(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(15)

    def heading(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        run = paragraph.add_run(text)
        run.bold = True

    def lines(self, *texts: str) -> None:
        for text in texts:
            self.doc.add_paragraph(text)

    def letterhead(self) -> None:
        self.lines(
            "{%p if team.logo %}",
            "{{ team.logo }}",
            "{%p endif %}",
            "{{ team.organization }}",
            "{{ team.address.one_line }}",
            "{% if team.phone %}Telephone {{ team.phone }}{% endif %}{% if team.phone and team.email %}    "
            "{% endif %}{% if team.email %}{{ team.email }}{% endif %}",
            "{{ case.prepared_on|longdate }}",
        )

    def addressee(self) -> None:
        self.lines(
            "{{ case.recipient.name }}",
            "{% if case.recipient.title %}{{ case.recipient.title }}{% endif %}",
            "{% if case.recipient.organization %}{{ case.recipient.organization }}{% endif %}",
            "{{ case.recipient.address.one_line }}",
        )

    def signature(self) -> None:
        # The team's own signature block when it has one; otherwise the lead lawyer. A lawyer's e-mail
        # and telephone are printed only when known: they are courtesies, not facts a reader needs.
        self.lines(
            "Respectfully submitted,",
            "",
            "{%p if team.signature %}",
            "{%p for line in team.signature %}",
            "{{ line }}",
            "{%p endfor %}",
            "{%p else %}",
            "{{ team.lead.name }}"
            "{% if team.lead.bar_number %}, Bar No. {{ team.lead.bar_number }}{% endif %}",
            "{{ team.organization }}",
            "{% if team.lead.email %}{{ team.lead.email }}{% endif %}"
            "{% if team.lead.email and team.lead.phone %}"
            "    {% endif %}{% if team.lead.phone %}{{ team.lead.phone }}{% endif %}",
            "{%p endif %}",
        )

    def page_break(self) -> None:
        self.doc.add_page_break()

    def save(self, name: str) -> Path:
        path = HERE / f"{name}.docx"
        self.doc.save(str(path))
        return path


def federal_commutation_petition() -> Builder:
    # Items follow the Office of the Pardon Attorney's commutation application: who the applicant
    # is, the offense and sentence, appeals and collateral attacks, prior petitions, other
    # record, custody and detainers, institutional adjustment, release plans and reasons.
    b = Builder("Petition for commutation of sentence")
    b.title("PETITION FOR COMMUTATION OF SENTENCE")
    b.lines("To the President of the United States, through the Office of the Pardon Attorney, "
            "U.S. Department of Justice (28 C.F.R. §§ 1.1-1.11).")
    b.heading("1. Petitioner")
    b.lines(
        "Full name: {{ person.full_name }}",
        "Other names used: {{ person.other_names|join(', ') or 'none listed' }}",
        "Date of birth: {{ person.birth_date|longdate }}",
        "Citizenship: {{ person.citizenship }}",
        "Federal Bureau of Prisons register number: {{ person.bop_register_number }}",
        "Place of confinement: {{ person.facility }}",
        "Projected release date: {{ person.projected_release_date|longdate }}",
    )
    b.heading("2. Offense and sentence for which commutation is sought")
    b.lines(*CONVICTION_BLOCK)
    b.heading("3. Appeals and collateral attacks")
    b.lines(
        "{%p for conviction in convictions %}",
        "{%p for step in conviction.appeal_history + conviction.post_conviction_history %}",
        "- {{ step }}",
        "{%p endfor %}",
        "{%p endfor %}",
    )
    b.heading("4. Previous petitions for executive clemency")
    b.lines(
        "{%p if case.prior_clemency_petitions %}",
        "{%p for petition in case.prior_clemency_petitions %}",
        "- {{ petition }}",
        "{%p endfor %}",
        "{%p else %}",
        "None listed.",
        "{%p endif %}",
    )
    b.heading("5. Detainers and other pending charges")
    b.lines("{{ case.detainers }}")
    b.heading("6. Conduct and programs while in custody")
    b.lines(
        "Disciplinary record: {{ person.disciplinary_record }}",
        "{%p for program in person.programs %}",
        "- {{ program }}",
        "{%p endfor %}",
    )
    b.heading("7. Release plans")
    b.lines("{{ person.release_plan }}")
    b.heading("8. Reasons for seeking commutation")
    b.lines("{{ case.reasons }}")
    b.lines("{%p if person.statement %}", "In the petitioner's words: {{ person.statement }}", "{%p endif %}")
    b.heading("9. Relief requested")
    b.lines("{{ case.relief_sought or 'That the President commute the sentence to time served.' }}")
    b.heading("Counsel")
    b.signature()
    b.lines("", "Signature of petitioner: ______________________    Date: ____________")
    return b


def federal_pardon_petition() -> Builder:
    b = Builder("Petition for pardon after completion of sentence")
    b.title("PETITION FOR PARDON AFTER COMPLETION OF SENTENCE")
    b.lines("To the President of the United States, through the Office of the Pardon Attorney "
            "(28 C.F.R. § 1.2: five years after release from confinement, or after sentencing if "
            "no confinement was imposed).")
    b.heading("1. Petitioner")
    b.lines(
        "Full name: {{ person.full_name }}",
        "Other names used: {{ person.other_names|join(', ') or 'none listed' }}",
        "Date of birth: {{ person.birth_date|longdate }}",
        "Citizenship: {{ person.citizenship }}",
        "Home address: {{ person.address.one_line }}",
    )
    b.heading("2. Offense for which pardon is sought")
    b.lines(*CONVICTION_BLOCK)
    b.heading("3. Life since the conviction")
    b.lines("{{ person.statement }}")
    b.heading("4. Reasons for seeking pardon")
    b.lines("{{ case.reasons }}")
    b.heading("5. Previous petitions for executive clemency")
    b.lines("{{ case.prior_clemency_petitions|join('; ') or 'None listed.' }}")
    b.heading("Counsel")
    b.signature()
    return b


def compassionate_release_motion() -> Builder:
    b = Builder("Motion for compassionate release")
    b.lines("{% for conviction in convictions[:1] %}{{ conviction.court }}{% endfor %}")
    b.lines("United States of America v. {{ person.full_name }}",
            "Case No. {% for conviction in convictions[:1] %}{{ conviction.docket_number }}{% endfor %}")
    b.title("MOTION FOR A SENTENCE REDUCTION UNDER 18 U.S.C. § 3582(c)(1)(A)")
    b.lines("{{ person.full_name }}, through counsel, moves the Court to reduce the sentence to time "
            "served because extraordinary and compelling reasons warrant a reduction.")
    b.heading("I. Background")
    b.lines(*CONVICTION_BLOCK)
    b.lines("{{ person.full_name }} is confined at {{ person.facility }} and is projected for "
            "release on {{ person.projected_release_date|longdate }}.")
    b.heading("II. Grounds")
    b.lines(
        "{%p for result in explanation.pathways %}",
        "{%p if result.pathway_id.startswith('us.compassionate_release') %}",
        "{{ result.title }}",
        "{%p for criterion in result.criteria_met %}",
        "{{ loop.index }}. {{ criterion.label }}. {{ criterion.sentence }} ({{ criterion.citation }})",
        "{%p endfor %}",
        "{%p for sentence in result.sentences %}",
        "{{ sentence }}",
        "{%p endfor %}",
        "Authorities: {{ result.citations|join('; ') }}",
        "{%p endif %}",
        "{%p endfor %}",
    )
    b.heading("III. Medical condition and rehabilitation")
    b.lines(
        "{%p for condition in person.medical_conditions %}",
        "- {{ condition }}",
        "{%p endfor %}",
        "{%p for program in person.programs %}",
        "- {{ program }}",
        "{%p endfor %}",
    )
    b.heading("IV. Release plan")
    b.lines("{{ person.release_plan }}")
    b.heading("V. Relief requested")
    b.lines("{{ case.relief_sought or 'Reduce the sentence to time served, followed by the term of "
            "supervised release already imposed.' }}")
    b.signature()
    return b


def wisconsin_pardon_cover_letter() -> Builder:
    b = Builder("Wisconsin pardon application cover letter")
    b.letterhead()
    b.addressee()
    b.lines(
        "Re: Pardon application of {{ person.full_name }}",
        "{{ case.recipient.salutation or 'Dear Members of the Pardon Advisory Board:' }}",
        "We enclose the pardon application of {{ person.full_name }}, born {{ person.birth_date|longdate }}, "
        "for the following Wisconsin conviction(s):",
        "{%p for conviction in convictions %}",
        "- {% if conviction.court %}{{ conviction.court }}{% elif conviction.county %}"
        "{{ conviction.county }} County Circuit Court{% else %}{{ conviction.court }}{% endif %}, "
        "case {{ conviction.docket_number }}, "
        "sentenced "
        "{{ conviction.sentence_date|longdate }}: "
        "{% for charge in conviction.charges %}{{ charge.description }} ({{ charge.statute }})"
        "{% if not loop.last %}; "
        "{% endif %}{% endfor %}",
        "{%p endfor %}",
        "{% if case.reasons %}{{ case.reasons }}{% endif %}",
        # Proof that a sentence is complete is enclosed only when the record says the person is out of
        # custody and no sentence is life or death: a letter never claims a proof that cannot exist.
        "The enclosed exhibits include the application form, the judgment(s) of conviction"
        "{% if person.in_custody == false and not (convictions|selectattr('sentence.kind', 'in', "
        "['life', 'death'])|list) %}, proof that each sentence is complete{% endif %}, and letters of "
        "support.",
    )
    b.signature()
    return b


def texas_death_commutation() -> Builder:
    b = Builder("Application for commutation of death sentence")
    b.title("APPLICATION FOR COMMUTATION OF DEATH SENTENCE TO A LESSER PENALTY")
    b.lines("To the Texas Board of Pardons and Paroles, Clemency Section (37 Tex. Admin. Code § 143.57)")
    b.heading("Applicant")
    b.lines(
        "Full name: {{ person.full_name }}",
        "TDCJ number: {{ person.doc_number }}",
        "Unit of confinement: {{ person.facility }}",
        "County of conviction: {% for conviction in convictions %}{{ conviction.county }}"
        "{% if not loop.last %}, {% endif %}{% endfor %}",
        "Scheduled execution date: {{ execution_date|longdate }}",
        "Presented by: {% for lawyer in team.lawyers %}{{ lawyer.name }}{% if not loop.last %}, "
        "{% endif %}{% endfor %}, {{ team.organization }}",
    )
    b.heading("FILING DEADLINES")
    b.lines(
        "{%p for deadline in texas_clemency_deadlines %}",
        "{{ deadline.due_date|longdate }}: {{ deadline.label }} ({{ deadline.citation }}). "
        "{{ deadline.note }}",
        "{%p endfor %}",
        "Deadlines are counted back from the execution date; confirm each against the current "
        "execution order and the Texas holiday calendar.",
    )
    b.page_break()
    b.heading("Offense, appellate history and legal issues")
    b.lines(
        "{%p for conviction in convictions %}",
        "Offense: {{ conviction.offense_summary }}",
        "{%p for step in conviction.appeal_history + conviction.post_conviction_history %}",
        "- {{ step }}",
        "{%p endfor %}",
        "{%p for issue in conviction.legal_issues %}",
        "- Issue raised: {{ issue }}",
        "{%p endfor %}",
        "{%p endfor %}",
    )
    b.heading("Grounds for commutation")
    b.lines("{{ case.reasons }}")
    b.heading("Enclosures required by 37 Tex. Admin. Code § 143.42(3)")
    b.lines("Certified copies of the indictment, judgment, verdict and sentence, with the order "
            "setting the execution date.")
    b.signature()
    return b


def governor_letter() -> Builder:
    b = Builder("Letter to the governor")
    b.letterhead()
    b.addressee()
    b.lines(
        "Re: Clemency for {{ person.full_name }}",
        "{{ case.recipient.salutation or 'Dear Governor:' }}",
        "We write on behalf of {{ person.full_name }}, who is serving "
        "{% for conviction in convictions[:1] %}{{ conviction.sentence.imposed }}{% endfor %} "
        "at {{ person.facility }}. We ask that you {{ case.relief_sought or 'grant clemency' }}.",
        "{{ case.reasons }}",
        "{%p for program in person.programs %}",
        "- {{ program }}",
        "{%p endfor %}",
        "Thank you for considering this request.",
    )
    b.signature()
    return b


def support_letter_request() -> Builder:
    b = Builder("Request for a letter of support")
    b.letterhead()
    b.addressee()
    b.lines(
        "{{ case.recipient.salutation or 'Dear Friend:' }}",
        "We represent {{ person.full_name }} in a request for clemency. Letters from people who "
        "know {{ person.given_name }} carry real weight with the decision-maker. Would you write one?",
        "A helpful letter says how you know {{ person.given_name }} and for how long; what you have "
        "seen of their growth, work and character; and how you would support them after release. "
        "Please write in your own words, sign and date the letter, and include your contact details.",
        "Please send it to {{ team.lead.name }} at {{ team.organization }}, {{ team.address.one_line }}, "
        "or by e-mail to {{ team.lead.email }}.",
        "Thank you.",
    )
    b.signature()
    return b


def marijuana_pardon_certificate() -> Builder:
    b = Builder("Marijuana pardon certificate application data sheet")
    b.title("CERTIFICATE OF PARDON FOR SIMPLE POSSESSION OF MARIJUANA - APPLICATION DATA SHEET")
    b.lines("Proclamations of October 6, 2022 and December 22, 2023. Data gathered for the Office "
            "of the Pardon Attorney's certificate request.")
    b.heading("About the applicant")
    b.lines(
        "Full name: {{ person.full_name }}",
        "Other names: {{ person.other_names|join(', ') or 'none listed' }}",
        "Date of birth: {{ person.birth_date|longdate }}",
        "Place of birth: {{ person.birth_place }}",
        "Citizenship or immigration status: {{ person.citizenship }}",
        "Mailing address: {{ person.address.one_line }}",
        "E-mail: {{ person.email }}    Telephone: {{ person.phone }}",
    )
    b.heading("About the charge or conviction")
    b.lines(
        "{%p for conviction in convictions %}",
        "Charged or convicted: {{ conviction.disposition }}",
        "Court and district: {{ conviction.court }}",
        "Docket number: {{ conviction.docket_number }}",
        "Date of offense: {{ conviction.offense_date|longdate }}    Date of sentence: "
        "{{ conviction.sentence_date|longdate }}",
        "Code section(s): {% for charge in conviction.charges %}{{ charge.statute }}{% if not loop.last %}, "
        "{% endif %}{% endfor %}",
        "{%p endfor %}",
    )
    b.heading("Rulebook result")
    b.lines(
        "{%p for result in explanation.pathways %}",
        "{%p if result.pathway_id.startswith('us.marijuana_pardon') %}",
        "{{ result.title }}: {{ result.outcome }}",
        "{%p for criterion in result.criteria_met %}",
        "- {{ criterion.label }} ({{ criterion.citation }})",
        "{%p endfor %}",
        "{%p for question in result.questions %}",
        "- To confirm: {{ question }}",
        "{%p endfor %}",
        "{%p endif %}",
        "{%p endfor %}",
    )
    b.heading("Documents to attach")
    b.lines("Charging document or judgment of conviction, or the docket sheet showing the sentence "
            "and the date it was imposed.")
    b.lines("Prepared by {{ team.lead.name }}, {{ team.organization }}.")
    return b


BUILDERS: dict[str, Callable[[], Builder]] = {
    "federal_commutation_petition": federal_commutation_petition,
    "federal_pardon_petition": federal_pardon_petition,
    "compassionate_release_motion": compassionate_release_motion,
    "wisconsin_pardon_cover_letter": wisconsin_pardon_cover_letter,
    "texas_death_commutation": texas_death_commutation,
    "governor_letter": governor_letter,
    "support_letter_request": support_letter_request,
    "marijuana_pardon_certificate": marijuana_pardon_certificate,
}


def main() -> None:
    for name, build in BUILDERS.items():
        print(build().save(name))


if __name__ == "__main__":
    main()
