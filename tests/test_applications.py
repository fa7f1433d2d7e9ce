"""The application models and their helpers, on real Keras: every
constructor builds its architecture untrained (weights=None, the smallest
input Keras accepts), goes with the right preprocessing, and explains a
failed download of pretrained weights or of ImageNet's class index."""

import inspect
import os
import textwrap

import keras
import numpy as np
import pytest

import pykeras3
from pykeras3 import (application_decode_predictions,
                      application_preprocess_inputs,
                      imagenet_decode_predictions, imagenet_preprocess_input,
                      keras_input, keras_model, layer_dense)
from conftest import run_offline

A = keras.applications

# name -> (Keras constructor, smallest input size, width of the last
# feature map: a fact of each architecture)
APPLICATIONS = {
    "application_convnext_tiny": (A.ConvNeXtTiny, 32, 768),
    "application_convnext_small": (A.ConvNeXtSmall, 32, 768),
    "application_convnext_base": (A.ConvNeXtBase, 32, 1024),
    "application_convnext_large": (A.ConvNeXtLarge, 32, 1536),
    "application_convnext_xlarge": (A.ConvNeXtXLarge, 32, 2048),
    "application_densenet121": (A.DenseNet121, 32, 1024),
    "application_densenet169": (A.DenseNet169, 32, 1664),
    "application_densenet201": (A.DenseNet201, 32, 1920),
    "application_efficientnet_b0": (A.EfficientNetB0, 32, 1280),
    "application_efficientnet_b1": (A.EfficientNetB1, 32, 1280),
    "application_efficientnet_b2": (A.EfficientNetB2, 32, 1408),
    "application_efficientnet_b3": (A.EfficientNetB3, 32, 1536),
    "application_efficientnet_b4": (A.EfficientNetB4, 32, 1792),
    "application_efficientnet_b5": (A.EfficientNetB5, 32, 2048),
    "application_efficientnet_b6": (A.EfficientNetB6, 32, 2304),
    "application_efficientnet_b7": (A.EfficientNetB7, 32, 2560),
    "application_efficientnet_v2b0": (A.EfficientNetV2B0, 32, 1280),
    "application_efficientnet_v2b1": (A.EfficientNetV2B1, 32, 1280),
    "application_efficientnet_v2b2": (A.EfficientNetV2B2, 32, 1408),
    "application_efficientnet_v2b3": (A.EfficientNetV2B3, 32, 1536),
    "application_efficientnet_v2s": (A.EfficientNetV2S, 32, 1280),
    "application_efficientnet_v2m": (A.EfficientNetV2M, 32, 1280),
    "application_efficientnet_v2l": (A.EfficientNetV2L, 32, 1280),
    "application_inception_resnet_v2": (A.InceptionResNetV2, 75, 1536),
    "application_inception_v3": (A.InceptionV3, 75, 2048),
    "application_mobilenet": (A.MobileNet, 32, 1024),
    "application_mobilenet_v2": (A.MobileNetV2, 32, 1280),
    "application_mobilenet_v3_large": (A.MobileNetV3Large, 32, 960),
    "application_mobilenet_v3_small": (A.MobileNetV3Small, 32, 576),
    "application_nasnet_large": (A.NASNetLarge, 32, 4032),
    "application_nasnet_mobile": (A.NASNetMobile, 32, 1056),
    "application_resnet50": (A.ResNet50, 32, 2048),
    "application_resnet101": (A.ResNet101, 32, 2048),
    "application_resnet152": (A.ResNet152, 32, 2048),
    "application_resnet50_v2": (A.ResNet50V2, 32, 2048),
    "application_resnet101_v2": (A.ResNet101V2, 32, 2048),
    "application_resnet152_v2": (A.ResNet152V2, 32, 2048),
    "application_vgg16": (A.VGG16, 32, 512),
    "application_vgg19": (A.VGG19, 32, 512),
    "application_xception": (A.Xception, 71, 2048),
}
ALIASES = {"application_nasnetlarge": "application_nasnet_large",
           "application_nasnetmobile": "application_nasnet_mobile"}
# Built in more than about 2 s on one core.
# Cheap enough to build a second time, with a 3-class top.
WITH_TOP = ["application_convnext_tiny", "application_efficientnet_b0",
            "application_efficientnet_v2b0", "application_inception_v3",
            "application_mobilenet", "application_mobilenet_v2",
            "application_mobilenet_v3_small", "application_resnet50",
            "application_resnet50_v2", "application_vgg16",
            "application_xception"]


