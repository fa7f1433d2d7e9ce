"""Which process of a multi-process training job this is, and how the
processes agree with the chief (process 0).

A job started on several hosts (JAX: `jax.distributed.initialize()` or
`keras.distribution.initialize()`; TensorFlow: a multi-worker
`tf.distribute` strategy) runs the same callbacks in every process.  Files
and decisions must come from one of them, the chief, so that the others
write nothing and never disagree with it.  This module is the small,
backend-neutral toolbox for that:

* `process_index()`, `process_count()`, `is_chief()`, `is_multi_process()`;
* `from_chief(obj)`: the chief's JSON-able object, in every process;
* `file_from_chief(path)`: the chief's copy of a file, readable in every
  process (hosts need not share a file system);
* `weights_from_chief(model)`: make every process's model (and built
  optimizer) variables equal to the chief's;
* `snapshot(variables)`: variable values as NumPy arrays;
* `no_distribution()`: run a save on the chief alone without the Keras
  distribution, so that it makes no cross-process call;
* `barrier(name)`: wait until every process gets there.

What was measured (Keras 3.15, JAX 0.10, two CPU processes, DataParallel):

* Every assignment of a host value to a distributed variable
  (`variable.assign(numpy)`, hence `model.load_weights()`, `set_weights()`,
  and creating any new variable while a distribution is set) is a
  cross-process call: JAX checks that every process passes the same value.
  Run by one process alone it hangs or fails.  So loading is something all
  processes do, with the same bytes (`file_from_chief`), or with values
  broadcast from the chief (`weights_from_chief`).
* Reading a replicated variable (`np.asarray(v.value)`, `get_weights()`)
  is local; the chief can do it alone.
* `model.save()` / `save_weights()` create reference objects (an optimizer
  with its variables) the first time they run; under a distribution that
  is a cross-process call, so a save by the chief alone hangs or fails.
  Inside `no_distribution()` (or in a thread other than the one that set
  the distribution: Keras keeps it per thread) it is purely local.
* The logs callbacks see are the global metrics, identical in every
  process.

Every function is cheap and makes no cross-process call when there is a
single process.  Functions documented as "every process calls it" are
collective: all processes must call them, in the same order, or the job
hangs.  JAX and TensorFlow are imported only when Keras runs on them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile

import numpy as np

__all__ = ["process_index", "process_count", "is_chief", "is_multi_process",
           "from_chief", "file_from_chief", "weights_from_chief", "snapshot",
           "no_distribution", "barrier", "model_variables"]

# Bytes sent in the first broadcast of `from_chief`: a small object needs
# one collective, a larger one a second with the rest.
_HEADER = 1024
# The largest piece broadcast at once (bytes).
_CHUNK = 1 << 28


# ----------------------------------------------------------------------
# Which process


def _backend():
    """Keras's backend, or None while Keras is not imported yet (then no
    model exists, and nothing is distributed)."""
    keras = sys.modules.get("keras")
    if keras is None:
        return None
    return keras.backend.backend()


def _jax():
    """The jax module when Keras runs on JAX and JAX's distributed system
    is initialized with more than one process; else None.  Never starts
    JAX's runtime (that would forbid a later `initialize()`)."""
    if _backend() != "jax":
        return None
    jax = sys.modules.get("jax")
    if jax is None or not jax.distributed.is_initialized():
        return None
    return jax if jax.process_count() > 1 else None


def _tf_strategy():
    """The current tf.distribute strategy when Keras runs on TensorFlow
    and the strategy spans several workers (it has a cluster resolver
    with more than one task); else None."""
    if _backend() != "tensorflow":
        return None
    tf = sys.modules.get("tensorflow")
    if tf is None or not tf.distribute.has_strategy():
        return None
    strategy = tf.distribute.get_strategy()
    tasks = _tf_tasks(strategy)
    return strategy if len(tasks) > 1 else None


def _tf_tasks(strategy):
    """The (task_type, task_id) of the strategy's chief and workers, the
    chief first."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None:
        return []
    try:
        spec = resolver.cluster_spec().as_dict()
    except Exception:
        return []
    tasks = []
    for job in ("chief", "worker"):
        hosts = spec.get(job) or []
        ids = sorted(hosts) if isinstance(hosts, dict) else range(len(hosts))
        tasks += [(job, int(i)) for i in ids]
    return tasks


def process_index():
    """This process's index in the job: 0 for the chief (and for a job of
    one process), then 1, 2, ...  On JAX it is `jax.process_index()`; on
    TensorFlow the task's position in the cluster, the chief first."""
    jax = _jax()
    if jax is not None:
        return jax.process_index()
    strategy = _tf_strategy()
    if strategy is not None:
        resolver = strategy.cluster_resolver
        me = (resolver.task_type, int(resolver.task_id or 0))
        return _tf_tasks(strategy).index(me)
    return 0


def process_count():
    """How many processes take part in the job (1 when there is no
    multi-process set-up)."""
    jax = _jax()
    if jax is not None:
        return jax.process_count()
    strategy = _tf_strategy()
    if strategy is not None:
        return len(_tf_tasks(strategy))
    return 1


