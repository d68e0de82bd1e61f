/**
 * The engine on hostile input, its size and nesting limits, rule isolation,
 * and configuration as data only: every hostile macro gives well-formed
 * findings (and a notice where the body is not read) instead of a throw or
 * a freeze; a rule that throws or reports nonsense is one error finding for
 * that rule while the others report as before; configuration phrases are
 * literal words, never patterns, and YAML tags, aliases and `__proto__` keys
 * are only data.
 */
import assert from 'node:assert/strict';
import {
  ENGINE_NOTICE_ID, MAX_DELIMITER_RUN, MAX_NESTING, MAX_READ_LENGTH, defaultConfig, lint, mergeConfig, parseConfigText, parseMacro, ruleIds, rules,
  type Finding, type RuleDefinition,
} from 'tactful-server';
import { assertWellFormedFindings } from './checks.js';
import { HOSTILE_CONFIGS, HOSTILE_MACROS, MACRO, NOTICED, hugeMacro, yamlBomb } from './hostile.js';

const config = defaultConfig();
const lintText = (text: string, ruleSet: readonly RuleDefinition[] = rules) => lint(text, { rules: ruleSet, config }).findings;
const FRONT = '---\ntitle: Limits\n---\n';

describe('reliability: engine on hostile input', function () {
  this.timeout(120_000);

  for (const [name, make] of Object.entries(HOSTILE_MACROS)) {
    it(`${name}: well-formed findings${NOTICED.has(name) ? ', and one notice on line 1 instead of reading the body' : ''}`, () => {
      const text = make();
      const findings = lintText(text);
      assertWellFormedFindings(text, findings);
      const notices = findings.filter((f) => f.ruleId === ENGINE_NOTICE_ID);
      if (NOTICED.has(name)) {
        assert.equal(notices.length, 1);
        assert.equal(notices[0]!.severity, 'info');
        assert.equal(parseMacro(text).lines.position(notices[0]!.range.start).line, 0);
        // Only the front matter was checked: no prose findings from a body that was not read.
        assert.deepEqual(findings.filter((f) => f.ruleId !== ENGINE_NOTICE_ID && f.ruleId !== 'frontmatter').map((f) => f.ruleId), []);
      } else {
        assert.deepEqual(notices, [], 'read in full');
      }
    });
  }

  it('reads a 1 MB macro in full; above the limit, the front matter is still checked', () => {
    assert.ok(MAX_READ_LENGTH > 1024 * 1024, 'the benchmark lints up to 1 MB, so 1 MB must be read in full');
    const over = `---\ntitle: [broken\n---\n${'a'.repeat(MAX_READ_LENGTH)}`;
    const findings = lintText(over);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['frontmatter', ENGINE_NOTICE_ID]);
    assert.match(findings.find((f) => f.ruleId === ENGINE_NOTICE_ID)!.message, /MB long; Tactful checks macros of up to 1\.25 MB/);
    // Just under the limit (a cheap body), the file is read.
    assert.equal(parseMacro(`${FRONT}${'a'.repeat(MAX_READ_LENGTH - FRONT.length - 1)}\n`).unread, undefined);
  });

  it(`reads nesting up to ${MAX_NESTING} levels and runs of up to ${MAX_DELIMITER_RUN} "*"`, () => {
    assert.equal(parseMacro(`${FRONT}${'> '.repeat(MAX_NESTING)}We will refund you right away.\n`).unread, undefined);
    assert.ok(parseMacro(`${FRONT}${'> '.repeat(MAX_NESTING + 1)}We will refund you right away.\n`).unread);
    assert.equal(parseMacro(`${FRONT}${'  '.repeat(MAX_NESTING - 1)}- item\n`).unread, undefined);
    assert.ok(parseMacro(`${FRONT}${'  '.repeat(MAX_NESTING)}- item\n`).unread);
    assert.equal(parseMacro(`${FRONT}${'*'.repeat(MAX_DELIMITER_RUN)}\n`).unread, undefined);
    assert.ok(parseMacro(`${FRONT}${'_'.repeat(MAX_DELIMITER_RUN + 1)}\n`).unread);
    // Ordinary macros are never near the limits.
    assert.equal(parseMacro(MACRO).unread, undefined);
    assert.equal(parseMacro(hugeMacro(100 * 1024)).unread, undefined);
  });

  it('a 100 KB macro is linted to its end', () => {
    const text = hugeMacro(100 * 1024);
    const last = lintText(text).filter((f) => f.ruleId === 'no-overpromise').at(-1)!;
    assert.ok(last.range.start > text.length - 300, 'findings reach the end of the file');
  });
});

