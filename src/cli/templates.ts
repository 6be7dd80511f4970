// What `autoexp init` writes. Comments teach; values are a working starting point.

export const CONFIG_TEMPLATE = `# autoexp setup — see the README for every key.
tag: my-first-run              # branch autoexp/<tag>; results in .autoexp/<tag>/
scope:
  modify: [config.yaml]        # the ONLY files an experiment may change
  context: []                  # read-only files worth showing to the proposer
eval:
  command: ./evaluate.sh       # immutable; prints e.g. "score: 0.731"
  timeout: 5m
  repeats: 1
metrics:
  - name: score
    goal: maximize
budget:
  experiments: 5               # per session (one workflow run)
  time: 45m
proposer:
  kind: mutate                 # offline numeric search; or: command (a coding agent), llm
  seed: 1
`;

export const PROGRAM_TEMPLATE = `# Research strategy

What we are optimizing and why. What to try first, what not to try, and what a good change looks like.

- Goal: raise \`score\` (printed by ./evaluate.sh) without breaking anything.
- Ideas worth trying: …
- Do not: …
`;

export const WORKFLOW_TEMPLATE = `# autoexp: a few experiments every night; the results arrive as one pull request.
name: autoexp
on:
  schedule:
    - cron: '17 3 * * *'       # off the hour: scheduled runs on the hour are delayed most
  workflow_dispatch:
    inputs:
      experiments:
        description: experiments to run
        required: false
permissions:
  contents: write              # push autoexp/<tag>
  pull-requests: write         # open and update the summary PR
concurrency:
  group: autoexp-\${{ github.ref }}   # one session per branch at a time
  cancel-in-progress: false
jobs:
  autoexp:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    steps:
      - uses: actions/checkout@v5
      - uses: autoexp/autoexp@v0
        with:
          experiments: \${{ inputs.experiments }}
          # api-key: \${{ secrets.OPENAI_API_KEY }}   # for proposer.kind: llm
`;
