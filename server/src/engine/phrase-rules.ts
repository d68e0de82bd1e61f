import type { PhraseEntry, RuleDefinition } from './rule.js';
import type { ResolvedConfig } from './config.js';
import { PhraseMatcher, blockTokens, tokenize, type PhraseMatch } from './phrase-matcher.js';
import { RecentCache } from './recent-cache.js';
import type { MacroDocument, ProseBlock } from './types.js';

export interface CompiledPhraseRules {
  /** Matches in file offsets, after `fromOccurrence` and each rule's `allow` option. */
  run(document: MacroDocument, config: ResolvedConfig): PhraseMatch[];
}

const cache = new Map<string, CompiledPhraseRules>();
const CACHE_SIZE = 16;

/**
 * Builds (or reuses) the one matcher for the given phrase rules plus the
 * team's configured phrases. Configured phrases are literal words, never
 * patterns, so no configuration can make matching slow.
 */
export function compileMatcher(rules: RuleDefinition[], config: ResolvedConfig): CompiledPhraseRules {
  const key = rules.map((r) => r.id).join(',') + '\0' + JSON.stringify(config.phrases);
  const cached = cache.get(key);
  if (cached) return cached;

  const matcher = new PhraseMatcher();
  for (const rule of rules) {
    for (const entry of rule.phrases ?? []) matcher.add(rule.id, entry);
    for (const phrase of config.phrases[rule.id] ?? []) {
      const entry: PhraseEntry = { match: phrase.match, suggest: phrase.replace ?? [] };
      if (phrase.message) entry.message = phrase.message;
      matcher.add(rule.id, entry);
    }
  }

  // A block's matches depend on its text alone: an edited document (the incremental linter)
  // or a library of macros sharing paragraphs asks again for the same texts.
  const byText = new RecentCache<string, PhraseMatch[]>();
  const matchesIn = (block: ProseBlock): PhraseMatch[] => {
    const text = block.masked;
    let found = byText.get(text);
    if (!found) {
      byText.set(text, (found = matcher.match(text, blockTokens(block))));
    }
    return found;
  };
  const compiled: CompiledPhraseRules = {
    run(document, runConfig) {
      const matches: PhraseMatch[] = [];
      const seen = new Map<PhraseEntry, number>();
      for (const block of document.blocks) {
        for (const match of matchesIn(block)) {
          const count = (seen.get(match.entry) ?? 0) + 1;
          seen.set(match.entry, count);
          if (match.entry.fromOccurrence && count < match.entry.fromOccurrence) continue;
          if (isAllowed(block.masked.slice(match.start, match.end), runConfig.rules[match.ruleId]?.options?.allow)) continue;
          matches.push({ ...match, start: match.start + block.range.start, end: match.end + block.range.start });
        }
      }
      return matches;
    },
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

function isAllowed(text: string, allow: unknown): boolean {
  if (!Array.isArray(allow) || allow.length === 0) return false;
  const words = tokenize(text).map((t) => t.norm).join(' ');
  return allow.some((phrase) => typeof phrase === 'string' && tokenize(phrase).map((t) => t.norm).join(' ') === words);
}