describe('reliability: rule isolation', () => {
  const throwing = (value: unknown): RuleDefinition => ({
    id: 'test-throwing',
    title: 'Throws',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    guideline: { seeds: ['MACRO-FORMAT'], summary: 'Throws.' },
    check() {
      throw value;
    },
  });
  const reporting = (range: unknown, suggestions: unknown = []): RuleDefinition => ({
    ...throwing(undefined),
    id: 'test-nonsense',
    check(context) {
      context.report({ range: { start: 0, end: 1 }, message: 'fine' });
      context.report({ range, message: 'nonsense', suggestions } as never);
    },
  });
  const without = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId !== id);

  for (const [what, value] of [['an Error', new TypeError('boom')], ['a string', 'boom'], ['null', null], ['an object', { message: 42 }]] as const) {
    it(`a rule that throws ${what}: one error for it, the other rules unchanged`, () => {
      const reference = lintText(MACRO);
      for (const ruleSet of [[throwing(value), ...rules], [...rules, throwing(value)]]) {
        const findings = lintText(MACRO, ruleSet);
        const broken = findings.filter((f) => f.ruleId === 'test-throwing');
        assert.equal(broken.length, 1);
        assert.equal(broken[0]!.severity, 'error');
        assert.match(broken[0]!.message, /"test-throwing" failed on this file and was skipped/);
        assert.deepEqual(without(findings, 'test-throwing'), reference);
      }
    });
  }

  for (const [what, range, suggestions] of [
    ['a negative offset', { start: -4, end: 2 }, []],
    ['NaN', { start: Number.NaN, end: 3 }, []],
    ['an end past the text', { start: 0, end: 1e9 }, []],
    ['start after end', { start: 9, end: 2 }, []],
    ['no range at all', undefined, []],
    ['a suggestion past the text', { start: 0, end: 2 }, [{ title: 'x', edit: { range: { start: 5, end: 1e9 }, text: 'x' } }]],
    ['a suggestion without text', { start: 0, end: 2 }, [{ title: 'x', edit: { range: { start: 0, end: 2 } } }]],
  ] as const) {
    it(`a rule that reports ${what}: one error for it instead, the other rules unchanged`, () => {
      const findings = lintText(MACRO, [reporting(range, suggestions), ...rules]);
      assertWellFormedFindings(MACRO, findings);
      const own = findings.filter((f) => f.ruleId === 'test-nonsense');
      assert.equal(own.length, 1, JSON.stringify(own));
      assert.match(own[0]!.message, /invalid range/);
      assert.deepEqual(without(findings, 'test-nonsense'), lintText(MACRO));
    });
  }
});

describe('reliability: configuration is data', function () {
  this.timeout(60_000);
  const configured = (text: string) => {
    const parsed = parseConfigText(text, '.tactful.yaml', ruleIds);
    return { ...parsed, config: mergeConfig(defaultConfig(), parsed.config) };
  };

  it('YAML tags that other loaders execute are plain strings here', () => {
    const { config: resolved, errors } = configured([
      'phrases:',
      '  corporate-speak:',
      '    - match: !!js/regexp /(a+)+$/',
      '    - match: !!js/function "function () { process.exit(3) }"',
      '    - match: !!python/object/apply:os.system ["touch /tmp/tactful-pwned"]',
      'words: !!js/undefined ""',
    ].join('\n'));
    assert.ok(errors.some((e) => e.key === 'words'));
    const matches = resolved.phrases['corporate-speak']!.map((p) => p.match);
    assert.ok(matches.every((m) => typeof m === 'string' || (Array.isArray(m) && m.every((x) => typeof x === 'string'))), JSON.stringify(matches));
  });

  it('phrases are literal words: a pattern is matched as written and cannot make matching slow', () => {
    const { config: resolved } = configured('phrases:\n  corporate-speak:\n    - match: "(a+)+$"\n    - match: ".*"\n    - match: "[a-z]+ away"\n');
    const lintWith = (text: string) => lint(text, { rules, config: resolved }).findings.filter((f) => f.ruleId === 'corporate-speak');
    const evil = `${FRONT}${'a'.repeat(50_000)}!\n\nSome text here, nothing else.\n\nSend it right away.\n`;
    const started = Date.now();
    assert.deepEqual(lintWith(evil), [], 'no phrase is a pattern');
    assert.ok(Date.now() - started < 30_000);
    assert.equal(lintWith(`${FRONT}The rule is (a+)+$ exactly.\n`).length, 1, 'the phrase as written is found');
    assert.equal(lintWith(`${FRONT}See [a-z]+ away there.\n`).length, 1);
  });

  it('50,000 configured phrases compile once and lint a macro', () => {
    const { files } = HOSTILE_CONFIGS['50,000 phrases']!();
    const { config: resolved, errors } = configured(files['.tactful.yaml']!);
    assert.deepEqual(errors, []);
    assert.equal(resolved.phrases['corporate-speak']!.length, 50_000);
    const findings = lint(`${FRONT}Hi there,\n\nThis is team phrase number 49999, and team phrase number 7.\n`, { rules, config: resolved }).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'corporate-speak').map((f) => f.actual), ['team phrase number 49999', 'team phrase number 7']);
  });

  it('aliases cannot explode, and __proto__ keys pollute nothing', () => {
    const bomb = configured(`${yamlBomb()}\nwords: *i\n`);
    assert.ok(bomb.errors.length > 0);
    for (const text of ['__proto__:\n  polluted: 1\n', 'rules:\n  __proto__: {polluted: 1}\n  constructor: off\n', '{"__proto__": {"polluted": 1}}']) {
      const { config: resolved } = configured(text);
      lint(MACRO, { rules, config: resolved });
      assert.equal(({} as Record<string, unknown>).polluted, undefined, text);
    }
    lint('---\ntitle: x\n__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\n---\nHi.\n', { rules, config });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