# The quick loop (`-m "not slow"`) builds these few; CI builds them all.
QUICK = {"application_mobilenet_v3_small", "application_mobilenet"}


def params(names):
    return [name if name in QUICK else
            pytest.param(name, marks=pytest.mark.slow) for name in names]


def images(size, n=1, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 255, (n, size, size, 3)).astype("float32")


def keras_module(constructor):
    """The keras.applications module of a constructor (its
    preprocess_input and decode_predictions)."""
    return inspect.getmodule(constructor)


def default_name(constructor):
    return inspect.signature(constructor).parameters["name"].default


@pytest.mark.parametrize("name", params(sorted(APPLICATIONS)))
def test_application_builds_its_architecture_untrained(name):
    constructor, size, width = APPLICATIONS[name]
    fn = getattr(pykeras3, name)
    # the input shape may be a list (converted to a tuple)
    model = fn(weights=None, include_top=False, input_shape=[size, size, 3])
    assert isinstance(model, keras.Model)
    expected_name = default_name(constructor)
    if expected_name is not None:  # MobileNet v1/v2 name themselves
        assert model.name == expected_name
    assert tuple(model.input_shape) == (None, size, size, 3)
    x = images(size)
    out = np.asarray(model(x))
    assert out.ndim == 4 and out.shape[0] == 1 and out.shape[-1] == width
    assert np.isfinite(out).all()
    # the preprocessing that goes with the model is its module's
    np.testing.assert_allclose(
        np.asarray(application_preprocess_inputs(model, x.copy())),
        np.asarray(keras_module(constructor).preprocess_input(x.copy())),
        rtol=1e-6)


@pytest.mark.parametrize("name", params(sorted(APPLICATIONS)))
def test_application_refuses_images_smaller_than_its_minimum(name):
    _constructor, size, _width = APPLICATIONS[name]
    with pytest.raises(ValueError, match=str(size)):
        getattr(pykeras3, name)(weights=None, include_top=False,
                                input_shape=(size - 1, size - 1, 3))


@pytest.mark.parametrize("name", params(WITH_TOP))
def test_application_with_a_top_of_3_classes(name):
    _constructor, size, _width = APPLICATIONS[name]
    model = getattr(pykeras3, name)(weights=None, classes=3.0,
                                    input_shape=(size, size, 3))
    probs = model.predict(images(size, n=2), verbose=0)
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


def test_application_classifier_activation_none_gives_logits():
    model = pykeras3.application_mobilenet_v3_small(
        weights=None, classes=4, input_shape=(32, 32, 3),
        classifier_activation=None, include_preprocessing=False)
    assert model.layers[-1].activation is not keras.activations.softmax
    scores = model.predict(images(32, n=2) / 127.5 - 1, verbose=0)
    assert scores.shape == (2, 4)
    assert not np.allclose(scores.sum(axis=1), 1.0)


@pytest.mark.parametrize("pooling", ["avg", "max"])
def test_application_pooling_gives_one_vector_per_image(pooling):
    model = pykeras3.application_mobilenet_v2(
        weights=None, include_top=False, input_shape=(64, 64, 3),
        pooling=pooling)
    assert model.output_shape == (None, 1280)
    features = np.asarray(model(images(64, n=2)))
    assert features.shape == (2, 1280)
    if pooling == "max":
        # max pooling of ReLU6 outputs is at least their mean
        assert (features >= 0).all()


@pytest.mark.slow
def test_application_on_an_input_tensor_and_for_transfer_learning():
    inputs = keras_input(shape=(32, 32, 3))
    base = pykeras3.application_resnet50(weights=None, include_top=False,
                                         input_tensor=inputs,
                                         pooling="avg")
    assert base.inputs[0] is inputs
    base.trainable = False
    outputs = layer_dense(base.output, units=2, activation="softmax")
    model = pykeras3.compile(keras_model(inputs, outputs), loss="mse")
    assert len(model.trainable_weights) == 2
    history = pykeras3.fit(model, images(32, n=4), np.ones((4, 2)),
                           verbose=0)
    assert len(history.history["loss"]) == 1


