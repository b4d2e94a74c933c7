"""The analysis stages a run goes through after reading: set noise aside (:mod:`.noise`), fold duplicates
(:mod:`.dedupe`), map onto the target criteria (:mod:`.mapping`, with the optional :mod:`.semantic` scorer),
analyse the gaps (:mod:`.gaps`), rate a hierarchical framework (:mod:`.ratings`) and project the result onto
another framework through crosswalks (:mod:`.crosswalk`). :mod:`cse_migrate.pipeline` calls them in order.
"""
