import type { Channel } from '../engine/types.js';

/** `diagnostic.source` of everything Tactful reports. */
export const SOURCE = 'tactful';

/** Rule doc links come from one place, shared with the CLI's SARIF output. */
export { ruleDocUrl } from '../engine/doc-links.js';

/**
 * Word budgets of a macro's body by channel, used by the metrics lens when the
 * `length` rule's options do not say otherwise.
 */
export const CHANNEL_WORD_BUDGETS: Readonly<Record<Channel, number>> = {
  email: 180,
  chat: 60,
  social: 50,
  phone: 180,
};

/** Files `tactful/lintWorkspace` lints at most in one run. */
export const MAX_WORKSPACE_FILES = 20000;

/** Macros larger than this are not linted from disk during a workspace lint. */
export const MAX_MACRO_BYTES = 1024 * 1024;

/** Folders a workspace walk never enters. */
export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  showDocumentation: 'tactful.server.showDocumentation',
  applyFixAll: 'tactful.server.applyFixAll',
  createConfig: 'tactful.server.createConfig',
} as const;

/** Code action kind of the whole-file fix, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.tactful';
