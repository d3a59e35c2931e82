"""The Dask engine: the same per-file function as futures on a cluster; results come back to one writer."""
from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from itertools import islice

import dask
from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from ..errors import Timeout
from .errors import BatchAborted, UnexpectedError, WorkerCrashed
from .inputs import Item
from .task import Outcome, Settings, failure, process_item, warm_up


class BatchSetup(WorkerPlugin):
    """On every worker, restarted ones included: the ids already written, and a warmed-up extractor."""

    name = "tongbao-batch"

    def __init__(self, ids: frozenset[str], extractor: str):
        self.ids, self.extractor = ids, extractor

    def setup(self, worker) -> None:
        warm_up(self.extractor)


def dask_task(item: Item, settings: Settings) -> tuple[Outcome, str | None]:
    """process_item under a deadline; a Dask task cannot be killed, so a late one's thread is abandoned
    and the worker's address returned for the client to restart it."""
    worker = get_worker()
    plugin = worker.plugins.get(BatchSetup.name)
    known = plugin.ids if plugin else frozenset()
    result: list[Outcome] = []
    thread = threading.Thread(target=lambda: result.append(process_item(item, settings, known)), daemon=True)
    thread.start()
    thread.join(settings.timeout)
    if result:
        return result[0], None
    late = Timeout(item.path, f"no result within {settings.timeout:g} s; worker restarted")
    return failure(item, late), worker.address


def _local_cluster(workers: int) -> LocalCluster:
    # One attempt per file, as in the local engine: a file that kills its worker is not tried on three more.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.CRITICAL)


def run_dask(items: Iterable[Item], settings: Settings, emit: Callable[[Outcome], None],
             known_ids: Callable[[], frozenset[str]], *, workers: int, scheduler: str | None = None) -> None:
    """Keep one task per worker thread in flight, so a dying worker takes no other file with it."""
    cluster = None if scheduler else _local_cluster(workers)
    client = Client(scheduler or cluster)
    try:
        try:
            problem = client.submit(warm_up, settings.extractor, pure=False).result()
        except Exception as error:  # noqa: BLE001 - typically tongbao missing on the scheduler or workers
            raise BatchAborted(f"the Dask cluster cannot run tongbao (install it on scheduler and workers): "
                               f"{type(error).__name__}: {error}") from error
        if problem:
            raise BatchAborted(f"Dask workers cannot load {settings.extractor}: {problem}")
        client.register_plugin(BatchSetup(known_ids(), settings.extractor), name=BatchSetup.name)
        pending = iter(items)
        in_flight: dict[str, Item] = {}
        done = as_completed()

        def submit(count: int) -> None:
            for item in islice(pending, count):
                key = f"tongbao-{uuid.uuid4().hex}"
                in_flight[key] = item
                done.add(client.submit(dask_task, item, settings, key=key, pure=False))

        submit(max(sum(client.nthreads().values()), 1))
        for future in done:
            item, stuck = in_flight.pop(future.key), None
            try:
                outcome, stuck = future.result()
            except KilledWorker as error:
                outcome = failure(item, WorkerCrashed(item.path, f"Dask worker died on this file: {error}"))
            except Exception as error:  # noqa: BLE001 - a cancelled or failed future costs one file
                outcome = failure(item, UnexpectedError(item.path, f"{type(error).__name__}: {error}"))
            future.release()
            emit(outcome)
            if stuck:
                _restart(client, stuck)
            submit(1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _restart(client: Client, address: str) -> None:
    """Free the CPU an abandoned thread may still burn; without a nanny the worker just keeps it."""
    try:
        client.restart_workers([address])
    except Exception:  # noqa: BLE001 - best effort: the batch goes on either way
        logging.getLogger(__name__).warning("could not restart Dask worker %s after a timeout", address)
