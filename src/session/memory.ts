// The program's memory on the branch, next to the ledger in results.dir: lessons.md (what was learned,
// src/memory/lessons.ts) and program.json (stop.target and stop.plateau, program-stop.ts). Loaded from the
// branch's tree when a session starts; after every recorded experiment the files are brought up to date
// and committed with the ledger (recorder.ts). Only autoexp writes them: a proposer's lessons come in as
// text, cleaned and bounded, never as a file of its own.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import type { ExperimentRecord, LedgerRow } from '../ledger/types.js';
import { LedgerFacts } from '../memory/ledger-facts.js';
import {
  addLessons,
  cleanLesson,
  LESSONS_FILE,
  LESSONS_PER_EXPERIMENT,
  lessonsForPrompt,
  parseLessons,
  renderLessons,
  type Lesson,
} from '../memory/lessons.js';
import {
  parseProgramState,
  PROGRAM_FILE,
  programAfterRecord,
  renderProgramState,
  type Halt,
  type ProgramInputs,
  type ProgramState,
} from './program-stop.js';

/** A proposal's lessons as the record keeps them: cleaned, non-empty, at most LESSONS_PER_EXPERIMENT. */
export function recordedLessons(lessons: readonly string[] | undefined): string[] | undefined {
  const clean = (lessons ?? []).map(cleanLesson).filter((lesson) => lesson !== '');
  return clean.length > 0 ? clean.slice(0, LESSONS_PER_EXPERIMENT) : undefined;
}

export class ProgramMemory {
  /** Set when the last recorded experiment reached stop.target or made a plateau: no experiment starts. */
  halt: Halt | undefined;

  private constructor(
    private readonly settings: Settings,
    private readonly branch: string,
    private noted: Lesson[],
    private readonly facts: LedgerFacts,
    private program: ProgramState,
    private readonly inputs: ProgramInputs,
    /** What the files in the tree hold, to write only what changed. */
    private written: { lessons: string | undefined; program: string | undefined },
    /** Why this session resumed a paused program: recorded with its first experiment. */
    private resumed: string | undefined,
  ) {}

  static async load(options: {
    settings: Settings;
    branch: string;
    treePath: string;
    records: readonly ExperimentRecord[];
    inputs: ProgramInputs;
    resumed?: string;
  }): Promise<ProgramMemory> {
    const dir = join(options.treePath, options.settings.results.dir);
    const lessons = await readFile(join(dir, LESSONS_FILE), 'utf8').catch(() => undefined);
    const program = await readFile(join(dir, PROGRAM_FILE), 'utf8').catch(() => undefined);
    return new ProgramMemory(
      options.settings,
      options.branch,
      parseLessons(lessons),
      new LedgerFacts(options.records),
      parseProgramState(program),
      options.inputs,
      { lessons, program },
      options.resumed,
    );
  }

  /** What proposers get: the lessons as prompts show them, and the whole file (AUTOEXP_LESSONS_FILE). */
  forProposer(): { forPrompt: string; markdown: string } {
    const lessons = { facts: this.facts.lines(), noted: this.noted };
    return { forPrompt: lessonsForPrompt(lessons), markdown: renderLessons(this.branch, lessons) };
  }

  /**
   * Takes in a recorded experiment and writes what changed into `treePath`'s results dir. Returns the
   * paths written (relative to the repository root) with what they hold, and whether any is new to git.
   */
  async record(
    treePath: string,
    record: ExperimentRecord,
    rows: readonly LedgerRow[],
  ): Promise<{ paths: string[]; newPaths: boolean; contents: Map<string, string> }> {
    this.facts.add(record);
    if (record.lessons) this.noted = addLessons(this.noted, record.experiment, record.lessons);
    if (this.resumed !== undefined) {
      // The pause is over: the plateau counts from here.
      this.program = {
        resumed: { experiments: record.experiment, timestamp: record.timestamp, why: this.resumed },
      };
      this.resumed = undefined;
    }
    this.halt = programAfterRecord({
      settings: this.settings,
      rows,
      state: this.program,
      now: this.inputs,
      timestamp: new Date().toISOString(),
    });
    if (this.halt?.kind === 'paused') this.program = { ...this.program, paused: this.halt.pause };

    const lessons = renderLessons(this.branch, { facts: this.facts.lines(), noted: this.noted });
    const program = Object.keys(this.program).length > 0 ? renderProgramState(this.program) : undefined;
    const paths: string[] = [];
    const contents = new Map<string, string>();
    let newPaths = false;
    const dir = this.settings.results.dir;
    const write = async (name: string, before: string | undefined, text: string) => {
      await writeFile(join(treePath, dir, name), text);
      paths.push(`${dir}/${name}`);
      contents.set(`${dir}/${name}`, text);
      if (before === undefined) newPaths = true;
    };
    if (lessons !== this.written.lessons) {
      await write(LESSONS_FILE, this.written.lessons, lessons);
      this.written.lessons = lessons;
    }
    if (program !== undefined && program !== this.written.program) {
      await write(PROGRAM_FILE, this.written.program, program);
      this.written.program = program;
    }
    return { paths, newPaths, contents };
  }
}
