import type { PlatformId } from '../engine/types.js';
import type { PlatformData } from './types.js';
import { zendesk } from './zendesk.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import { freshdesk } from './freshdesk.js';
import { front } from './front.js';
import { generic } from './generic.js';

export const platforms: Record<PlatformId, PlatformData> = { zendesk, helpscout, intercom, freshdesk, front, generic };
export const platformIds = Object.keys(platforms) as PlatformId[];

export type { PlatformData, PlaceholderInfo } from './types.js';
export { formatPlaceholder, formatWithFallback } from './types.js';
