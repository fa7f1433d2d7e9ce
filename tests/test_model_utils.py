"""summary, get/set_weights, count_params, get_layer, pop_layer,
freeze/unfreeze_weights, clone_model (spec: "Training verbs")."""

import keras
import numpy as np
import pytest
import toolz

from pykeras3 import (clone_model, compile, count_params, freeze_weights,
                      get_layer, get_weights, keras_input, keras_model,
                      keras_model_sequential, layer_batch_normalization,
                      layer_dense, pop_layer, predict, set_weights, summary,
                      train_on_batch, unfreeze_weights)

from conftest import tiny_model


def three_layers():
    """10 -> 4 -> 3 -> 1, layers named a, b, c."""
    return toolz.pipe(keras_model_sequential(input_shape=10),
                      layer_dense(units=4, name="a"),
                      layer_dense(units=3, name="b"),
                      layer_dense(units=1, name="c"))


# --------------------------------------------------------------------------
# summary

def test_summary_prints_the_layers_and_returns_the_model(capsys):
    model = three_layers()
    assert summary(model) is model
    out = capsys.readouterr().out
    for name in ("a", "b", "c"):
        assert f"{name} (Dense)" in out
    assert f"{model.count_params()}" in out


def test_summary_sends_lines_to_print_fn():
    lines = []
    model = three_layers()
    summary(model, print_fn=lambda line, **_: lines.append(line))
    assert "Total params" in "\n".join(lines)


# --------------------------------------------------------------------------
# weights and parameters

def test_get_weights_returns_numpy_arrays_in_layer_order():
    weights = get_weights(three_layers())
    assert all(isinstance(w, np.ndarray) for w in weights)
    assert [w.shape for w in weights] == [(10, 4), (4,), (4, 3), (3,),
                                          (3, 1), (1,)]


def test_get_weights_selects_trainable_or_not():
    model = layer_batch_normalization(
        layer_dense(keras_model_sequential(input_shape=3), units=2))
    assert len(get_weights(model)) == 6
    assert [w.shape for w in get_weights(model, trainable=True)] == \
        [(3, 2), (2,), (2,), (2,)]
    assert len(get_weights(model, trainable=False)) == 2


def test_get_weights_of_a_single_layer():
    model = three_layers()
    weights = get_weights(get_layer(model, name="b"))
    assert [w.shape for w in weights] == [(4, 3), (3,)]


def test_set_weights_changes_the_model_and_returns_it():
    model = three_layers()
    ones = [np.ones_like(w) for w in get_weights(model)]
    assert set_weights(model, ones) is model
    # with all-ones weights: 10 ones -> 4 x 11 -> 3 x 45 -> 136
    out = predict(model, np.ones((1, 10)), verbose=0)
    np.testing.assert_allclose(out, [[136.0]])


def test_set_weights_in_a_pipe():
    model = three_layers()
    zeros = [np.zeros_like(w) for w in get_weights(model)]
    toolz.pipe(model, set_weights(zeros))
    assert all((w == 0).all() for w in get_weights(model))


def test_count_params_counts_every_scalar():
    assert count_params(three_layers()) == (10 * 4 + 4) + (4 * 3 + 3) + \
        (3 * 1 + 1)
    assert count_params(get_layer(three_layers(), index=0)) == 44


# --------------------------------------------------------------------------
# get_layer and pop_layer

def test_get_layer_by_name():
    model = three_layers()
    assert get_layer(model, name="b") is model.layers[1]


def test_get_layer_index_is_zero_based_and_negative_counts_from_end():
    model = three_layers()
    assert get_layer(model, index=0).name == "a"
    assert get_layer(model, index=2).name == "c"
    assert get_layer(model, index=-1).name == "c"


def test_get_layer_needs_exactly_one_of_name_or_index():
    model = three_layers()
    with pytest.raises(ValueError, match="name.*index"):
        get_layer(model)
    with pytest.raises(ValueError, match="name.*index"):
        get_layer(model, name="a", index=0)


