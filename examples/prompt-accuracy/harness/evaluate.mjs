// The prompt-accuracy harness: sends every message of a small labelled set (harness/questions.jsonl) to
// an OpenAI-compatible chat completions endpoint, with prompt.md as the system prompt, and prints the
// share of replies that name the right category: `accuracy: <0..1>`. Plain Node (fetch), no
// dependencies. Experiments must not change this file or the questions.
//
// Environment:
//   EVAL_MODEL        required: the model name the endpoint serves
//   EVAL_BASE_URL     default https://api.openai.com/v1 (any OpenAI-compatible server: vLLM, Ollama, ...)
//   EVAL_API_KEY      sent as a Bearer token when set. Not OPENAI_API_KEY: autoexp removes the LLM key
//                     variables from the eval's environment on purpose (so that a candidate cannot read
//                     the proposer's key), and an eval that needs a key is given its own.
//   EVAL_TEMPERATURE  sent when set (e.g. 0 for steadier scores; some models accept only their default)
//   EVAL_CONCURRENCY  requests in flight at once, default 4
// A request that fails exits 1 (autoexp records a crash) rather than counting as a wrong answer.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = dirname(fileURLToPath(import.meta.url));
const REQUEST_TIMEOUT_MS = 60_000;

const model = process.env.EVAL_MODEL;
if (!model) {
  console.error('EVAL_MODEL is not set: name the model to evaluate the prompt with (see README.md)');
  process.exit(1);
}
const baseUrl = (process.env.EVAL_BASE_URL || 'https://api.openai.com/v1').replace(/\/+$/, '');
const apiKey = process.env.EVAL_API_KEY;
const temperature = process.env.EVAL_TEMPERATURE;
const concurrency = Number(process.env.EVAL_CONCURRENCY || 4);

const prompt = readFileSync(join(HARNESS, '..', 'prompt.md'), 'utf8');
const questions = readFileSync(join(HARNESS, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

async function ask(message) {
  const body = {
    model,
    messages: [
      { role: 'system', content: prompt },
      { role: 'user', content: message },
    ],
  };
  if (temperature !== undefined && temperature !== '') body.temperature = Number(temperature);
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${baseUrl}/chat/completions answered ${response.status}: ${text.slice(0, 300)}`);
  const content = JSON.parse(text).choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error(`no message content in the reply: ${text.slice(0, 300)}`);
  return content;
}

/** "Billing." or "`billing`" count as billing; "Category: billing" does not (the prompt asks for the name only). */
function normalize(reply) {
  return reply
    .trim()
    .toLowerCase()
    .replace(/^[\s"'`*]+|[\s"'`*.]+$/g, '');
}

async function main() {
  const replies = new Array(questions.length);
  let next = 0;
  const worker = async () => {
    while (next < questions.length) {
      const index = next++;
      replies[index] = await ask(questions[index].message);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  let correct = 0;
  questions.forEach(({ message, label }, index) => {
    if (normalize(replies[index]) === label) correct++;
    else
      console.log(
        `wrong: ${JSON.stringify(message)} got ${JSON.stringify(replies[index])}, expected ${label}`,
      );
  });
  console.log(`accuracy: ${Math.round((correct / questions.length) * 10000) / 10000}`);
}

main().catch((error) => {
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  console.error(`eval failed: ${error.message}${cause}`);
  process.exit(1);
});
