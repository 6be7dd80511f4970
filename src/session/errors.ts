// Errors that end a session before or between experiments; front ends print their message as is.

/** The repository, the branch or the config cannot be used as they are; the message says what to do. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Something the session needs failed (eval.setup, the baseline, a proposer that cannot work). */
export class SessionError extends SetupError {
  override name = 'SessionError';
}
