# The local runtime's bootstrap for Python functions (Tasks.Dispatcher.Invoking.Local).
#
# stdin: one line of invocation header (JSON: sentinel, codeRoot, entryPoint, functionName, memoryLimitMb,
# deadlineEpochMs, requestId, taskId), then the event as JSON up to the end.
# stdout: the function's own output, then ONE outcome line: <sentinel>{"result": <json>} or
# <sentinel>{"error": {"type", "name", "message"}}. The sentinel is random per invocation and reaches this script
# only through stdin, so the function's output cannot be mistaken for an outcome.
import importlib
import inspect
import json
import os
import sys
import time
import traceback

# Captured before any function code runs, which may replace sys.stdout and sys.stderr.
_OUTCOME_FD = os.dup(1)
_STDERR = sys.stderr


class Refusal(Exception):
    def __init__(self, error_type, name, message):
        super().__init__(message)
        self.error = {"type": error_type, "name": name, "message": message}


class LambdaContext:
    def __init__(self, header):
        self.function_name = header["functionName"]
        self.function_version = "$LATEST"
        self.memory_limit_in_mb = header["memoryLimitMb"]
        self.aws_request_id = header["requestId"]
        self.task_id = header["taskId"]
        self._deadline_epoch_ms = header["deadlineEpochMs"]

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_epoch_ms - time.time() * 1000))


def limit_memory(megabytes):
    # Best effort: the address space bounds the heap (a MemoryError when exceeded), where the platform allows it.
    try:
        import resource

        limit = int(megabytes) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


def load_handler(entry_point):
    # Like AWS Lambda: "dir/module.function" = module "dir.module", then its attribute "function".
    module_name, dot, function_name = entry_point.rpartition(".")
    if not dot or not module_name or not function_name:
        raise Refusal("handlerNotFound", "HandlerNotFound", f"The entry point '{entry_point}' is not 'module.function'.")
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name is not None and (module_name == e.name or module_name.startswith(e.name + ".")):
            raise Refusal("handlerNotFound", "HandlerNotFound", f"No module named '{module_name}' in the function's code.") from e
        raise
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise Refusal("handlerNotFound", "HandlerNotFound", f"{entry_point} is undefined or not a function.")
    return handler


def error_of(e):
    if isinstance(e, Refusal):
        return e.error
    name = type(e).__name__
    if isinstance(e, MemoryError):
        return {"type": "outOfMemory", "name": name, "message": str(e) or "The function ran out of memory."}
    return {"type": name, "name": name, "message": str(e)}


def report(sentinel, outcome):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - the function may have replaced or closed them
            pass
    data = (sentinel + outcome + "\n").encode("utf-8")
    while data:
        written = os.write(_OUTCOME_FD, data)
        data = data[written:]
    # Exit now: threads or atexit hooks the function left behind must not hold the invocation open.
    os._exit(0)


def main():
    raw = sys.stdin.buffer.read()
    header_bytes, _, event_bytes = raw.partition(b"\n")
    header = json.loads(header_bytes)
    sentinel = header["sentinel"]
    limit_memory(header["memoryLimitMb"])
    # The function's code root comes first on the module path, in place of this script's directory.
    sys.path[0] = header["codeRoot"]

    try:
        event = json.loads(event_bytes.decode("utf-8"))
        handler = load_handler(header["entryPoint"])
        result = handler(event, LambdaContext(header))
        if inspect.iscoroutine(result):
            import asyncio

            result = asyncio.run(result)
    except Exception as e:  # noqa: BLE001 - every error of the function is its outcome
        if not isinstance(e, Refusal):
            traceback.print_exc(file=_STDERR)
        report(sentinel, json.dumps({"error": error_of(e)}))
        return

    try:
        result_json = json.dumps(result, allow_nan=False, separators=(",", ":"))
    except Exception as e:  # noqa: BLE001 - TypeError, ValueError, RecursionError: not JSON
        message = f"The result is not JSON-serializable: {e}"
        report(sentinel, json.dumps({"error": {"type": "invalidResult", "name": "InvalidResult", "message": message}}))
        return
    report(sentinel, '{"result":' + result_json + "}")


main()
