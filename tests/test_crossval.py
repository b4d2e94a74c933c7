"""The cross-validation tool folds every development extension the shipped classifiers are trained on (and those
not yet shipped), its recipes form a learning curve (each adds one extension), and the training parameters it is
given are the ones used."""

from __future__ import annotations

from cse_migrate.rules import RuleSet
from cse_migrate.tools.crossval import EXTENSIONS, FOLDS, RECIPES, SHIPPED, fold_models
from cse_migrate.tools.train import SOURCES, TARGETS, sources_for


def test_the_recipes_add_one_extension_each_and_one_of_them_is_what_ships() -> None:
    assert [len(files) for files in RECIPES.values()] == list(range(1, len(EXTENSIONS) + 1))
    assert all(RECIPES[a] == RECIPES[b][:-1] for a, b in zip(list(RECIPES), list(RECIPES)[1:], strict=False))
    # each framework's shipped recipe is exactly the extensions the training script trains its classifier on, and
    # every extension the script knows is folded
    assert SHIPPED.keys() == TARGETS.keys()
    for framework_id, recipe in SHIPPED.items():
        assert set(RECIPES[recipe]) == {name for name, split in sources_for(framework_id) if not split}
    assert {name for name, split in SOURCES if not split} == set(EXTENSIONS)


def test_fold_models_train_with_the_parameters_given(rules: RuleSet) -> None:
    models = fold_models(rules, "five-points", RECIPES["current"], {"max_features": 40, "steps": 2, "rate": 1.0})
    assert len(models) == FOLDS
    assert all(len(model.vocabulary) == 40 for model in models)
    assert len({tuple(model.bias.tolist()) for model in models}) == FOLDS  # each fold left a different fifth out
