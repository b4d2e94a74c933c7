"""The Word gap-analysis report: :mod:`.report` writes it; :mod:`.hierarchy` adds the rated sections of a
hierarchical framework."""
