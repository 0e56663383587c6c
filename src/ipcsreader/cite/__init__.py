"""Citations and exports: turning records into text other tools take.

``styles`` formats APA, Chicago, MLA, BibTeX and RIS; ``titlecase`` the title casing the
styles ask for; ``export`` writes JSON lines, CSV or Markdown.
"""