def test_get_layer_index_out_of_range_is_an_error():
    with pytest.raises(ValueError, match="index"):
        get_layer(three_layers(), index=3)


def test_get_layer_of_a_functional_model():
    inputs = keras_input(shape=3)
    outputs = layer_dense(inputs, units=1, name="out")
    model = keras_model(inputs, outputs)
    assert get_layer(model, name="out").units == 1


def test_pop_layer_removes_the_last_layer():
    model = three_layers()
    assert pop_layer(model) is model
    assert [layer.name for layer in model.layers] == ["a", "b"]
    assert model.output_shape == (None, 3)
    assert predict(model, np.ones((2, 10)), verbose=0).shape == (2, 3)


# --------------------------------------------------------------------------
# freeze_weights / unfreeze_weights

def trainable_flags(model):
    return [layer.trainable for layer in model.layers]


def test_freeze_weights_freezes_the_whole_model():
    model = three_layers()
    assert freeze_weights(model) is model
    assert model.trainable_weights == []
    assert len(model.non_trainable_weights) == 6


def test_unfreeze_weights_makes_the_whole_model_trainable_again():
    model = freeze_weights(three_layers())
    assert unfreeze_weights(model) is model
    assert len(model.trainable_weights) == 6


def test_freeze_weights_from_and_to_are_zero_based_and_inclusive():
    model = freeze_weights(three_layers(), from_=1, to=2)
    assert trainable_flags(model) == [True, False, False]
    model = freeze_weights(three_layers(), to=0)
    assert trainable_flags(model) == [False, True, True]
    model = freeze_weights(three_layers(), from_="b")
    assert trainable_flags(model) == [True, False, False]


def test_freeze_weights_which_selects_layers():
    model = freeze_weights(three_layers(), which=["a", 2])
    assert trainable_flags(model) == [False, True, False]
    model = freeze_weights(three_layers(),
                           which=lambda layer: layer.units == 3)
    assert trainable_flags(model) == [True, False, True]


def test_unfreeze_weights_from_selects_layers_to_train():
    model = toolz.pipe(three_layers(), freeze_weights(),
                       unfreeze_weights(from_=-1))
    assert [len(layer.trainable_weights) for layer in model.layers] == \
        [0, 0, 2]


def test_unfreeze_weights_after_partial_freeze_unfreezes_everything():
    model = freeze_weights(three_layers(), to=0)
    assert trainable_flags(model) == [False, True, True]
    unfreeze_weights(model)
    assert trainable_flags(model) == [True, True, True]
    assert len(model.trainable_weights) == 6


def test_frozen_layers_do_not_change_in_training():
    x = np.random.default_rng(1).random((16, 10), dtype=np.float32)
    y = np.ones((16, 1), "float32")
    model = toolz.pipe(three_layers(), freeze_weights(to="b"),
                       compile(optimizer="sgd", loss="mse"))
    before = get_weights(model)
    train_on_batch(model, x, y)
    after = get_weights(model)
    for i in range(4):  # layers a and b
        np.testing.assert_array_equal(before[i], after[i])
    assert not np.array_equal(before[4], after[4])  # layer c trained


# --------------------------------------------------------------------------
# clone_model

def test_clone_model_copies_architecture_with_fresh_weights():
    model = three_layers()
    twin = clone_model(model)
    assert twin is not model
    assert isinstance(twin, keras.Sequential)
    assert [layer.get_config()["units"] for layer in twin.layers] == \
        [4, 3, 1]
    assert count_params(twin) == count_params(model)
    assert not np.array_equal(get_weights(twin)[0], get_weights(model)[0])
    assert not twin.compiled


def test_clone_model_then_copy_weights_predicts_the_same():
    model = tiny_model()
    twin = set_weights(clone_model(model), get_weights(model))
    x = np.ones((3, 10), "float32")
    np.testing.assert_allclose(predict(twin, x, verbose=0),
                               predict(model, x, verbose=0), rtol=1e-6)