def test_mobilenet_width_and_depth_options():
    thin = pykeras3.application_mobilenet(weights=None, include_top=False,
                                          input_shape=(32, 32, 3),
                                          alpha=0.5, depth_multiplier=2.0)
    assert thin.output_shape[-1] == 512
    assert thin.name.startswith("mobilenet_0.50")
    small = pykeras3.application_mobilenet_v3_small(
        weights=None, include_top=False, input_shape=(32, 32, 3),
        minimalistic=True, alpha=0.75)
    assert isinstance(small, keras.Model)
    with pytest.raises(ValueError, match="depth_multiplier"):
        pykeras3.application_mobilenet(weights=None, depth_multiplier=1.5)


def test_application_weights_from_a_file(tmp_path):
    args = dict(include_top=False, input_shape=(32, 32, 3))
    trained = pykeras3.application_mobilenet_v3_small(weights=None, **args)
    path = str(tmp_path / "mine.weights.h5")
    trained.save_weights(path)
    loaded = pykeras3.application_mobilenet_v3_small(weights=path, **args)
    for mine, theirs in zip(loaded.get_weights(), trained.get_weights()):
        np.testing.assert_array_equal(mine, theirs)


def test_application_bad_arguments_are_refused_early():
    with pytest.raises(ValueError, match="classes"):
        pykeras3.application_vgg16(weights=None, classes=2.5)
    with pytest.raises(ValueError, match="input_shape"):
        pykeras3.application_vgg16(weights=None, include_top=False,
                                   input_shape=(32, 32.5, 3))
    with pytest.raises(ValueError, match="weights"):
        pykeras3.application_resnet50(weights="no/such/file.h5")


def test_nasnet_aliases_are_the_same_functions():
    for alias, target in ALIASES.items():
        assert getattr(pykeras3, alias) is getattr(pykeras3, target)
        assert alias in pykeras3.FAMILIES["applications"]


# --------------------------------------------------------------------------
# Preprocessing and decoding

def test_preprocess_inputs_finds_models_built_by_keras_directly():
    x = images(32)
    for model, module in [
            (A.ResNet50(weights=None, include_top=False,
                        input_shape=(32, 32, 3)), A.resnet50),
            (A.MobileNetV2(weights=None, include_top=False,
                           input_shape=(32, 32, 3)), A.mobilenet_v2)]:
        np.testing.assert_allclose(
            np.asarray(application_preprocess_inputs(model, x.copy())),
            np.asarray(module.preprocess_input(x.copy())), rtol=1e-6)


def test_preprocess_inputs_scales_as_the_model_was_trained():
    x = np.full((1, 2, 2, 3), 255.0, "float32")
    mobilenet = pykeras3.application_mobilenet_v2(
        weights=None, include_top=False, input_shape=(32, 32, 3))
    assert float(np.max(application_preprocess_inputs(mobilenet, x))) == 1.0
    vgg = pykeras3.application_vgg16(weights=None, include_top=False,
                                     input_shape=(32, 32, 3))
    out = np.asarray(application_preprocess_inputs(vgg, x))
    np.testing.assert_allclose(out[0, 0, 0],
                               255.0 - np.array([103.939, 116.779, 123.68]),
                               rtol=1e-5)
    # Keras's own functions write over NumPy input; these do not
    np.testing.assert_array_equal(x, np.full((1, 2, 2, 3), 255.0))
    imagenet_preprocess_input(x, mode="tf")
    np.testing.assert_array_equal(x, np.full((1, 2, 2, 3), 255.0))
    out = application_preprocess_inputs(mobilenet, x.tolist())
    assert float(np.max(out)) == 1.0
    out = imagenet_preprocess_input(keras.ops.convert_to_tensor(x),
                                    mode="tf")
    assert float(np.max(np.asarray(out))) == 1.0


