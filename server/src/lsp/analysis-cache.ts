/**
 * What the server keeps of each open document's lint.
 *
 * A full analysis (the parse tree, the natural-language tree, the masked
 * blocks) is some two hundred times the size of the text, so only the few
 * most recently used documents keep one: they are the ones being typed in,
 * hovered and fixed. Every open document keeps its findings and diagnostics,
 * which is all that diagnostics and the workspace lint need; a request that
 * needs the full analysis of another document lints it again. Documents that
 * are only opened (a whole folder at once, say) never enter the few: their
 * analyses then die young, which keeps the heap from growing while they are
 * linted.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types.js';
import type { LintResult } from '../engine/lint.js';

/** The lint of one version of a document, as every open document keeps it. */
export interface DocumentFindings<Context> {
  version: number;
  /** The settings-and-configuration generation it was linted under. */
  generation: number;
  context: Context;
  /** Undefined when the document is not linted (not a macro, or disabled). */
  findings?: Finding[];
  diagnostics: Diagnostic[];
}

/** The same with what hover, completion, code actions and the lens need. */
export interface FullAnalysis<Context> extends DocumentFindings<Context> {
  snapshot: TextDocument;
  result?: LintResult;
}

export interface AnalysisCacheLimits {
  /** Full analyses kept at most. */
  documents: number;
  /** Characters of source the kept full analyses may add up to (the newest is kept whatever its size). */
  characters: number;
}

export const DEFAULT_ANALYSIS_LIMITS: AnalysisCacheLimits = { documents: 8, characters: 256 * 1024 };

export class AnalysisCache<Context> {
  private readonly findingsByUri = new Map<string, DocumentFindings<Context>>();
  /** Least recently used first. */
  private readonly recent = new Map<string, FullAnalysis<Context>>();

  constructor(private readonly limits: AnalysisCacheLimits = DEFAULT_ANALYSIS_LIMITS) {}

  /** The findings of `uri` at exactly this version and generation. */
  findings(uri: string, version: number, generation: number): DocumentFindings<Context> | undefined {
    const kept = this.findingsByUri.get(uri);
    return kept && kept.version === version && kept.generation === generation ? kept : undefined;
  }

  /** The full analysis of `uri` at exactly this version and generation, now the most recently used. */
  full(uri: string, version: number, generation: number): FullAnalysis<Context> | undefined {
    const kept = this.recent.get(uri);
    if (!kept || kept.snapshot.version !== version || kept.generation !== generation) return undefined;
    this.recent.delete(uri);
    this.recent.set(uri, kept);
    return kept;
  }

  /** The version of `uri` last kept, if any. */
  keptVersion(uri: string): number | undefined {
    return this.findingsByUri.get(uri)?.version;
  }

  /** Whether `uri` keeps a full analysis, of any version: it is one of the documents in use. */
  hasFull(uri: string): boolean {
    return this.recent.has(uri);
  }

  /**
   * Keeps the findings of `analysis`, and with `full` the whole of it. Without `full` an older full
   * analysis of the document goes too: it would never be used again.
   */
  store(uri: string, analysis: FullAnalysis<Context>, full: boolean): void {
    const { version, generation, context, findings, diagnostics } = analysis;
    // A new object, so that nothing here holds on to the full analysis once it leaves `recent`.
    this.findingsByUri.set(uri, { version, generation, context, ...(findings ? { findings } : {}), diagnostics });
    this.recent.delete(uri);
    if (!full) return;
    this.recent.set(uri, analysis);
    this.evict();
  }

  delete(uri: string): void {
    this.findingsByUri.delete(uri);
    this.recent.delete(uri);
  }

  clear(): void {
    this.findingsByUri.clear();
    this.recent.clear();
  }

  /** How many documents keep a full analysis (for tests of the limits). */
  get fullCount(): number {
    return this.recent.size;
  }

  private evict(): void {
    let characters = 0;
    for (const analysis of this.recent.values()) characters += analysis.snapshot.getText().length;
    for (const [uri, analysis] of this.recent) {
      if (this.recent.size <= 1) break;
      if (this.recent.size <= this.limits.documents && characters <= this.limits.characters) break;
      characters -= analysis.snapshot.getText().length;
      this.recent.delete(uri);
    }
  }
}
