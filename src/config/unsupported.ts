// Keys that are part of the autoexp.yml schema but whose feature a later issue builds. The parser reads
// and validates them fully; this list alone rejects them, so enabling a feature means deleting its line.
import type { Settings } from './settings.js';

/** Top-level keys that are read apart from the rest of Settings (workers, track). */
export interface LaterKeys {
  workers?: number;
  track?: string;
}

export interface ParsedConfig {
  settings: Settings;
  later: LaterKeys;
}

export interface NotSupportedYet {
  keyPath: string;
  /** True when the config asks for the feature (a non-default value). */
  isUsed: (config: ParsedConfig) => boolean;
  /** Shown in brackets after "not supported yet": what works today. */
  note: string;
}

/** Empty since every key the parser reads works; the mechanism stays for keys whose feature comes later. */
export const NOT_SUPPORTED_YET: readonly NotSupportedYet[] = [];
