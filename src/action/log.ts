// What the Action prints: every line through src/text/workflow-log.ts, so that no text from a proposer, an
// eval, a file name or an error message becomes a workflow command in the runner's log. Use these rather
// than core.info, core.warning, core.error, core.notice and core.setFailed.
import * as core from '@actions/core';
import { annotationText, runnerText } from '../text/workflow-log.js';

/** A plain log line (or lines). */
export function info(text: string): void {
  core.info(runnerText(text));
}

export function debug(text: string): void {
  core.debug(annotationText(text));
}

export function notice(text: string, properties?: core.AnnotationProperties): void {
  core.notice(annotationText(text), properties);
}

export function warning(text: string, properties?: core.AnnotationProperties): void {
  core.warning(annotationText(text), properties);
}

export function error(text: string, properties?: core.AnnotationProperties): void {
  core.error(annotationText(text), properties);
}

/** An error annotation, and the step fails. */
export function setFailed(text: string): void {
  core.setFailed(annotationText(text));
}
