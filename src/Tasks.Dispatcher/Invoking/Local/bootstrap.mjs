// The local runtime's bootstrap for Node.js functions (Tasks.Dispatcher.Invoking.Local).
//
// stdin: one line of invocation header (JSON: sentinel, codeRoot, entryPoint, functionName, memoryLimitMb,
// deadlineEpochMs, requestId, taskId), then the event as JSON up to the end.
// stdout: the function's own output, then ONE outcome line: <sentinel>{"result": <json>} or
// <sentinel>{"error": {"type", "name", "message"}}. The sentinel is random per invocation and reaches this script
// only through stdin, so the function's output cannot be mistaken for an outcome.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Captured before any function code runs, which may patch or replace them.
const stdout = process.stdout;
const stdoutWrite = stdout.write;
const stderr = process.stderr;
const stderrWrite = stderr.write;
const exit = process.exit.bind(process);

// A handler whose promise never settles must run into its time limit, not end the process early.
const keepAlive = setInterval(() => {}, 1 << 30);

let header;
let reported = false;

class Refusal {
  constructor(type, name, message) {
    this.error = { type, name, message };
  }
}

function report(outcome) {
  if (reported) {
    return;
  }
  reported = true;
  clearInterval(keepAlive);
  if (header === undefined) {
    stderrWrite.call(stderr, `The bootstrap failed before reading its input: ${outcome}\n`);
    exit(70);
  }
  // Pipes are written synchronously on Linux: once the callback runs, every earlier log line is out as well.
  stdoutWrite.call(stdout, `${header.sentinel}${outcome}\n`, () => exit(0));
}

function describe(value) {
  if (typeof value === 'string') {
    return value;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function errorOf(thrown) {
  if (thrown instanceof Refusal) {
    return thrown.error;
  }
  if (thrown !== null && typeof thrown === 'object' && (thrown instanceof Error || typeof thrown.message === 'string')) {
    const name = typeof thrown.name === 'string' && thrown.name !== '' ? thrown.name : 'Error';
    const type = typeof thrown.errorType === 'string' && thrown.errorType !== '' ? thrown.errorType : name;
    return { type, name, message: String(thrown.message ?? '') };
  }
  return { type: 'Error', name: 'Error', message: describe(thrown) };
}

function fail(thrown) {
  if (reported) {
    return;
  }
  if (!(thrown instanceof Refusal)) {
    const text = thrown instanceof Error && thrown.stack ? thrown.stack : describe(thrown);
    stderrWrite.call(stderr, `Invoke Error: ${text}\n`);
  }
  report(JSON.stringify({ error: errorOf(thrown) }));
}

function succeed(result) {
  let json;
  try {
    json = result === undefined ? 'null' : JSON.stringify(result);
  } catch (e) {
    fail(new Refusal('invalidResult', 'InvalidResult', `The result is not JSON-serializable: ${e?.message ?? e}`));
    return;
  }
  if (json === undefined) {
    fail(new Refusal('invalidResult', 'InvalidResult', `The result (a ${typeof result}) is not JSON-serializable.`));
    return;
  }
  report(`{"result":${json}}`);
}

async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const newline = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, newline)), eventJson: text.slice(newline + 1) };
}

async function loadHandler(codeRoot, entryPoint) {
  // Like AWS Lambda: "dir/file.export.nested" = module "dir/file", then the property path "export.nested".
  const slash = entryPoint.lastIndexOf('/');
  const dot = entryPoint.indexOf('.', slash + 1);
  if (dot <= slash + 1 || dot === entryPoint.length - 1) {
    throw new Refusal('handlerNotFound', 'HandlerNotFound', `The entry point '${entryPoint}' is not 'module.function'.`);
  }
  const modulePath = entryPoint.slice(0, dot);
  const root = path.resolve(codeRoot);
  const base = path.resolve(root, modulePath);
  if (!base.startsWith(root + path.sep)) {
    throw new Refusal('handlerNotFound', 'HandlerNotFound', `The entry point '${entryPoint}' points outside the function's code.`);
  }
  const file = ['.js', '.mjs', '.cjs'].map((extension) => base + extension).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (file === undefined) {
    throw new Refusal('handlerNotFound', 'HandlerNotFound', `Cannot find module '${modulePath}' (${modulePath}.js, .mjs or .cjs) in the function's code.`);
  }

  const namespace = await import(pathToFileURL(file).href);
  const names = entryPoint.slice(dot + 1).split('.');
  // A CommonJS module's exports are its namespace's default export.
  let target = names[0] in namespace ? namespace : namespace.default;
  for (const name of names) {
    target = target === null || target === undefined ? undefined : target[name];
  }
  if (typeof target !== 'function') {
    throw new Refusal('handlerNotFound', 'HandlerNotFound', `${entryPoint} is undefined or not an exported function.`);
  }
  return target;
}

function invoke(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (settleWith, value) => {
      if (!settled) {
        settled = true;
        settleWith(value);
      }
    };
    // The old callback style: handler(event, context, callback).
    const callback = (error, value) => (error === undefined || error === null ? settle(resolve, value) : settle(reject, error));
    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (e) {
      settle(reject, e);
      return;
    }
    if (returned !== null && typeof returned === 'object' && typeof returned.then === 'function') {
      returned.then((value) => settle(resolve, value), (e) => settle(reject, e));
    } else if (handler.length < 3) {
      settle(resolve, returned);
    }
  });
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  const input = await readInput();
  header = input.header;
  const event = JSON.parse(input.eventJson);
  const context = {
    functionName: header.functionName,
    functionVersion: '$LATEST',
    memoryLimitInMB: String(header.memoryLimitMb),
    awsRequestId: header.requestId,
    taskId: header.taskId,
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, header.deadlineEpochMs - Date.now()),
  };
  const handler = await loadHandler(header.codeRoot, header.entryPoint);
  succeed(await invoke(handler, event, context));
} catch (e) {
  fail(e);
}