def is_multi_process():
    """True when the job has more than one process."""
    return process_count() > 1


def is_chief():
    """True in the process that writes files and makes decisions: process
    0, or the only process."""
    return process_index() == 0


# ----------------------------------------------------------------------
# Broadcasting from the chief


def _broadcast_bytes(data, size):
    """Every process calls it: the chief's `data` (bytes of length
    `size`), in every process.  Others pass None for `data`."""
    jax = _jax()
    if jax is not None:
        from jax.experimental import multihost_utils
        chief = jax.process_index() == 0
        out = bytearray()
        for start in range(0, size, _CHUNK):
            n = min(_CHUNK, size - start)
            if chief:
                piece = np.frombuffer(data, np.uint8, n, start)
            else:
                piece = np.zeros(n, np.uint8)
            # A sum in which only the chief's bytes are not zero: exact.
            out += np.asarray(
                multihost_utils.broadcast_one_to_all(piece)).tobytes()
        return bytes(out)
    strategy = _tf_strategy()
    if strategy is not None:
        return _tf_broadcast_bytes(strategy, data, size)
    return data


def _tf_broadcast_bytes(strategy, data, size):
    """`_broadcast_bytes` with a multi-worker tf.distribute strategy: a
    SUM all-reduce to which only the chief's first replica brings bytes
    (as int32, which sums exactly)."""
    import tensorflow as tf
    chief = process_index() == 0
    buffer = np.zeros(size, np.int32)
    if chief:
        buffer[:] = np.frombuffer(data, np.uint8, size)
    source = tf.constant(buffer)

    def contribute():
        ctx = tf.distribute.get_replica_context()
        first = tf.logical_and(tf.constant(chief),
                               tf.equal(ctx.replica_id_in_sync_group, 0))
        return tf.where(first, source, tf.zeros_like(source))

    total = strategy.reduce(tf.distribute.ReduceOp.SUM,
                            strategy.run(contribute), axis=None)
    return np.asarray(total, np.int32).astype(np.uint8).tobytes()


def from_chief(obj):
    """Every process calls it; each gets the chief's `obj` back (a
    JSON-able value: None, bools, numbers, strings, lists, dicts).  What
    the other processes pass is ignored.  With a single process `obj` is
    returned as it is, without encoding it.  Non-finite floats survive
    (as JSON's NaN/Infinity); tuples come back as lists."""
    if process_count() == 1:
        return obj
    if is_chief():
        payload = json.dumps(obj, allow_nan=True).encode("utf-8")
        header = len(payload).to_bytes(4, "little") + payload[:_HEADER - 4]
        header = header.ljust(_HEADER, b"\0")
    else:
        payload = header = None
    header = _broadcast_bytes(header, _HEADER)
    size = int.from_bytes(header[:4], "little")
    data = header[4:4 + size]
    if size > _HEADER - 4:
        rest = _broadcast_bytes(None if payload is None else
                                payload[_HEADER - 4:], size - _HEADER + 4)
        data += rest
    return json.loads(data.decode("utf-8"))


@contextlib.contextmanager
def file_from_chief(path):
    """Every process calls it (a context manager); inside the block each
    process has a readable copy of the chief's file at the path it
    yields, or None when the chief's `path` is None or not a file.

    The chief gets its own `path` back, untouched.  The others get a
    temporary copy with the same base name (Keras picks a format by the
    suffix), outside any checkpoint folder, deleted when the block ends;
    what they pass as `path` is ignored, so hosts need not share a file
    system.  With a single process this is `path` itself (or None)."""
    if process_count() == 1:
        yield path if path is not None and os.path.isfile(path) else None
        return
    chief = is_chief()
    info = None
    data = None
    if chief and path is not None and os.path.isfile(path):
        with open(path, "rb") as f:
            data = f.read()
        info = {"name": os.path.basename(path), "size": len(data)}
    info = from_chief(info)
    if info is None:
        yield None
        return
    data = _broadcast_bytes(data, info["size"])
    if chief:
        yield path
        return
    folder = tempfile.mkdtemp(prefix="pykeras3-from-chief-")
    try:
        local = os.path.join(folder, info["name"])
        with open(local, "wb") as f:
            f.write(data)
        del data
        yield local
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def barrier(name="pykeras3"):
    """Every process calls it: returns when all processes have reached
    it.  No-op with a single process."""
    jax = _jax()
    if jax is not None:
        from jax.experimental import multihost_utils
        multihost_utils.sync_global_devices(name)
        return
    if _tf_strategy() is not None:
        from_chief(name)


# ----------------------------------------------------------------------
# Variables


def model_variables(model):
    """The variables `weights_from_chief` and `snapshot` work on: the
    model's weights, then its optimizer's variables when the optimizer is
    built, without duplicates, in a fixed order."""
    out, seen = [], set()
    optimizer = getattr(model, "optimizer", None)
    extra = []
    if optimizer is not None and getattr(optimizer, "built", False):
        extra = list(optimizer.variables)
    for v in list(model.weights) + extra:
        if id(v) not in seen:
            seen.add(id(v))
            out.append(v)
    return out


