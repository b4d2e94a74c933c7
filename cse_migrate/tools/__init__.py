"""Tools built on the pipeline for people tuning rules: accuracy measurement (:mod:`.evaluate`) and ablation
(:mod:`.ablation`)."""