def test_preprocess_inputs_needs_an_application_model():
    inputs = keras_input(shape=(4,))
    plain = keras_model(inputs, layer_dense(inputs, units=1))
    with pytest.raises(TypeError, match="model"):
        application_preprocess_inputs(plain, np.zeros((1, 4)))
    with pytest.raises(TypeError, match="application_"):
        application_preprocess_inputs("resnet50", np.zeros((1, 4)))


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_imagenet_preprocess_input_modes(data_format):
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 255, (2, 4, 4, 3)).astype("float32")
    axis = -1
    if data_format == "channels_first":
        x = np.transpose(x, (0, 3, 1, 2)).copy()
        axis = 1

    def along(values):
        shape = [1, 1, 1, 1]
        shape[axis] = 3
        return np.array(values, "float32").reshape(shape)

    tf_mode = imagenet_preprocess_input(x.copy(), data_format, mode="tf")
    np.testing.assert_allclose(tf_mode, x / 127.5 - 1, rtol=1e-5,
                               atol=1e-6)
    torch_mode = imagenet_preprocess_input(x.copy(), data_format,
                                           mode="torch")
    np.testing.assert_allclose(
        torch_mode, (x / 255 - along([0.485, 0.456, 0.406]))
        / along([0.229, 0.224, 0.225]), rtol=1e-5, atol=1e-5)
    caffe = imagenet_preprocess_input(x.copy(), data_format=data_format)
    bgr = np.flip(x, axis=axis)
    np.testing.assert_allclose(caffe, bgr - along([103.939, 116.779,
                                                   123.68]),
                               rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(
        caffe, A.imagenet_utils.preprocess_input(
            x.copy(), data_format=data_format), rtol=1e-6)


def test_decode_predictions_checks_its_input_before_downloading():
    with pytest.raises(ValueError, match="1000"):
        imagenet_decode_predictions(np.zeros((1, 10)))
    with pytest.raises(ValueError, match="top"):
        imagenet_decode_predictions(np.zeros((1, 1000)), top=0)
    with pytest.raises(ValueError, match="top"):
        imagenet_decode_predictions(np.zeros((1, 1000)), top=2.5)
    model = pykeras3.application_mobilenet_v3_small(
        weights=None, input_shape=(32, 32, 3))
    with pytest.raises(ValueError, match="top"):
        application_decode_predictions(model, np.zeros((1, 1000)), top=-1)
    inputs = keras_input(shape=(4,))
    with pytest.raises(TypeError, match="application_"):
        application_decode_predictions(
            keras_model(inputs, layer_dense(inputs, units=1000)),
            np.zeros((1, 1000)))


OFFLINE = textwrap.dedent("""
    import json
    import numpy as np
    import pykeras3

    results = {}
    def attempt(key, call):
        try:
            call()
        except Exception as err:
            results[key] = [type(err).__name__, str(err)]
        else:
            results[key] = ["no error", ""]

    attempt("weights", lambda: pykeras3.application_mobilenet_v3_small(
        include_top=False, input_shape=(32, 32, 3)))
    model = pykeras3.application_mobilenet_v3_small(
        weights=None, input_shape=(32, 32, 3))
    preds = np.full((1, 1000), 1e-3, "float32")
    attempt("application_decode", lambda: (
        pykeras3.application_decode_predictions(model, preds)))
    attempt("imagenet_decode", lambda: (
        pykeras3.imagenet_decode_predictions(preds, top=2)))
    print("RESULTS" + json.dumps(results))
""")


@pytest.mark.slow
def test_downloads_without_network_say_what_failed_and_what_to_do(
        tmp_path):
    """A real download attempt, through a proxy on a closed local port."""
    results, home = run_offline(OFFLINE, tmp_path)

    kind, message = results["weights"]
    assert kind == "ConnectionError", message
    assert "application_mobilenet_v3_small(weights='imagenet')" in message
    assert "could not be downloaded" in message
    assert "weights=None" in message
    assert str(home) in message

    for key, fn in [("application_decode",
                     "application_decode_predictions"),
                    ("imagenet_decode", "imagenet_decode_predictions")]:
        kind, message = results[key]
        assert kind == "ConnectionError", message
        assert message.startswith(fn)
        assert "class index could not be downloaded" in message
        assert str(home) in message
    assert not any(os.scandir(home / "models")) if (
        home / "models").exists() else True


# --------------------------------------------------------------------------
# Every function of the family has a sample

HAND_TESTED = {
    "application_preprocess_inputs":
        test_preprocess_inputs_scales_as_the_model_was_trained,
    "application_decode_predictions":
        test_downloads_without_network_say_what_failed_and_what_to_do,
    "imagenet_preprocess_input": test_imagenet_preprocess_input_modes,
    "imagenet_decode_predictions":
        test_decode_predictions_checks_its_input_before_downloading,
}


@pytest.mark.introspection
def test_every_application_function_has_a_sample():
    exported = set(pykeras3.FAMILIES["applications"])
    sampled = set(APPLICATIONS) | set(ALIASES) | set(HAND_TESTED)
    assert not exported - sampled, sorted(exported - sampled)
    assert not sampled - exported, sorted(sampled - exported)