def _value(variable):
    return getattr(variable, "value", variable)


def _is_local(value):
    """True when this process can read the whole value alone."""
    if getattr(value, "is_fully_addressable", True):
        return True
    return bool(getattr(value, "is_fully_replicated", False))


def snapshot(variables):
    """The values of `variables` (a list, or a model: see
    `model_variables`) as NumPy arrays, in every process.

    Replicated values are read locally.  A value split across processes
    (model parallelism) is gathered, which is a cross-process call: when
    any variable may be split, every process must call it."""
    if not isinstance(variables, (list, tuple)):
        variables = model_variables(variables)
    out = []
    for v in variables:
        value = _value(v)
        if _is_local(value):
            # A copy (TF) or a view of an immutable buffer (JAX): later
            # assignments do not change it.
            out.append(np.asarray(v.numpy() if hasattr(v, "numpy")
                                  else value))
        else:
            from jax.experimental import multihost_utils
            out.append(np.asarray(
                multihost_utils.process_allgather(value, tiled=True)))
    return out


def _signature(variables):
    text = ";".join(f"{getattr(v, 'path', '')}:{tuple(v.shape)}:"
                    f"{np.dtype(_dtype(v)).str}" for v in variables)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dtype(variable):
    dtype = getattr(variable, "dtype", None)
    try:
        return np.dtype(dtype)
    except TypeError:
        return np.dtype(str(dtype))


def weights_from_chief(model):
    """Every process calls it; afterwards every process's model weights
    and built optimizer variables equal the chief's, bit for bit.

    The chief's values travel in one broadcast (hosts need not share a
    file system).  The models must have the same variables in every
    process (same shapes and dtypes, the optimizer built or not in all);
    otherwise every process raises ValueError before anything is sent.
    With a single process nothing happens."""
    if process_count() == 1:
        return
    variables = model_variables(model)
    signature = _signature(variables)
    if not _same_everywhere(signature):
        raise ValueError(
            "weights_from_chief(): the processes' models do not have the "
            "same variables (names, shapes, dtypes; the optimizer built or "
            "not), so the chief's weights cannot be copied. Build the "
            "model and its optimizer the same way in every process.")
    dtypes = [_dtype(v) for v in variables]
    sizes = [int(np.prod(v.shape, dtype=np.int64)) * d.itemsize
             for v, d in zip(variables, dtypes)]
    data = None
    if is_chief():
        data = b"".join(np.ascontiguousarray(a, d).tobytes()
                        for a, d in zip(snapshot(variables), dtypes))
    data = _broadcast_bytes(data, sum(sizes))
    start = 0
    for v, d, n in zip(variables, dtypes, sizes):
        value = np.frombuffer(data, d, n // d.itemsize, start).reshape(
            tuple(v.shape))
        start += n
        _assign(v, value)


def _same_everywhere(text):
    """Every process calls it: True in all when every process passed the
    same string."""
    mine = text
    chiefs = from_chief(text)
    # Each process tells whether it agrees; all must.
    jax = _jax()
    if jax is not None:
        from jax.experimental import multihost_utils
        flags = multihost_utils.process_allgather(
            np.array([int(mine == chiefs)], np.int32))
        return bool(np.all(np.asarray(flags)))
    strategy = _tf_strategy()
    if strategy is not None:
        import tensorflow as tf
        disagree = strategy.reduce(
            tf.distribute.ReduceOp.SUM,
            strategy.run(lambda: tf.constant(int(mine != chiefs))), axis=None)
        return int(disagree) == 0
    return True


def _assign(variable, value):
    """Assign the same host `value` in every process.  On JAX the value
    is placed directly with the variable's current sharding (no check
    across processes is needed: every process holds the same bytes)."""
    current = _value(variable)
    sharding = getattr(current, "sharding", None)
    if _jax() is not None and sharding is not None:
        import jax
        value = np.asarray(value, dtype=current.dtype)
        placed = jax.make_array_from_callback(
            value.shape, sharding, lambda index: value[index])
        variable.assign(placed)
        return
    variable.assign(value)


# ----------------------------------------------------------------------
# Saving on the chief alone


@contextlib.contextmanager
def no_distribution():
    """Within the block, Keras in this thread has no distribution set, so
    the objects a save creates (a reference optimizer and its variables)
    live in this process only and the save makes no cross-process call:
    the chief can run `model.save()` or `save_weights()` alone.  Keras
    keeps the distribution per thread, and a save running in another
    thread has none already.  Nothing changes on other backends or
    without a distribution."""
    if _backend() != "jax":
        yield
        return
    keras = sys.modules["keras"]
    current = keras.distribution.distribution()
    if current is None:
        yield
        return
    keras.distribution.set_distribution(None)
    try:
        yield
    finally:
        keras.distribution.set_distribution(current)
