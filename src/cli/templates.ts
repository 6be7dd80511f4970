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
# More examples: docs/workflows.md in the autoexp repository; every input and output: docs/action.md.
name: autoexp
on:
  schedule:
    - cron: '17 3 * * *'       # off the hour: scheduled runs on the hour are delayed most
  workflow_dispatch:
    inputs:
      experiments:
        description: experiments to run (empty = budget.experiments)
        required: false
      time-budget:
        description: start no new experiment after this long, e.g. 30m (empty = budget.time)
        required: false
permissions:
  contents: write              # push autoexp/<tag>
  pull-requests: write         # open and update the summary PR
concurrency:
  group: autoexp-my-first-run  # autoexp-<tag>: one session per tag at a time (runs on one tag race to push)
  cancel-in-progress: false    # let a running session finish; the next one waits
jobs:
  autoexp:
    runs-on: ubuntu-latest
    timeout-minutes: 60        # budget.time (45m) + one more experiment (eval.timeout) + setup
    steps:
      - uses: actions/checkout@v5
      - uses: autoexp/autoexp@v0   # replace with where autoexp is published; pin a tag or a commit sha
        with:
          experiments: \${{ inputs.experiments }}
          time-budget: \${{ inputs.time-budget }}
          # api-key: \${{ secrets.ANTHROPIC_API_KEY }}   # a command proposer gets it as AUTOEXP_API_KEY
`;
