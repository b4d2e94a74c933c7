"""The evidence workbook: :mod:`.report` writes it; :mod:`.hierarchy` adds the rated sheets of a hierarchical
framework."""
