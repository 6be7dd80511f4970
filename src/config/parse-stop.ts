// `stop:` (docs/format.md): when the program as a whole is over or should wait for a person.
//
//   stop:
//     target: 0.95    # the primary metric reaching this (in its goal's direction) ends the program
//     plateau: 30     # this many experiments in a row without a keep (across sessions) pause it
import { isUnset, readInteger, readOptionalNumber } from './fields.js';
import type { ConfigReader, Field } from './reader.js';
import type { StopSettings } from './settings.js';

export function parseStop(reader: ConfigReader, field: Field): StopSettings | undefined {
  if (isUnset(reader, field)) return undefined;
  const child = reader.section(field, ['target', 'plateau']);
  const target = readOptionalNumber(reader, child('target'));
  const plateauField = child('plateau');
  const plateau = isUnset(reader, plateauField)
    ? undefined
    : readInteger(reader, plateauField, { fallback: 0, min: 1 });
  const stop: StopSettings = {
    ...(target === undefined ? {} : { target }),
    ...(plateau === undefined || plateau < 1 ? {} : { plateau }),
  };
  return stop.target === undefined && stop.plateau === undefined ? undefined : stop;
}
