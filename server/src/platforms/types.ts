import type { PlatformId } from '../engine/types.js';

export interface PlaceholderInfo {
  /** Variable name as written inside the delimiters, e.g. `ticket.requester.first_name`. */
  name: string;
  description: string;
  /** A realistic value, used in hovers and previews. */
  sample: string;
}

/** One help-desk platform's placeholder dialect. Pure data. */
export interface PlatformData {
  id: PlatformId;
  label: string;
  /** `{{name}}` or Help Scout's `{%name%}`. */
  syntax: 'mustache' | 'percent';
  /** The customer's first name. */
  customerFirstName: string;
  /** The agent's first name (or name where the platform has no first name). */
  agentName: string;
  /**
   * How a fallback is written for a name placeholder, with `$NAME` for the
   * variable and `$FALLBACK` for the fallback word; absent when the platform has none.
   */
  fallbackTemplate?: string;
  placeholders: PlaceholderInfo[];
  /** Families of names the platform generates (custom fields), as regular-expression sources. */
  namePatterns?: string[];
}

/** Writes a placeholder in the platform's own syntax. */
export function formatPlaceholder(platform: PlatformData, name: string): string {
  return platform.syntax === 'percent' ? `{%${name}%}` : `{{${name}}}`;
}

/** Writes a placeholder with a fallback where the platform supports one. */
export function formatWithFallback(platform: PlatformData, name: string, fallback: string): string | undefined {
  return platform.fallbackTemplate?.replaceAll('$NAME', name).replaceAll('$FALLBACK', fallback);
}
