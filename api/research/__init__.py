"""Research views computed from rows the repository loads, without SQL of their own.

``compare`` sets the renderings of one statement side by side: a word-level diff of each
against the most direct rendering, and flags for dates that disagree and for words a
rendering adds to the quote it renders. ``timeline`` names the time buckets and groups that
``api.repository.timeline`` counts statements in, and assembles its counts into series.
``positions`` is the date order of an actor's statements (``api.repository.positions``).
"""
